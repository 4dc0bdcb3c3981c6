import { sql, type Kysely, type SelectQueryBuilder } from 'kysely';
import type { ActivityType, DB, DealStatus, NewDealEvent } from '../../../db/schema.js';
import { prefixTsQuery } from '../../../domain/normalise.js';
import type { Scope } from '../access/visibility.js';

export type DealFilters = {
  q?: string | undefined;
  pipelineId?: string | undefined;
  stageId?: string | undefined;
  ownerId?: string | undefined;
  teamId?: string | undefined;
  companyId?: string | undefined;
  contactId?: string | undefined;
  status?: DealStatus | undefined;
  source?: string | undefined;
  currency?: string | undefined;
  valueMin?: number | undefined;
  valueMax?: number | undefined;
  closeFrom?: string | undefined;
  closeTo?: string | undefined;
};

type DealQuery<O> = SelectQueryBuilder<DB, 'deals', O>;

/** Workspace, visibility and the user's filters: shared by the list, the board and search. */
export function applyDealFilters<O>(qb: DealQuery<O>, scope: Scope, f: DealFilters): DealQuery<O> {
  const ts = f.q ? prefixTsQuery(f.q) : null;
  return qb
    .where('deals.workspace_id', '=', scope.workspaceId)
    .$if(scope.owners !== null, (q) => q.where('deals.owner_id', 'in', scope.owners as string[]))
    .$if(!!f.pipelineId, (q) => q.where('deals.pipeline_id', '=', f.pipelineId as string))
    .$if(!!f.stageId, (q) => q.where('deals.stage_id', '=', f.stageId as string))
    .$if(!!f.ownerId, (q) => q.where('deals.owner_id', '=', f.ownerId as string))
    .$if(!!f.teamId, (q) =>
      q.where('deals.owner_id', 'in', (eb) =>
        eb
          .selectFrom('team_members')
          .select('user_id')
          .where('team_id', '=', f.teamId as string),
      ),
    )
    .$if(!!f.companyId, (q) => q.where('deals.company_id', '=', f.companyId as string))
    .$if(!!f.contactId, (q) =>
      q.where('deals.id', 'in', (eb) =>
        eb
          .selectFrom('deal_contacts')
          .select('deal_id')
          .where('contact_id', '=', f.contactId as string),
      ),
    )
    .$if(!!f.status, (q) => q.where('deals.status', '=', f.status as DealStatus))
    .$if(!!f.source, (q) => q.where('deals.source', '=', f.source as string))
    .$if(!!f.currency, (q) => q.where('deals.currency', '=', f.currency as string))
    .$if(f.valueMin !== undefined, (q) => q.where('deals.value_minor', '>=', f.valueMin as number))
    .$if(f.valueMax !== undefined, (q) => q.where('deals.value_minor', '<=', f.valueMax as number))
    .$if(!!f.closeFrom, (q) => q.where('deals.expected_close_date', '>=', f.closeFrom as string))
    .$if(!!f.closeTo, (q) => q.where('deals.expected_close_date', '<=', f.closeTo as string))
    .$if(ts !== null, (q) => q.where(sql<boolean>`deals.search @@ to_tsquery('simple', ${ts})`));
}

/**
 * Per stage and currency: count, value and weighted value. Weighted is rounded once, after
 * summing value x probability (the deal's override, else its stage's), half away from zero.
 */
export function stageTotals(db: Kysely<DB>, scope: Scope, f: DealFilters) {
  return applyDealFilters(
    db.selectFrom('deals').innerJoin('stages as stage', 'stage.id', 'deals.stage_id'),
    scope,
    f,
  )
    .select((eb) => [
      'deals.stage_id',
      'deals.currency',
      eb.fn.countAll<number>().as('count'),
      sql<number>`sum(deals.value_minor)::int8`.as('value'),
      sql<number>`round(sum(deals.value_minor::numeric * coalesce(deals.probability, stage.probability)) / 100)::int8`.as(
        'weighted',
      ),
    ])
    .groupBy(['deals.stage_id', 'deals.currency'])
    .orderBy('deals.currency')
    .execute();
}

/** The columns a deal needs on the wire, with owner, company, stage probability and contacts. */
export function selectDeals(db: Kysely<DB>) {
  return db
    .selectFrom('deals')
    .innerJoin('users as owner', 'owner.id', 'deals.owner_id')
    .innerJoin('stages as stage', 'stage.id', 'deals.stage_id')
    .leftJoin('companies as company', 'company.id', 'deals.company_id')
    .select((eb) => [
      'deals.id',
      'deals.title',
      'deals.pipeline_id',
      'deals.stage_id',
      'deals.position',
      'deals.value_minor',
      'deals.currency',
      'deals.expected_close_date',
      'deals.owner_id',
      'owner.name as owner_name',
      'deals.company_id',
      'company.name as company_name',
      'deals.source',
      'deals.status',
      'deals.lost_reason',
      'deals.closed_at',
      'deals.probability',
      'stage.probability as stage_probability',
      'deals.stage_entered_at',
      'deals.version',
      'deals.created_at',
      'deals.updated_at',
      eb
        .selectFrom('deal_contacts')
        .select((sub) => sub.fn.agg<string[]>('array_agg', ['deal_contacts.contact_id']).as('ids'))
        .whereRef('deal_contacts.deal_id', '=', 'deals.id')
        .as('contact_ids'),
      // The next step: walks activities_deal_idx (deal_id, done, due_at) and stops at the first.
      eb
        .selectFrom('activities as next')
        .select(
          sql<NextActivity>`jsonb_build_object('id', next.id, 'type', next.type, 'subject', next.subject, 'dueAt', next.due_at, 'allDay', next.all_day)`.as(
            'next',
          ),
        )
        .whereRef('next.deal_id', '=', 'deals.id')
        .where('next.done', '=', false)
        .where('next.due_at', 'is not', null)
        .orderBy('next.due_at')
        .orderBy('next.id')
        .limit(1)
        .as('next_activity'),
    ]);
}

type NextActivity = {
  id: string;
  type: ActivityType;
  subject: string;
  dueAt: string;
  allDay: boolean;
};

// jsonb writes timestamps with the session's UTC offset: normalise to the API's ISO UTC form.
function toNextActivity(next: NextActivity | null) {
  return next && { ...next, dueAt: new Date(next.dueAt).toISOString() };
}

export type DealView = Awaited<
  ReturnType<ReturnType<typeof selectDeals>['executeTakeFirstOrThrow']>
>;

export const toDeal = (d: DealView) => ({
  id: d.id,
  title: d.title,
  pipelineId: d.pipeline_id,
  stageId: d.stage_id,
  position: d.position,
  value: d.value_minor,
  currency: d.currency.trim(),
  expectedCloseDate: d.expected_close_date,
  ownerId: d.owner_id,
  ownerName: d.owner_name,
  companyId: d.company_id,
  companyName: d.company_name,
  contactIds: d.contact_ids ?? [],
  source: d.source,
  status: d.status,
  lostReason: d.lost_reason,
  closedAt: d.closed_at?.toISOString() ?? null,
  probability: d.probability,
  effectiveProbability: d.probability ?? d.stage_probability,
  stageEnteredAt: d.stage_entered_at.toISOString(),
  nextActivity: toNextActivity(d.next_activity),
  noNextStep: d.status === 'open' && d.next_activity === null,
  version: d.version,
  createdAt: d.created_at.toISOString(),
  updatedAt: d.updated_at.toISOString(),
});

export async function insertEvents(db: Kysely<DB>, events: NewDealEvent[]): Promise<void> {
  if (events.length) await db.insertInto('deal_events').values(events).execute();
}

export async function replaceDealContacts(db: Kysely<DB>, dealId: string, contactIds: string[]) {
  await db.deleteFrom('deal_contacts').where('deal_id', '=', dealId).execute();
  const unique = [...new Set(contactIds)];
  if (unique.length) {
    await db
      .insertInto('deal_contacts')
      .values(unique.map((contact_id) => ({ deal_id: dealId, contact_id })))
      .execute();
  }
}

/** Positions of the deals around a 0-based index in a stage, skipping the deal being moved. */
export async function neighboursAt(
  db: Kysely<DB>,
  stageId: string,
  index: number,
  exceptId: string,
) {
  const rows = await db
    .selectFrom('deals')
    .select('position')
    .where('stage_id', '=', stageId)
    .where('id', '!=', exceptId)
    .orderBy('position')
    .orderBy('id')
    .offset(Math.max(index - 1, 0))
    .limit(2)
    .execute();
  if (index === 0) return { before: null, after: rows[0]?.position ?? null };
  // Past the end of the column: the deal goes after the last one.
  if (rows.length === 0) {
    const last = await db
      .selectFrom('deals')
      .select((eb) => eb.fn.max('position').as('p'))
      .where('stage_id', '=', stageId)
      .where('id', '!=', exceptId)
      .executeTakeFirst();
    return { before: last?.p ?? null, after: null };
  }
  return { before: rows[0]?.position ?? null, after: rows[1]?.position ?? null };
}

export async function lastPosition(db: Kysely<DB>, stageId: string): Promise<number | null> {
  const row = await db
    .selectFrom('deals')
    .select((eb) => eb.fn.max('position').as('p'))
    .where('stage_id', '=', stageId)
    .executeTakeFirst();
  return row?.p ?? null;
}

export async function firstPosition(db: Kysely<DB>, stageId: string): Promise<number | null> {
  const row = await db
    .selectFrom('deals')
    .select((eb) => eb.fn.min('position').as('p'))
    .where('stage_id', '=', stageId)
    .executeTakeFirst();
  return row?.p ?? null;
}

/** Positions around the slot right after `afterId` (or the top when null), skipping the moving deal. */
export async function neighboursAfter(
  db: Kysely<DB>,
  stageId: string,
  afterId: string | null,
  exceptId: string,
) {
  let before: number | null = null;
  if (afterId !== null) {
    const anchor = await db
      .selectFrom('deals')
      .select('position')
      .where('id', '=', afterId)
      .where('stage_id', '=', stageId)
      .executeTakeFirst();
    if (!anchor) return null;
    before = anchor.position;
  }
  const next = await db
    .selectFrom('deals')
    .select('position')
    .where('stage_id', '=', stageId)
    .where('id', '!=', exceptId)
    .$if(before !== null, (q) => q.where('position', '>', before as number))
    .orderBy('position')
    .orderBy('id')
    .limit(1)
    .executeTakeFirst();
  return { before, after: next?.position ?? null };
}

/** Spreads a stage's positions evenly again when midpoints run out of precision. */
export async function renumberStage(db: Kysely<DB>, stageId: string, step: number): Promise<void> {
  await sql`
    update deals set position = ranked.rn * ${step}
    from (select id, row_number() over (order by position, id) as rn from deals where stage_id = ${stageId}) ranked
    where deals.id = ranked.id`.execute(db);
}
