import { sql, type Kysely } from 'kysely';
import type { DB } from '../../../db/schema.js';

export type ReminderJob = { activityId: string; dueAt: string };

/** How far back the sweep looks: older overdue work stays on My day but does not ring the bell. */
export const SWEEP_WINDOW_HOURS = 48;

/**
 * Rings the bell for one activity falling due. The queue delivers at least once; the unique key
 * (activity, due time) makes this at most once. Nothing happens when the activity was done,
 * deleted or rescheduled since the job was queued (a rescheduled one has its own job).
 * Returns whether a notification was created.
 */
export async function deliverReminder(db: Kysely<DB>, job: ReminderJob): Promise<boolean> {
  const result = await sql`
    insert into notifications (workspace_id, user_id, kind, activity_id, due_at)
    select a.workspace_id, a.owner_id, 'activity_due', a.id, a.due_at
    from activities a
    join users u on u.id = a.owner_id and u.active
    where a.id = ${job.activityId} and a.due_at = ${new Date(job.dueAt)}
      and not a.done and a.due_at <= now()
    on conflict (activity_id, due_at) do nothing`.execute(db);
  return Number(result.numAffectedRows ?? 0) > 0;
}

/**
 * The safety net behind the per-activity jobs: every open activity that fell due in the window
 * and has no notification gets one (rows written by SQL, a job lost with its queue schema).
 */
export async function sweepDueReminders(db: Kysely<DB>, now = new Date()): Promise<number> {
  const since = new Date(now.getTime() - SWEEP_WINDOW_HOURS * 3_600_000);
  const result = await sql`
    insert into notifications (workspace_id, user_id, kind, activity_id, due_at)
    select a.workspace_id, a.owner_id, 'activity_due', a.id, a.due_at
    from activities a
    join users u on u.id = a.owner_id and u.active
    where not a.done and a.due_at > ${since} and a.due_at <= ${now}
    on conflict (activity_id, due_at) do nothing`.execute(db);
  return Number(result.numAffectedRows ?? 0);
}
