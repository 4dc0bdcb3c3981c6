import type { Kysely } from 'kysely';
import type { ActivityType, DB } from '../../../db/schema.js';
import { forbidden, invalid, notFound } from '../../../domain/errors.js';
import { scopeOf, type Scope } from '../access/visibility.js';
import type { Actor } from '../auth/actor.js';
import { assertOwner } from '../deals/deal-checks.js';
import { decodeCursor, pageOf, afterKey, type CursorKey } from '../shared/cursor.js';
import { checkVersionedUpdate } from '../shared/versioned-update.js';
import type { JobQueue } from '../../jobs/queue.js';
import { assertLinks } from './activity-links.js';
import * as repo from './activities.repository.js';

export async function getActivity(db: Kysely<DB>, scope: Scope, id: string) {
  const row = await repo
    .visibleActivities(db, scope)
    .where('activities.id', '=', id)
    .executeTakeFirst();
  if (!row) throw notFound('Activity');
  return repo.toActivity(row);
}

export async function listActivities(
  db: Kysely<DB>,
  actor: Actor,
  input: repo.ActivityFilters & { limit: number; cursor?: string | undefined },
) {
  const scope = await scopeOf(db, actor);
  const after = decodeCursor(input.cursor);
  const rows = await repo
    .applyActivityFilters(repo.visibleActivities(db, scope), input)
    .$if(after !== null, (q) =>
      q.where(afterKey(repo.dueSort, 'asc', after as CursorKey, 'activities.id')),
    )
    .orderBy(repo.dueSort.expr, 'asc')
    .orderBy('activities.id', 'asc')
    .limit(input.limit + 1)
    .execute();
  return pageOf(rows.map(repo.toActivity), input.limit, (a) => ({
    v: a.dueAt ?? 'infinity',
    id: a.id,
  }));
}

function assertDuration(type: ActivityType, durationMinutes: number | null | undefined) {
  if (durationMinutes != null && type !== 'meeting') {
    throw invalid('durationMinutes', 'Only meetings have a duration');
  }
}

export type ActivityCreate = {
  type: ActivityType;
  subject: string;
  body: string;
  dueAt?: string | null | undefined;
  allDay: boolean;
  durationMinutes?: number | null | undefined;
  ownerId?: string | undefined;
  done?: boolean | undefined;
  dealId?: string | null | undefined;
  contactId?: string | null | undefined;
  companyId?: string | null | undefined;
};

/** Queues the bell for an open activity's due time, in the transaction that set it. */
async function scheduleReminder(
  trx: Kysely<DB>,
  queue: JobQueue | null,
  activity: { id: string; dueAt: Date | null; done: boolean },
) {
  if (!queue || !activity.dueAt || activity.done) return;
  await queue.scheduleReminder(trx, {
    activityId: activity.id,
    dueAt: activity.dueAt.toISOString(),
  });
}

export async function createActivity(
  db: Kysely<DB>,
  actor: Actor,
  input: ActivityCreate,
  queue: JobQueue | null = null,
) {
  const scope = await scopeOf(db, actor);
  assertDuration(input.type, input.durationMinutes);
  const ownerId = input.ownerId ?? actor.id;
  await assertOwner(db, scope, ownerId);
  await assertLinks(db, scope, input);
  // Notes and logged emails record something that already happened: done unless said otherwise.
  const done = input.done ?? (input.type === 'note' || input.type === 'email');
  const id = await db.transaction().execute(async (trx) => {
    const now = new Date();
    const row = await trx
      .insertInto('activities')
      .values({
        workspace_id: actor.workspaceId,
        type: input.type,
        subject: input.subject,
        body: input.body,
        due_at: input.dueAt ? new Date(input.dueAt) : null,
        all_day: input.allDay,
        duration_minutes: input.durationMinutes ?? null,
        owner_id: ownerId,
        done,
        done_at: done ? now : null,
        deal_id: input.dealId ?? null,
        contact_id: input.contactId ?? null,
        company_id: input.companyId ?? null,
        created_by: actor.id,
        created_at: now,
        updated_at: now,
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    if (done && input.dealId) await repo.touchDeal(trx, input.dealId, now);
    await scheduleReminder(trx, queue, {
      id: row.id,
      dueAt: input.dueAt ? new Date(input.dueAt) : null,
      done,
    });
    return row.id;
  });
  return getActivity(db, scope, id);
}

export type ActivityUpdate = Partial<Omit<ActivityCreate, 'body' | 'allDay'>> & {
  version: number;
  body?: string | undefined;
  allDay?: boolean | undefined;
};

export async function updateActivity(
  db: Kysely<DB>,
  actor: Actor,
  id: string,
  input: ActivityUpdate,
  queue: JobQueue | null = null,
) {
  const scope = await scopeOf(db, actor);
  const before = await getActivity(db, scope, id);
  const type = input.type ?? before.type;
  assertDuration(
    type,
    input.durationMinutes === undefined ? before.durationMinutes : input.durationMinutes,
  );
  if (input.ownerId && input.ownerId !== before.ownerId)
    await assertOwner(db, scope, input.ownerId);
  await assertLinks(db, scope, input);
  await db.transaction().execute(async (trx) => {
    const now = new Date();
    const done = input.done ?? before.done;
    // Completing stamps the time once; undoing clears it.
    const doneAt = done ? (before.done && before.doneAt ? new Date(before.doneAt) : now) : null;
    const updated = await trx
      .updateTable('activities')
      .set((eb) => ({
        type,
        ...(input.subject !== undefined && { subject: input.subject }),
        ...(input.body !== undefined && { body: input.body }),
        ...(input.dueAt !== undefined && { due_at: input.dueAt ? new Date(input.dueAt) : null }),
        ...(input.allDay !== undefined && { all_day: input.allDay }),
        ...(input.durationMinutes !== undefined && { duration_minutes: input.durationMinutes }),
        ...(input.ownerId !== undefined && { owner_id: input.ownerId }),
        done,
        done_at: doneAt,
        ...(input.dealId !== undefined && { deal_id: input.dealId }),
        ...(input.contactId !== undefined && { contact_id: input.contactId }),
        ...(input.companyId !== undefined && { company_id: input.companyId }),
        version: eb('version', '+', 1),
        updated_at: now,
      }))
      .where('id', '=', id)
      .where('workspace_id', '=', actor.workspaceId)
      .where('version', '=', input.version)
      .returning(['deal_id', 'done_at', 'due_at', 'done'])
      .executeTakeFirst();
    const row = await checkVersionedUpdate(updated, 'Activity', async () => {
      const current = await trx
        .selectFrom('activities')
        .select('version')
        .where('id', '=', id)
        .executeTakeFirst();
      return current?.version;
    });
    // Completing it, or moving a done one onto another deal, is work on that deal.
    const dealChanged = row.deal_id !== before.dealId;
    if (row.deal_id && row.done_at && (!before.done || dealChanged)) {
      await repo.touchDeal(trx, row.deal_id, row.done_at);
    }
    // A new due time, or work reopened, needs its own reminder; the old job finds the due time
    // changed and does nothing.
    const dueChanged =
      (row.due_at?.getTime() ?? null) !== (before.dueAt ? Date.parse(before.dueAt) : null);
    if (dueChanged || (before.done && !row.done)) {
      await scheduleReminder(trx, queue, { id, dueAt: row.due_at, done: row.done });
    }
  });
  return getActivity(db, scope, id);
}

export async function deleteActivity(db: Kysely<DB>, actor: Actor, id: string) {
  const scope = await scopeOf(db, actor);
  const found = await getActivity(db, scope, id);
  if (actor.role === 'rep' && found.ownerId !== actor.id) {
    throw forbidden('Reps can delete only their own activities');
  }
  await db.deleteFrom('activities').where('id', '=', id).execute();
}
