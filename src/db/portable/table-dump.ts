import { sql, type Kysely, type RawBuilder } from 'kysely';
import { ident, type TableInfo } from './table-graph.js';

/** What a dump emits, table by table: its columns, its rows as JSON text in batches, its count. */
export type DumpChunk =
  | { type: 'table'; table: string; columns: string[] }
  | { type: 'rows'; table: string; rows: string[] }
  | { type: 'end'; table: string; rows: number };

export type TableSelection = {
  table: TableInfo;
  /** The columns to write (default all); a workspace export leaves out secrets. */
  columns?: string[];
  where?: RawBuilder<unknown>;
};

export const DUMP_BATCH = 1000;

/**
 * Reads tables through a cursor, a batch at a time, inside one read-only repeatable-read
 * transaction: every table is read at the same instant (a running server may be writing), and
 * memory holds one batch. Rows leave as PostgreSQL's own JSON text, so numerics, timestamps and
 * arrays are never round-tripped through JavaScript numbers or dates.
 */
export async function dumpTables(
  db: Kysely<unknown>,
  selections: TableSelection[],
  emit: (chunk: DumpChunk) => Promise<void>,
  batchSize = DUMP_BATCH,
): Promise<void> {
  await db
    .transaction()
    .setIsolationLevel('repeatable read')
    .setAccessMode('read only')
    .execute(async (trx) => {
      for (const { table, columns = table.columns, where } of selections) {
        await emit({ type: 'table', table: table.name, columns });
        const list = sql.join(columns.map(ident));
        await sql`declare dump_cursor no scroll cursor for
          select row_to_json(r)::text as j from (select ${list} from ${ident(table.name)} t
          ${where ? sql`where ${where}` : sql``}) r`.execute(trx);
        let count = 0;
        for (;;) {
          const batch = await sql<{
            j: string;
          }>`fetch ${sql.raw(String(batchSize))} from dump_cursor`.execute(trx);
          if (!batch.rows.length) break;
          count += batch.rows.length;
          await emit({ type: 'rows', table: table.name, rows: batch.rows.map((r) => r.j) });
        }
        await sql`close dump_cursor`.execute(trx);
        await emit({ type: 'end', table: table.name, rows: count });
      }
    });
}
