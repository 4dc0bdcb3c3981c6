import type { Kysely } from 'kysely';
import type { DB } from '../../../db/schema.js';
import {
  missingFields,
  stageRequirementsBulkError,
  stageRequirementsError,
  type BlockedDeal,
  type DealFacts,
} from '../../../domain/stage-requirements.js';

// Stage entry requirements, checked wherever a deal enters a stage: create, move, bulk edit,
// won/lost by status and stage deletion. Staying in the same stage (reordering) is never checked.

export type EnteredStage = { id: string; name: string; required_fields: string[] };

/** Throws the 422 naming what the deal still lacks for the stage. */
export function assertCanEnter(stage: EnteredStage, facts: DealFacts): void {
  const missing = missingFields(stage.required_fields, facts);
  if (missing.length) throw stageRequirementsError(stage, missing);
}

type Which = { ids: string[] } | { stageId: string };

/** The facts of stored deals (given, or all of one stage), with their contacts counted. */
export async function loadDealFacts(db: Kysely<DB>, which: Which) {
  const rows = await db
    .selectFrom('deals')
    .select((eb) => [
      'deals.id',
      'deals.title',
      'deals.value_minor',
      'deals.expected_close_date',
      'deals.company_id',
      'deals.source',
      'deals.probability',
      eb
        .selectFrom('deal_contacts')
        .select((sub) => sub.fn.countAll<number>().as('n'))
        .whereRef('deal_contacts.deal_id', '=', 'deals.id')
        .as('contact_count'),
    ])
    .$if('ids' in which, (q) => q.where('deals.id', 'in', (which as { ids: string[] }).ids))
    .$if('stageId' in which, (q) =>
      q.where('deals.stage_id', '=', (which as { stageId: string }).stageId),
    )
    .orderBy('deals.position')
    .execute();
  return new Map<string, DealFacts & { title: string }>(
    rows.map((r) => [
      r.id,
      {
        title: r.title,
        value: r.value_minor,
        expectedCloseDate: r.expected_close_date,
        companyId: r.company_id,
        contactCount: Number(r.contact_count ?? 0),
        source: r.source,
        probability: r.probability,
      },
    ]),
  );
}

/** For one stored deal entering a stage (a move). */
export async function assertStoredCanEnter(db: Kysely<DB>, stage: EnteredStage, dealId: string) {
  if (!stage.required_fields.length) return;
  const facts = (await loadDealFacts(db, { ids: [dealId] })).get(dealId);
  if (facts) assertCanEnter(stage, facts);
}

/** For many deals entering one stage at once: all may, or the 422 lists each that may not. */
export async function assertAllCanEnter(
  db: Kysely<DB>,
  stage: EnteredStage,
  which: Which,
  field: string,
): Promise<void> {
  if (!stage.required_fields.length || ('ids' in which && !which.ids.length)) return;
  const blocked: BlockedDeal[] = [];
  for (const [id, deal] of await loadDealFacts(db, which)) {
    const missing = missingFields(stage.required_fields, deal);
    if (missing.length) blocked.push({ id, title: deal.title, missing });
  }
  if (blocked.length) throw stageRequirementsBulkError(stage, blocked, field);
}
