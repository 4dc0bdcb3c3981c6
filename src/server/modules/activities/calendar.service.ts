import type { Kysely } from 'kysely';
import type { DB } from '../../../db/schema.js';
import { forbidden, invalid, notFound } from '../../../domain/errors.js';
import { writeCalendar } from '../../../domain/ics.js';
import { markdownToText } from '../../../domain/markdown.js';
import { newSecret, secretHash } from '../../../domain/secrets.js';
import { scopeOf } from '../access/visibility.js';
import type { Actor } from '../auth/actor.js';
import * as repo from './activities.repository.js';

const DAY = 24 * 60 * 60 * 1000;
// A week or month view never needs more; a bound keeps one request cheap.
const MAX_RANGE_DAYS = 62;

/** Activities due in [from, to) of the caller, or of a visible owner for managers and admins. */
export async function calendar(
  db: Kysely<DB>,
  actor: Actor,
  input: { from: string; to: string; ownerId?: string | undefined },
) {
  const from = new Date(input.from);
  const to = new Date(input.to);
  if (to <= from) throw invalid('to', 'must be after from');
  if (to.getTime() - from.getTime() > MAX_RANGE_DAYS * DAY) {
    throw invalid('to', 'A calendar range spans at most 62 days');
  }
  const ownerId = input.ownerId ?? actor.id;
  const scope = await scopeOf(db, actor);
  if (ownerId !== actor.id) {
    if (actor.role === 'rep') throw forbidden('Reps see only their own calendar');
    if (scope.owners !== null && !scope.owners.includes(ownerId)) throw notFound('User');
  }
  const rows = await repo
    .visibleActivities(db, scope)
    .where('activities.owner_id', '=', ownerId)
    .where('activities.due_at', '>=', from)
    .where('activities.due_at', '<', to)
    .orderBy('activities.due_at')
    .orderBy('activities.id')
    .execute();
  return rows.map(repo.toActivity);
}

/** A new secret feed token for the caller; the previous one stops working. */
export async function rotateFeedToken(db: Kysely<DB>, actor: Actor): Promise<string> {
  const token = newSecret('ics_');
  await db
    .updateTable('users')
    .set({ ics_token_hash: secretHash(token) })
    .where('id', '=', actor.id)
    .execute();
  return token;
}

export async function revokeFeedToken(db: Kysely<DB>, actor: Actor): Promise<void> {
  await db.updateTable('users').set({ ics_token_hash: null }).where('id', '=', actor.id).execute();
}

/** The VCALENDAR text for a feed token; an unknown, revoked or deactivated one is a 404. */
export async function feedCalendar(db: Kysely<DB>, token: string, baseUrl: string) {
  const user = await db
    .selectFrom('users')
    .innerJoin('workspaces', 'workspaces.id', 'users.workspace_id')
    .select([
      'users.id',
      'users.name',
      'users.workspace_id',
      'users.timezone',
      'workspaces.timezone as workspace_timezone',
    ])
    .where('users.ics_token_hash', '=', secretHash(token))
    .where('users.active', '=', true)
    .executeTakeFirst();
  if (!user) throw notFound('Calendar feed');
  const now = Date.now();
  const rows = await repo
    .visibleActivities(db, { workspaceId: user.workspace_id, owners: [user.id] })
    .where('activities.owner_id', '=', user.id)
    .where('activities.due_at', '>=', new Date(now - 30 * DAY))
    .where('activities.due_at', '<', new Date(now + 366 * DAY))
    .orderBy('activities.due_at')
    .orderBy('activities.id')
    .execute();
  const stamp = new Date(now);
  return writeCalendar({
    name: `Pipewright: ${user.name}`,
    // All-day activities are stored at the owner's local midnight: their date is read there.
    dateZone: user.timezone ?? user.workspace_timezone,
    events: rows.map((a) => ({
      uid: `${a.id}@pipewright`,
      start: a.due_at as Date,
      allDay: a.all_day,
      durationMinutes: a.duration_minutes ?? 30,
      summary: `${a.done ? '✓ ' : ''}${typeLabel[a.type]}: ${a.subject}`,
      description: markdownToText(a.body) || undefined,
      url: a.deal_id ? `${baseUrl}/deals/${a.deal_id}` : undefined,
      stamp,
    })),
  });
}

const typeLabel = { call: 'Call', meeting: 'Meeting', task: 'Task', email: 'Email', note: 'Note' };
