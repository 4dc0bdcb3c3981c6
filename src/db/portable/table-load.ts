import { sql, type Kysely, type Transaction } from 'kysely';
import { ident, type TableInfo } from './table-graph.js';
import type { DumpChunk } from './table-dump.js';

/** A copy the target refuses: a table or column it has not, a count that does not add up. */
export class CopyError extends Error {}

/**
 * Loads dumped tables into a target, inside the caller's transaction, so a failed load leaves
 * the target as it was. References that point forward in the order (a circle between two
 * tables) are dropped for the load and added back at the end, which checks every row.
 */
export function tableLoader(trx: Transaction<unknown>, target: TableInfo[]) {
  const byName = new Map(target.map((t) => [t.name, t]));
  const loaded = new Set<string>();
  const dropped: { table: string; name: string; definition: string }[] = [];
  let current: { table: TableInfo; columns: string[]; rows: number } | null = null;
  const counts = new Map<string, number>();

  async function start(name: string, columns: string[]) {
    const table = byName.get(name);
    if (!table) throw new CopyError(`table "${name}" does not exist in the target database`);
    const unknown = columns.filter((c) => !table.columns.includes(c));
    if (unknown.length)
      throw new CopyError(
        `table "${name}": the target has no column ${unknown.map((c) => `"${c}"`).join(', ')}`,
      );
    for (const k of table.foreignKeys)
      if (k.references !== name && !loaded.has(k.references) && byName.has(k.references)) {
        await sql`alter table ${ident(name)} drop constraint ${ident(k.name)}`.execute(trx);
        dropped.push({ table: name, name: k.name, definition: k.definition });
      }
    current = { table, columns, rows: 0 };
  }

  async function insert(rows: string[]) {
    if (!current) throw new CopyError('rows before their table');
    const { table, columns } = current;
    const list = sql.join(columns.map(ident));
    // One statement per batch: the rows travel as one JSON parameter (no 65,535-parameter limit)
    // and PostgreSQL converts each value with the column's own input function.
    await sql`insert into ${ident(table.name)} (${list})
      ${table.identityColumns.length ? sql`overriding system value` : sql``}
      select ${list} from json_populate_recordset(null::${ident(table.name)}, cast(${`[${rows.join(',')}]`} as text)::json)`.execute(
      trx,
    );
    current.rows += rows.length;
  }

  async function end(name: string, rows: number) {
    if (!current || current.table.name !== name)
      throw new CopyError(`table "${name}" ended before it began`);
    if (current.rows !== rows)
      throw new CopyError(
        `table "${name}": the source holds ${rows} rows but ${current.rows} arrived (a truncated file?)`,
      );
    // Identity columns continue after the highest copied value.
    for (const column of current.table.identityColumns)
      await sql`select setval(pg_get_serial_sequence(${name}, ${column}),
        coalesce((select max(${ident(column)}) from ${ident(name)}), 0) + 1, false)`.execute(trx);
    counts.set(name, rows);
    loaded.add(name);
    current = null;
  }

  return {
    async push(chunk: DumpChunk) {
      if (chunk.type === 'table') await start(chunk.table, chunk.columns);
      else if (chunk.type === 'rows') await insert(chunk.rows);
      else await end(chunk.table, chunk.rows);
    },
    /** Adds back the dropped references (checking every row) and returns rows per table. */
    async finish() {
      if (current)
        throw new CopyError(`table "${current.table.name}" did not end (a truncated file?)`);
      for (const k of dropped)
        await sql`alter table ${ident(k.table)} add constraint ${ident(k.name)} ${sql.raw(k.definition)}`.execute(
          trx,
        );
      return counts;
    },
  };
}

/** Rows in each table; a target is empty when all are zero. */
export async function rowCounts(db: Kysely<unknown>, tables: TableInfo[]) {
  const counts = new Map<string, number>();
  for (const t of tables) {
    const r = await sql<{ n: number }>`select count(*)::int as n from ${ident(t.name)}`.execute(db);
    counts.set(t.name, r.rows[0]!.n);
  }
  return counts;
}

/** Empties every table in one statement (restore --force), inside the caller's transaction. */
export async function emptyTables(trx: Transaction<unknown>, tables: TableInfo[]) {
  if (!tables.length) return;
  await sql`truncate ${sql.join(tables.map((t) => ident(t.name)))} restart identity cascade`.execute(
    trx,
  );
}

/**
 * A checksum of each table's rows, independent of their physical order: the md5 of the sorted
 * md5s of every row's text form. Equal on both engines for equal data (sessions run in UTC).
 */
export async function tableChecksums(db: Kysely<unknown>, tables: TableInfo[]) {
  const sums = new Map<string, string>();
  for (const t of tables) {
    const list = sql.join(t.columns.map(ident));
    const r = await sql<{ sum: string | null }>`select md5(string_agg(h, '' order by h)) as sum
      from (select md5(x::text) as h from (select ${list} from ${ident(t.name)}) x) y`.execute(db);
    sums.set(t.name, r.rows[0]!.sum ?? 'empty');
  }
  return sums;
}
