import { sql, type Kysely } from 'kysely';
import type { DB } from '../../../db/schema.js';
import { visibleOwnerIds } from '../access/visibility.js';
import type { Actor } from '../auth/actor.js';
import { afterKey, decodeCursor, pageOf, type CursorKey } from '../shared/cursor.js';

const newestFirst = { expr: sql`notifications.created_at`, cast: 'timestamptz' };

/** The bell's count: unread, and the activity is still open (done work stops asking). */
export async function unreadCount(db: Kysely<DB>, actor: Actor): Promise<number> {
  const row = await db
    .selectFrom('notifications')
    .innerJoin('activities', 'activities.id', 'notifications.activity_id')
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .where('notifications.user_id', '=', actor.id)
    .where('notifications.read_at', 'is', null)
    .where('activities.done', '=', false)
    .executeTakeFirstOrThrow();
  return Number(row.n);
}

/** The caller's own notifications, newest first; only the caller ever sees them. */
export async function listNotifications(
  db: Kysely<DB>,
  actor: Actor,
  input: { unread?: boolean | undefined; limit: number; cursor?: string | undefined },
  now = new Date(),
) {
  const after = decodeCursor(input.cursor);
  const [rows, visible, unread] = await Promise.all([
    db
      .selectFrom('notifications')
      .innerJoin('activities as a', 'a.id', 'notifications.activity_id')
      .leftJoin('deals as d', 'd.id', 'a.deal_id')
      .select([
        'notifications.id',
        'notifications.kind',
        'notifications.created_at',
        'notifications.read_at',
        'notifications.due_at',
        'a.id as activity_id',
        'a.type',
        'a.subject',
        'a.due_at as current_due_at',
        'a.all_day',
        'a.done',
        'd.id as deal_id',
        'd.title as deal_title',
        'd.owner_id as deal_owner_id',
      ])
      .where('notifications.user_id', '=', actor.id)
      .where('notifications.workspace_id', '=', actor.workspaceId)
      .$if(input.unread === true, (q) =>
        q.where('notifications.read_at', 'is', null).where('a.done', '=', false),
      )
      .$if(after !== null, (q) =>
        q.where(afterKey(newestFirst, 'desc', after as CursorKey, 'notifications.id')),
      )
      .orderBy('notifications.created_at', 'desc')
      .orderBy('notifications.id', 'desc')
      .limit(input.limit + 1)
      .execute(),
    visibleOwnerIds(db, actor),
    unreadCount(db, actor),
  ]);
  const data = rows.map((r) => ({
    id: r.id,
    kind: r.kind,
    createdAt: r.created_at.toISOString(),
    read: r.read_at !== null,
    activity: {
      id: r.activity_id,
      type: r.type,
      subject: r.subject,
      dueAt: r.due_at.toISOString(),
      allDay: r.all_day,
      done: r.done,
      overdue: !r.done && r.current_due_at !== null && r.current_due_at < now,
    },
    deal:
      r.deal_id && r.deal_owner_id && (visible === null || visible.includes(r.deal_owner_id))
        ? { id: r.deal_id, title: r.deal_title ?? '' }
        : null,
  }));
  return {
    ...pageOf(data, input.limit, (n) => ({ v: n.createdAt, id: n.id })),
    unread,
  };
}

/** Marks the caller's notifications read (the given ones, or all); others' ids are ignored. */
export async function markRead(
  db: Kysely<DB>,
  actor: Actor,
  ids: string[] | undefined,
): Promise<number> {
  const result = await db
    .updateTable('notifications')
    .set({ read_at: new Date() })
    .where('user_id', '=', actor.id)
    .where('read_at', 'is', null)
    .$if(ids !== undefined, (q) => q.where('id', 'in', ids as string[]))
    .executeTakeFirst();
  return Number(result.numUpdatedRows);
}
