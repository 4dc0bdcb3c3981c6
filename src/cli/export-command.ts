import { once } from 'node:events';
import { createWriteStream, existsSync } from 'node:fs';
import type { Command } from 'commander';
import { sql, type Kysely } from 'kysely';
import type { ImportableEntity } from '../server/modules/imports/import-fields.js';
import { entityCsv } from '../server/modules/exports/entity-csv.js';
import { writeWorkspaceJson } from '../server/modules/exports/workspace-json.js';
import { UsageError, withDatabase } from './context.js';
import { importTarget } from './import-target.js';
import { progressReporter } from './progress.js';

const ENTITIES = ['companies', 'contacts', 'deals', 'activities', 'workspace'];

/** A writer that waits when the file or pipe is full, so memory holds one batch. */
function output(path: string | undefined) {
  const stream = path ? createWriteStream(path) : process.stdout;
  return {
    write: async (text: string) => {
      if (!stream.write(text)) await once(stream, 'drain');
    },
    close: () => (path ? new Promise<void>((resolve) => stream.end(resolve)) : Promise.resolve()),
  };
}

export function registerExportCommand(program: Command): void {
  program
    .command('export')
    .description(
      'Export companies, contacts, deals or activities as CSV (the columns `import` reads back), or the whole workspace as JSON',
    )
    .argument('<what>', ENTITIES.join(' | '))
    .option('--workspace <id-or-name>', 'workspace to export (default: the only one)')
    .option('--out <file>', 'file to write (default: standard output)')
    .option('--force', 'overwrite --out if it exists')
    .action(async (what: string, opts: { workspace?: string; out?: string; force?: boolean }) => {
      if (!ENTITIES.includes(what))
        throw new UsageError(`<what>: "${what}" is not one of ${ENTITIES.join(', ')}`);
      if (opts.out && existsSync(opts.out) && !opts.force)
        throw new UsageError(`--out: ${opts.out} exists; pass --force to overwrite it`);
      const started = performance.now();
      await withDatabase(async ({ db }) => {
        const { workspaceId } = await importTarget(db, opts.workspace);
        const out = output(opts.out);
        const total = await rowsToExport(db as Kysely<unknown>, what, workspaceId);
        const progress = progressReporter(`Exporting ${what}`);
        let rows = 0;
        if (what === 'workspace')
          rows = (
            await writeWorkspaceJson(db as Kysely<unknown>, workspaceId, out.write, (n) =>
              progress(n, Math.max(n, total)),
            )
          ).rows;
        else
          for await (const part of entityCsv(db, what as ImportableEntity, workspaceId)) {
            await out.write(part.text);
            if (part.rows) progress((rows += part.rows), Math.max(rows, total));
          }
        if (rows === 0) progress(0, 0);
        await out.close();
        const s = (performance.now() - started) / 1000;
        process.stderr.write(
          `${rows} rows in ${s.toFixed(1)} s (${Math.round(rows / s)} rows/s)${opts.out ? ` to ${opts.out}` : ''}\n`,
        );
      });
    });
}

/** How many rows the export will write, for the progress bar. */
async function rowsToExport(db: Kysely<unknown>, what: string, workspaceId: string) {
  const tables =
    what === 'workspace' ? ['companies', 'contacts', 'deals', 'deal_events', 'activities'] : [what];
  let n = 0;
  for (const t of tables)
    n += (
      await sql<{
        n: number;
      }>`select count(*)::int as n from ${sql.id(t)} where workspace_id = ${workspaceId}`.execute(
        db,
      )
    ).rows[0]!.n;
  return n;
}
