import { describe, expect, it } from 'vitest';
import {
  missingFields,
  requirableFields,
  stageRequirementsBulkError,
  stageRequirementsError,
  type DealFacts,
} from '../../src/domain/stage-requirements.js';

const empty: DealFacts = {
  value: 0,
  expectedCloseDate: null,
  companyId: null,
  contactCount: 0,
  source: null,
  probability: null,
};
const full: DealFacts = {
  value: 1,
  expectedCloseDate: '2026-05-01',
  companyId: 'c',
  contactCount: 1,
  source: 'Website',
  probability: 0,
};

describe('missingFields', () => {
  it('lists what an empty deal lacks, in the allow-list order', () => {
    expect(missingFields(['contactIds', 'value'], empty)).toEqual(['value', 'contactIds']);
    expect(missingFields([...requirableFields], empty)).toEqual([...requirableFields]);
  });

  it('finds nothing missing on a filled deal; probability 0 is an answer', () => {
    expect(missingFields([...requirableFields], full)).toEqual([]);
  });

  it('wants a value above zero and a source that is not blank', () => {
    expect(missingFields(['value', 'source'], { ...full, value: 0, source: '  ' })).toEqual([
      'value',
      'source',
    ]);
  });

  it('requires nothing of a stage without requirements and ignores unknown names', () => {
    expect(missingFields([], empty)).toEqual([]);
    expect(missingFields(['colour'], empty)).toEqual([]);
  });
});

describe('the errors', () => {
  it('names the stage and the fields, points at the first one', () => {
    const err = stageRequirementsError({ id: 's', name: 'Proposal' }, ['value', 'contactIds']);
    expect(err).toMatchObject({
      code: 'stage_requirements',
      message: 'Before Proposal, fill in: value, contacts',
      field: 'value',
      details: { missing: ['value', 'contactIds'], stageId: 's' },
    });
  });

  it('lists every blocked deal for a change of many', () => {
    const blocked = [{ id: 'd', title: 'T', missing: ['value' as const] }];
    const one = stageRequirementsBulkError({ id: 's', name: 'Proposal' }, blocked, 'ids');
    expect(one.message).toBe(
      'Before Proposal, fill in the required fields of a deal; nothing was changed',
    );
    expect(one.details).toEqual({ stageId: 's', count: 1, deals: blocked });
    const two = stageRequirementsBulkError({ id: 's', name: 'X' }, [...blocked, ...blocked], 'ids');
    expect(two.message).toContain('of 2 deals;');
  });
});
