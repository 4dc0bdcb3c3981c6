import { randomUUID } from 'node:crypto';
import { sql, type Kysely } from 'kysely';
import type { DB } from '../../../db/schema.js';

/** Whether a key came before in this run, and on which row it first came. */
export type Seen = { before: number; firstRow: number };

// A run killed halfway leaves its rows; the next run clears what is a day old.
const STALE = sql<Date>`now() - interval '1 day'`;

/**
 * What an import run has read, kept in the database (import_seen) rather than in memory, so that
 * a file of any size is checked for repeated ids in bounded memory. Keys are the first 8 bytes of
 * a SHA-256 digest, as a signed 64-bit integer.
 */
export class SeenIds {
  private constructor(
    private readonly db: Kysely<DB>,
    private readonly runId: string,
  ) {}

  static async open(db: Kysely<DB>): Promise<SeenIds> {
    await db.deleteFrom('import_seen').where('created_at', '<', STALE).execute();
    return new SeenIds(db, randomUUID());
  }

  static keyOf(digest: Buffer): string {
    return digest.readBigInt64BE(0).toString();
  }

  /** Marks the keys as read, in order; each answer counts the ones before it in this list too. */
  async mark(keys: readonly { key: string; row: number }[]): Promise<Seen[]> {
    const chunk = new Map<string, { firstRow: number; count: number }>();
    for (const { key, row } of keys) {
      const k = chunk.get(key);
      if (k) k.count++;
      else chunk.set(key, { firstRow: row, count: 1 });
    }
    if (chunk.size === 0) return [];
    const entries = [...chunk.entries()];
    const stored = await sql<{ digest: string; first_row: number; seen: number }>`
      insert into import_seen (run_id, digest, first_row, seen)
      select ${this.runId}::uuid, incoming.digest, incoming.first_row, incoming.seen
      from unnest(
        ${entries.map(([k]) => k)}::bigint[],
        ${entries.map(([, v]) => v.firstRow)}::int[],
        ${entries.map(([, v]) => v.count)}::int[]
      ) as incoming(digest, first_row, seen)
      on conflict (run_id, digest) do update set seen = import_seen.seen + excluded.seen
      returning digest::text as digest, first_row, seen`.execute(this.db);
    // Per key: how many came before this list, and the row it first came on.
    const known = new Map(
      stored.rows.map((r) => [
        r.digest,
        { before: r.seen - (chunk.get(r.digest)?.count ?? 0), firstRow: r.first_row },
      ]),
    );
    return keys.map(({ key }) => {
      const k = known.get(key) as { before: number; firstRow: number };
      const answer = { before: k.before, firstRow: k.firstRow };
      k.before++;
      return answer;
    });
  }

  async close(): Promise<void> {
    await this.db.deleteFrom('import_seen').where('run_id', '=', this.runId).execute();
  }
}
