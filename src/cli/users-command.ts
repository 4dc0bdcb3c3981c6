import type { Command } from 'commander';
import { z } from 'zod';
import { email, password } from '../contracts/auth.js';
import { roleSchema } from '../contracts/common.js';
import { createApiToken } from '../server/modules/auth/tokens.service.js';
import { createWorkspace, insertUser } from '../server/modules/workspaces/workspace-setup.js';
import { normaliseEmail } from '../domain/normalise.js';
import { UsageError, withDatabase } from './context.js';

function parseOrUsage<T>(schema: z.ZodType<T>, value: unknown, flag: string): T {
  const parsed = schema.safeParse(value);
  if (!parsed.success)
    throw new UsageError(`${flag}: ${parsed.error.issues[0]?.message ?? 'invalid'}`);
  return parsed.data;
}

export function registerUserCommands(program: Command): void {
  const user = program.command('user').description('Manage users');
  user
    .command('create')
    .description(
      'Create a user; with no workspace yet (or --new-workspace NAME), an admin and a workspace',
    )
    .requiredOption('--email <email>', 'login email')
    .requiredOption('--password <password>', 'at least 10 characters')
    .option('--role <role>', 'admin | manager | rep', 'rep')
    .option('--name <name>', 'display name (default: the part of the email before @)')
    .option('--workspace <id-or-name>', 'workspace to join (default: the only one)')
    .option('--new-workspace <name>', 'create a new workspace with this user as its admin')
    .action(
      async (opts: {
        email: string;
        password: string;
        role: string;
        name?: string;
        workspace?: string;
        newWorkspace?: string;
      }) => {
        const mail = parseOrUsage(email, opts.email, '--email');
        const pass = parseOrUsage(password, opts.password, '--password');
        const role = parseOrUsage(roleSchema, opts.role, '--role');
        const name = opts.name ?? mail.split('@')[0] ?? mail;
        await withDatabase(async ({ db }) => {
          const workspaces = await db
            .selectFrom('workspaces')
            .select(['id', 'name'])
            .orderBy('created_at')
            .execute();
          if (opts.newWorkspace || workspaces.length === 0) {
            const { workspace, admin } = await createWorkspace(db, {
              name: opts.newWorkspace ?? 'My workspace',
              admin: { email: mail, password: pass, name, role: 'admin' },
            });
            process.stdout.write(
              `Created workspace "${workspace.name}" (${workspace.id}) with admin ${admin.email} (${admin.id})\n`,
            );
            return;
          }
          const match = opts.workspace
            ? workspaces.filter((w) => w.id === opts.workspace || w.name === opts.workspace)
            : workspaces;
          if (match.length !== 1) {
            const names = workspaces.map((w) => `  ${w.id}  ${w.name}`).join('\n');
            throw new UsageError(
              opts.workspace
                ? `--workspace: no single workspace matches "${opts.workspace}":\n${names}`
                : `--workspace is needed; there are several:\n${names}`,
            );
          }
          const created = await insertUser(db, match[0]!.id, {
            email: mail,
            password: pass,
            name,
            role,
          });
          process.stdout.write(
            `Created ${role} ${created.email} (${created.id}) in "${match[0]!.name}"\n`,
          );
        });
      },
    );

  const token = program.command('token').description('Manage API tokens');
  token
    .command('create')
    .description('Create a personal API token for a user and print it on stdout')
    .requiredOption('--email <email>', 'the user the token acts as')
    .option('--name <name>', 'a label for the token', 'cli')
    .action(async (opts: { email: string; name: string }) => {
      const mail = normaliseEmail(parseOrUsage(email, opts.email, '--email'));
      await withDatabase(async ({ db }) => {
        const found = await db
          .selectFrom('users')
          .select(['id', 'active'])
          .where('email', '=', mail)
          .executeTakeFirst();
        if (!found || !found.active) throw new UsageError(`--email: no active user ${mail}`);
        const created = await createApiToken(db, found.id, opts.name);
        process.stdout.write(`${created.token}\n`);
      });
    });
}
