import { Command, CommanderError } from 'commander';
import { DataDirInUseError } from '../db/data-dir-lock.js';
import { DomainError } from '../domain/errors.js';
import { registerBackupCommands } from './backup-commands.js';
import { registerDigestCommand } from './digest-command.js';
import { registerExportCommand } from './export-command.js';
import { registerForecastCommand } from './forecast-command.js';
import { registerImportCommand } from './import-command.js';
import { registerServerCommands } from './server-commands.js';
import { registerUserCommands } from './users-command.js';
import { UsageError } from './context.js';

const program = new Command()
  .name('pipewright')
  .description('Pipewright, the self-hosted sales-pipeline CRM')
  .showHelpAfterError()
  .exitOverride();
registerServerCommands(program);
registerUserCommands(program);
registerDigestCommand(program);
registerImportCommand(program);
registerBackupCommands(program);
registerExportCommand(program);
registerForecastCommand(program);
for (const command of program.commands) {
  command.exitOverride();
  for (const sub of command.commands) sub.exitOverride();
}

try {
  await program.parseAsync(process.argv);
} catch (err) {
  if (err instanceof CommanderError) {
    // --help and --version exit 0; every other commander error is a usage error.
    process.exit(err.exitCode === 0 ? 0 : 2);
  }
  if (err instanceof UsageError || err instanceof DomainError || err instanceof DataDirInUseError) {
    process.stderr.write(`pipewright: ${err.message}\n`);
    process.exit(2);
  }
  process.stderr.write(
    `pipewright: ${err instanceof Error ? (err.stack ?? err.message) : String(err)}\n`,
  );
  process.exit(1);
}
