import { sql, type Kysely } from 'kysely';
import { dumpTables, type TableSelection } from '../../../db/portable/table-dump.js';
import { ident, readTables, type TableInfo } from '../../../db/portable/table-graph.js';

// Secrets and sign-in traces stay out of a workspace export: sessions, tokens, failed logins,
// the capture form's rate-limit log, and every hash column.
const LEFT_OUT_TABLES = new Set(['sessions', 'api_tokens', 'login_failures', 'capture_hits']);
const LEFT_OUT_COLUMNS = new Set(['password_hash', 'ics_token_hash', 'token_hash', 'secret_hash']);
const FOREIGN_KEY = /^FOREIGN KEY \((\w+)\) REFERENCES (\w+)\((\w+)\)/;

/** Each table's rows of one workspace: by its workspace_id, or through the parent it hangs on. */
export async function workspaceSelections(db: Kysely<unknown>, workspaceId: string) {
  const tables = await readTables(db);
  const owned = new Set(
    tables.filter((t) => t.columns.includes('workspace_id')).map((t) => t.name),
  );
  const selections: TableSelection[] = [];
  for (const table of tables) {
    if (LEFT_OUT_TABLES.has(table.name)) continue;
    const columns = table.columns.filter((c) => !LEFT_OUT_COLUMNS.has(c));
    const where = whereOf(table, owned, workspaceId);
    if (where) selections.push({ table, columns, where });
  }
  return selections;
}

function whereOf(table: TableInfo, owned: Set<string>, workspaceId: string) {
  if (table.name === 'workspaces') return sql`t.id = ${workspaceId}`;
  if (owned.has(table.name)) return sql`t.workspace_id = ${workspaceId}`;
  for (const k of table.foreignKeys) {
    const m = FOREIGN_KEY.exec(k.definition);
    if (m && owned.has(m[2]!))
      return sql`t.${ident(m[1]!)} in (select ${ident(m[3]!)} from ${ident(m[2]!)} where workspace_id = ${workspaceId})`;
  }
  // A table that hangs on no workspace (none today) is not part of one.
  return null;
}

/**
 * The whole workspace as one JSON document, `{"format", "version", "exportedAt", "workspaceId",
 * "tables": {"users": [...], ...}}`, rows as the database holds them (snake_case columns),
 * written a batch at a time through `write`, which may wait for the reader.
 */
export async function writeWorkspaceJson(
  db: Kysely<unknown>,
  workspaceId: string,
  write: (text: string) => Promise<void>,
  onRows?: (rows: number) => void,
) {
  const selections = await workspaceSelections(db, workspaceId);
  const head = {
    format: 'pipewright-workspace',
    version: 1,
    exportedAt: new Date().toISOString(),
    workspaceId,
  };
  await write(`${JSON.stringify(head).slice(0, -1)},"tables":{`);
  let tables = 0;
  let first = true;
  let total = 0;
  await dumpTables(db, selections, async (chunk) => {
    if (chunk.type === 'table') {
      await write(`${tables++ ? ',' : ''}\n${JSON.stringify(chunk.table)}:[`);
      first = true;
    } else if (chunk.type === 'rows') {
      await write(`${first ? '' : ','}\n${chunk.rows.join(',\n')}`);
      first = false;
      total += chunk.rows.length;
      onRows?.(total);
    } else await write('\n]');
  });
  await write('\n}}\n');
  return { tables, rows: total };
}
