import { sql, type Kysely } from 'kysely';

/** A table as a copy sees it: the columns it writes (generated ones are computed again). */
export type TableInfo = {
  name: string;
  columns: string[];
  identityColumns: string[];
  foreignKeys: { name: string; references: string; definition: string }[];
};

// Kysely's own bookkeeping: migrations are run, not copied. Deal facts are derived: the trigger
// on deal_events rebuilds them as the events load (migration 0015).
const SKIPPED = new Set([
  'kysely_migration',
  'kysely_migration_lock',
  'deal_state_intervals',
  'deal_stage_visits',
]);

/** The application's tables in the public schema, in dependency order (parents first). */
export async function readTables(db: Kysely<unknown>): Promise<TableInfo[]> {
  const columns = await sql<{ table_name: string; column_name: string; is_identity: string }>`
    select table_name, column_name, is_identity from information_schema.columns
    where table_schema = 'public' and is_generated = 'NEVER'
    order by table_name, ordinal_position`.execute(db);
  const keys = await sql<{
    table_name: string;
    name: string;
    references: string;
    definition: string;
  }>`
    select conrelid::regclass::text as table_name, conname as name,
           confrelid::regclass::text as references, pg_get_constraintdef(oid) as definition
    from pg_constraint
    where contype = 'f' and connamespace = 'public'::regnamespace
    order by conname`.execute(db);
  const tables = new Map<string, TableInfo>();
  for (const c of columns.rows) {
    if (SKIPPED.has(c.table_name)) continue;
    let t = tables.get(c.table_name);
    if (!t)
      tables.set(
        c.table_name,
        (t = { name: c.table_name, columns: [], identityColumns: [], foreignKeys: [] }),
      );
    t.columns.push(c.column_name);
    if (c.is_identity === 'YES') t.identityColumns.push(c.column_name);
  }
  for (const k of keys.rows) tables.get(k.table_name)?.foreignKeys.push(k);
  return dependencyOrder([...tables.values()]);
}

/**
 * Parents before children. Where references go round in a circle (deals.lead_id and
 * leads.converted_deal_id), the first table of the circle goes first; the loader drops its
 * references to later tables while it loads and adds them back, checked, at the end.
 */
export function dependencyOrder(tables: TableInfo[]): TableInfo[] {
  const left = new Map(tables.map((t) => [t.name, t]));
  const ordered: TableInfo[] = [];
  while (left.size) {
    const ready = [...left.values()].filter((t) =>
      t.foreignKeys.every((k) => k.references === t.name || !left.has(k.references)),
    );
    const next = ready.length
      ? ready
      : [[...left.values()].sort((a, b) => a.name.localeCompare(b.name))[0]!];
    for (const t of next.sort((a, b) => a.name.localeCompare(b.name))) {
      ordered.push(t);
      left.delete(t.name);
    }
  }
  return ordered;
}

/** Quotes an identifier read from the catalogue (they are plain snake_case, but stay safe). */
export const ident = (name: string) => sql.id(name);
