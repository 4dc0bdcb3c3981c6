// The review's deals as the API shows them: each change with the names it needs (deal, owner,
// stages), sorted into its sections with totals per currency.
import type { ReviewDeal, ReviewSection } from '../../../contracts/review.js';
import type { DealState } from '../../../domain/analytics/history.js';
import type { DealChange } from '../../../domain/review/changes.js';
import {
  changeTotals,
  SECTIONS,
  totalsByCurrency,
  type CurrencyTotal,
} from '../../../domain/review/sections.js';

export type Names = {
  stage: (id: string) => string;
  owner: (id: string) => string;
  deal: (id: string) => { title: string; lostReason: string | null };
};

type Existing = Extract<DealState, { exists: true }>;

/** A deal as it stands (no change), for the stalled and closing sections. */
export function plainDeal(dealId: string, s: Existing, names: Names): ReviewDeal {
  return {
    dealId,
    title: names.deal(dealId).title,
    ownerId: s.ownerId,
    ownerName: names.owner(s.ownerId),
    pipelineId: s.pipelineId,
    stageId: s.stageId,
    stageName: names.stage(s.stageId),
    status: s.status,
    value: s.value,
    currency: s.currency,
    expectedCloseDate: s.expectedCloseDate,
    stage: null,
    closeDate: null,
    valueChange: null,
    closed: null,
    stalled: null,
  };
}

export function changedDeal(c: DealChange, pipelineId: string, names: Names): ReviewDeal {
  const deal = names.deal(c.dealId);
  return {
    dealId: c.dealId,
    title: deal.title,
    ownerId: c.ownerId,
    ownerName: names.owner(c.ownerId),
    pipelineId,
    stageId: c.stageId,
    stageName: names.stage(c.stageId),
    status: c.status,
    value: c.value,
    currency: c.currency,
    expectedCloseDate: c.expectedCloseDate,
    stage: c.stage && {
      ...c.stage,
      fromName: names.stage(c.stage.fromId),
      toName: names.stage(c.stage.toId),
    },
    closeDate: c.slipped,
    valueChange: c.valueChange,
    closed: c.closed && {
      outcome: c.closed.outcome,
      at: new Date(c.closed.at).toISOString(),
      lostReason: c.closed.outcome === 'lost' ? deal.lostReason : null,
    },
    stalled: null,
  };
}

const byTitle = (a: ReviewDeal, b: ReviewDeal) =>
  a.title.localeCompare(b.title) || (a.dealId < b.dealId ? -1 : 1);

/** Every section in the fixed order, empty ones included, deals by title. */
export function assembleSections(bySection: Map<ReviewSection, ReviewDeal[]>) {
  return SECTIONS.map((section) => {
    const deals = [...(bySection.get(section) ?? [])].sort(byTitle);
    const totals: CurrencyTotal[] =
      section === 'valueChanged'
        ? changeTotals(deals.flatMap((d) => (d.valueChange ? [d.valueChange] : [])))
        : totalsByCurrency(deals);
    return { section, count: deals.length, totals, deals };
  });
}
