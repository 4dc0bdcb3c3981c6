import type { Kysely } from 'kysely';
import type { DB } from '../../../db/schema.js';
import { myDay } from '../attention/my-day.service.js';
import { claimDigest, finishDigest, type DigestKey } from './digest-schedule.js';
import { isEmptyDigest, renderDigest } from './digest-mail.js';
import type { Mailer } from './mailer.js';

export type DigestOutcome = 'sent' | 'skipped' | 'not-claimed';

/**
 * One user's digest for one local day: null when the user is gone, inactive or opted out, and
 * `mail: null` when the day has nothing in it.
 */
export async function composeDigest(
  db: Kysely<DB>,
  key: DigestKey,
  appUrl: string,
  now = new Date(),
) {
  const user = await db
    .selectFrom('users as u')
    .innerJoin('workspaces as w', 'w.id', 'u.workspace_id')
    .select([
      'u.id',
      'u.workspace_id',
      'u.role',
      'u.name',
      'u.email',
      'u.locale',
      'u.active',
      'u.digest_enabled',
      'w.deal_visibility',
    ])
    .where('u.id', '=', key.userId)
    .executeTakeFirst();
  if (!user || !user.active || !user.digest_enabled) return null;
  const actor = {
    id: user.id,
    workspaceId: user.workspace_id,
    role: user.role,
    visibility: user.deal_visibility,
  };
  const content = await myDay(db, actor, { date: key.localDate, limit: 20 }, now);
  const mail = isEmptyDigest(content)
    ? null
    : renderDigest(content, { name: user.name, locale: user.locale }, appUrl);
  return { to: user.email, mail };
}

/**
 * Sends one user's digest for one local day, at most once: the delivery row is claimed first, so
 * a second worker (or a retry) finds it taken. A failed send puts it back for the queue's retry.
 */
export async function sendDigest(
  db: Kysely<DB>,
  mailer: Mailer,
  appUrl: string,
  key: DigestKey,
  now = new Date(),
): Promise<DigestOutcome> {
  if (!(await claimDigest(db, key))) return 'not-claimed';
  const digest = await composeDigest(db, key, appUrl, now);
  if (!digest?.mail) {
    await finishDigest(db, key, { status: 'skipped' });
    return 'skipped';
  }
  try {
    await mailer.send({ to: digest.to, ...digest.mail });
  } catch (error) {
    await finishDigest(db, key, { status: 'pending', error: String(error) });
    throw error;
  }
  await finishDigest(db, key, { status: 'sent' });
  return 'sent';
}
