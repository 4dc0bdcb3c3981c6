import { DomainError } from './errors.js';

// Fields a stage may require before a deal enters it ("value and a decision maker before
// Proposal"). The names are the deal's API fields, so the 422 can point at the one to fill in.
export const requirableFields = [
  'value',
  'expectedCloseDate',
  'companyId',
  'contactIds',
  'source',
  'probability',
] as const;
export type RequirableField = (typeof requirableFields)[number];

/** What the rule needs to know about a deal; contacts by count, since any one will do. */
export type DealFacts = {
  value: number;
  expectedCloseDate: string | null;
  companyId: string | null;
  contactCount: number;
  source: string | null;
  probability: number | null;
};

const filled: Record<RequirableField, (d: DealFacts) => boolean> = {
  value: (d) => d.value > 0,
  expectedCloseDate: (d) => d.expectedCloseDate !== null,
  companyId: (d) => d.companyId !== null,
  // At least one contact: the decision maker.
  contactIds: (d) => d.contactCount > 0,
  source: (d) => d.source !== null && d.source.trim() !== '',
  // A deal's own probability; 0 is a real answer, only "no override" is missing.
  probability: (d) => d.probability !== null,
};

/** The allow-listed names of a stage's stored list, in the allow-list's order. */
export function knownRequiredFields(required: readonly string[]): RequirableField[] {
  return requirableFields.filter((field) => required.includes(field));
}

/**
 * The required fields the deal lacks, in the allow-list's order (so "the first missing field" is
 * stable). Names the database holds that are not on the list are ignored, not enforced.
 */
export function missingFields(required: readonly string[], deal: DealFacts): RequirableField[] {
  return knownRequiredFields(required).filter((field) => !filled[field](deal));
}

// Words for the message; the Vietnamese catalog (error-messages.ts) knows each of them.
export const fieldLabels: Record<RequirableField, string> = {
  value: 'value',
  expectedCloseDate: 'expected close date',
  companyId: 'company',
  contactIds: 'contacts',
  source: 'source',
  probability: 'probability',
};

type Stage = { id: string; name: string };

/** The 422 for one deal that may not enter a stage yet: names the stage and what is missing. */
export function stageRequirementsError(stage: Stage, missing: RequirableField[]): DomainError {
  const labels = missing.map((f) => fieldLabels[f]).join(', ');
  return new DomainError(
    'stage_requirements',
    `Before ${stage.name}, fill in: ${labels}`,
    missing[0],
    {
      missing,
      stageId: stage.id,
    },
  );
}

export type BlockedDeal = { id: string; title: string; missing: RequirableField[] };

/** The 422 for a change of many deals (bulk edit, stage deletion): all or nothing. */
export function stageRequirementsBulkError(
  stage: Stage,
  blocked: BlockedDeal[],
  field: string,
): DomainError {
  const count = blocked.length === 1 ? 'a deal' : `${blocked.length} deals`;
  return new DomainError(
    'stage_requirements',
    `Before ${stage.name}, fill in the required fields of ${count}; nothing was changed`,
    field,
    // A stage deletion may block thousands: the count is whole, the list is capped.
    { stageId: stage.id, count: blocked.length, deals: blocked.slice(0, 100) },
  );
}
