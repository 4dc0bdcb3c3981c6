import { sql, type Kysely } from 'kysely';
import type { DB } from '../../../db/schema.js';
import { localDate, localHour } from '../../../domain/local-day.js';

export type DigestKey = { userId: string; localDate: string };

/**
 * Users whose local clock has reached their digest hour and who have no digest for that local day
 * yet. The key is the local date, not a UTC instant, so a day that daylight saving shortens or
 * lengthens still gets exactly one. Demo workspaces are left out: their addresses are not real.
 */
export async function dueDigests(db: Kysely<DB>, now: Date): Promise<DigestKey[]> {
  const users = await db
    .selectFrom('users as u')
    .innerJoin('workspaces as w', 'w.id', 'u.workspace_id')
    .select(['u.id', 'u.timezone', 'u.digest_hour', 'w.timezone as workspace_timezone'])
    .where('u.active', '=', true)
    .where('u.digest_enabled', '=', true)
    .where('w.is_demo', '=', false)
    .execute();
  const due = users.flatMap((u) => {
    const zone = u.timezone ?? u.workspace_timezone;
    return localHour(now, zone) >= u.digest_hour
      ? [{ userId: u.id, localDate: localDate(now, zone) }]
      : [];
  });
  if (due.length === 0) return [];
  const sent = await db
    .selectFrom('digest_deliveries')
    .select(['user_id', 'local_date'])
    .where(
      sql<boolean>`(user_id, local_date) in (${sql.join(
        due.map((d) => sql`(${d.userId}::uuid, ${d.localDate}::date)`),
      )})`,
    )
    .execute();
  const done = new Set(sent.map((s) => `${s.user_id} ${s.local_date}`));
  return due.filter((d) => !done.has(`${d.userId} ${d.localDate}`));
}

/**
 * Records the digests as pending and hands each new one to `enqueue` in the same transaction:
 * two workers ticking at once insert each key once, so each digest is queued once.
 */
export async function queueDigests(
  db: Kysely<DB>,
  keys: DigestKey[],
  enqueue: (trx: Kysely<DB>, key: DigestKey) => Promise<void>,
): Promise<DigestKey[]> {
  if (keys.length === 0) return [];
  return db.transaction().execute(async (trx) => {
    const inserted = await trx
      .insertInto('digest_deliveries')
      .values(keys.map((k) => ({ user_id: k.userId, local_date: k.localDate, status: 'pending' })))
      .onConflict((oc) => oc.columns(['user_id', 'local_date']).doNothing())
      .returning(['user_id', 'local_date'])
      .execute();
    const queued = inserted.map((r) => ({ userId: r.user_id, localDate: r.local_date }));
    for (const key of queued) await enqueue(trx, key);
    return queued;
  });
}

/** How long a claim holds before another attempt may take over (a worker that died mid-send). */
export const CLAIM_TIMEOUT_SECONDS = 300;

/** Takes the digest for sending; false when it was sent, skipped or is being sent elsewhere. */
export async function claimDigest(db: Kysely<DB>, key: DigestKey): Promise<boolean> {
  const row = await db
    .updateTable('digest_deliveries')
    .set((eb) => ({
      status: 'sending',
      attempts: eb('attempts', '+', 1),
      claimed_at: sql`now()`,
    }))
    .where('user_id', '=', key.userId)
    .where('local_date', '=', key.localDate)
    .where((eb) =>
      eb.or([
        eb('status', '=', 'pending'),
        eb.and([
          eb('status', '=', 'sending'),
          eb('claimed_at', '<', sql<Date>`now() - make_interval(secs => ${CLAIM_TIMEOUT_SECONDS})`),
        ]),
      ]),
    )
    .returning('user_id')
    .executeTakeFirst();
  return row !== undefined;
}

export async function finishDigest(
  db: Kysely<DB>,
  key: DigestKey,
  outcome: { status: 'sent' | 'skipped' } | { status: 'pending'; error: string },
): Promise<void> {
  await db
    .updateTable('digest_deliveries')
    .set({
      status: outcome.status,
      sent_at: outcome.status === 'sent' ? sql<Date>`now()` : null,
      claimed_at: outcome.status === 'pending' ? null : undefined,
      error: outcome.status === 'pending' ? outcome.error.slice(0, 2000) : null,
    })
    .where('user_id', '=', key.userId)
    .where('local_date', '=', key.localDate)
    .execute();
}
