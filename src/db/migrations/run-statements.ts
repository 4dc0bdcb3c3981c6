import { sql, type Kysely } from 'kysely';

/**
 * Runs a migration's SQL one statement at a time: both drivers send parameterised (extended
 * protocol) queries, which take a single statement each. Statements end with ";" at a line end.
 */
export async function runStatements(db: Kysely<unknown>, text: string): Promise<void> {
  const statements = text
    .split(/;\s*$/m)
    .map((s) => s.trim())
    .filter((s) => s.replace(/--.*$/gm, '').trim().length > 0);
  for (const statement of statements) {
    await sql.raw(statement).execute(db);
  }
}
