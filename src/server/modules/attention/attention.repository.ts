import { sql, type Kysely } from 'kysely';
import type { DB } from '../../../db/schema.js';
import type { Scope } from '../access/visibility.js';

export type AttentionFilters = { ownerId?: string | undefined; teamId?: string | undefined };

/**
 * The visible open deals that may need attention, with what deal-health needs: the stage's
 * hygiene settings, how often the close date was pushed later (one grouped pass over the
 * workspace's close-date events) and whether a scheduled, not-done activity exists. The where
 * clause only drops deals no rule can flag (a superset; deal-health decides), so big workspaces
 * do not ship every healthy deal to the app.
 */
export function attentionCandidates(
  db: Kysely<DB>,
  scope: Scope,
  f: AttentionFilters,
  now: Date,
  today: string,
) {
  const pushes = db
    .selectFrom('deal_events')
    .select((eb) => ['deal_events.deal_id', eb.fn.countAll<number>().as('n')])
    .where('deal_events.workspace_id', '=', scope.workspaceId)
    .where('deal_events.type', '=', 'close_date')
    .where('deal_events.from_text', 'is not', null)
    .where('deal_events.to_text', 'is not', null)
    // Dates as 'YYYY-MM-DD' text: byte order is date order, whatever the database's collation.
    .where(sql<boolean>`deal_events.to_text collate "C" > deal_events.from_text collate "C"`)
    .groupBy('deal_events.deal_id')
    .as('pushes');
  return db
    .selectFrom('deals')
    .innerJoin('stages as stage', 'stage.id', 'deals.stage_id')
    .innerJoin('users as owner', 'owner.id', 'deals.owner_id')
    .leftJoin(pushes, (join) => join.onRef('pushes.deal_id', '=', 'deals.id'))
    .select((eb) => [
      'deals.id',
      'deals.title',
      'deals.pipeline_id',
      'deals.stage_id',
      'stage.name as stage_name',
      'deals.owner_id',
      'owner.name as owner_name',
      'deals.value_minor',
      'deals.currency',
      'deals.probability',
      'stage.probability as stage_probability',
      'deals.expected_close_date',
      'deals.status',
      'deals.stage_entered_at',
      'deals.last_activity_at',
      'stage.rotting_days',
      'stage.close_date_push_limit',
      eb.fn.coalesce('pushes.n', sql<number>`0`).as('close_date_pushes'),
      eb
        .exists(
          eb
            .selectFrom('activities')
            .select(sql`1`.as('one'))
            .whereRef('activities.deal_id', '=', 'deals.id')
            .where('activities.done', '=', false)
            .where('activities.due_at', 'is not', null),
        )
        .as('has_next_activity'),
    ])
    .where('deals.workspace_id', '=', scope.workspaceId)
    .where('deals.status', '=', 'open')
    .$if(scope.owners !== null, (q) => q.where('deals.owner_id', 'in', scope.owners as string[]))
    .$if(!!f.ownerId, (q) => q.where('deals.owner_id', '=', f.ownerId as string))
    .$if(!!f.teamId, (q) =>
      q.where('deals.owner_id', 'in', (eb) =>
        eb
          .selectFrom('team_members')
          .select('user_id')
          .where('team_id', '=', f.teamId as string),
      ),
    )
    .where((eb) =>
      eb.or([
        eb.not(
          eb.exists(
            eb
              .selectFrom('activities')
              .select(sql`1`.as('one'))
              .whereRef('activities.deal_id', '=', 'deals.id')
              .where('activities.done', '=', false)
              .where('activities.due_at', 'is not', null),
          ),
        ),
        eb('deals.expected_close_date', '<', today),
        eb('pushes.n', '>', eb.ref('stage.close_date_push_limit')),
        sql<boolean>`greatest(deals.stage_entered_at, deals.last_activity_at)
          < ${now.toISOString()}::timestamptz - stage.rotting_days * interval '1 day'`,
      ]),
    )
    .execute();
}

export type AttentionRow = Awaited<ReturnType<typeof attentionCandidates>>[number];

/** The caller's time zone (their own, else the workspace's) and the workspace currency. */
export function userSettings(db: Kysely<DB>, userId: string) {
  return db
    .selectFrom('users')
    .innerJoin('workspaces', 'workspaces.id', 'users.workspace_id')
    .select([
      'users.timezone',
      'workspaces.timezone as workspace_timezone',
      'workspaces.default_currency',
    ])
    .where('users.id', '=', userId)
    .executeTakeFirstOrThrow();
}

/** The caller's not-done activities due before `end`, with their deal's weighing facts. */
export function openActivitiesDueBefore(
  db: Kysely<DB>,
  workspaceId: string,
  ownerId: string,
  end: Date,
) {
  return db
    .selectFrom('activities')
    .leftJoin('deals', 'deals.id', 'activities.deal_id')
    .leftJoin('stages', 'stages.id', 'deals.stage_id')
    .select([
      'activities.id',
      'activities.type',
      'activities.subject',
      'activities.due_at',
      'activities.all_day',
      'activities.done',
      'deals.id as deal_id',
      'deals.title as deal_title',
      'deals.owner_id as deal_owner_id',
      'deals.value_minor as deal_value',
      'deals.currency as deal_currency',
      'deals.probability as deal_probability',
      'stages.probability as stage_probability',
    ])
    .where('activities.workspace_id', '=', workspaceId)
    .where('activities.owner_id', '=', ownerId)
    .where('activities.done', '=', false)
    .where('activities.due_at', '<', end)
    .orderBy('activities.due_at')
    .orderBy('activities.id')
    .execute();
}
