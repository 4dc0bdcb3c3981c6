import { describe, expect, it } from 'vitest';
import { checkDealRow, type CheckContext } from '../../src/server/modules/imports/deal-rows.js';
import type { ImportField } from '../../src/server/modules/imports/import-fields.js';
import type { Lookups } from '../../src/server/modules/imports/import-lookups.js';
import { RowCheck, type Cell, type Problem } from '../../src/server/modules/imports/row-check.js';

const stage = (id: string, kind: 'open' | 'won' | 'lost', position: number) => ({
  id,
  name: id,
  kind,
  position,
  probability: 50,
  required_fields: [],
});
const lookups: Lookups = {
  workspaceId: 'w',
  timeZone: 'UTC',
  defaultCurrency: 'EUR',
  pipelines: [
    {
      id: 'p',
      name: 'Sales',
      stages: [
        stage('Lead', 'open', 0),
        stage('Offer', 'open', 1),
        stage('Won', 'won', 2),
        stage('Lost', 'lost', 3),
      ],
    },
    { id: 'q', name: 'Renewals', stages: [stage('Due', 'open', 0)] },
  ],
  usersByEmail: new Map([['mai@example.test', 'u-mai']]),
  usersByName: new Map<string, string | null>([
    ['mai', 'u-mai'],
    ['an', null],
  ]),
  companiesByName: new Map(),
};
const ctx: CheckContext = {
  lookups,
  now: new Date('2025-01-01T00:00:00Z'),
  decimalComma: false,
  deals: { stageMap: new Map(), createStages: false },
  preset: null,
};

function check(values: Partial<Record<ImportField, string>>, context = ctx) {
  const problems: Problem[] = [];
  const cells = new Map<ImportField, Cell>(
    Object.entries(values).map(([f, text]) => [f as ImportField, { text, column: `col ${f}` }]),
  );
  const plan = checkDealRow(new RowCheck({ row: 2, line: 2, cells, raw: [] }, problems), context);
  return { plan, problems: problems.map((p) => `${p.column}: ${p.message}`) };
}

describe('checking a deal row', () => {
  it('takes defaults: first pipeline and stage, workspace currency, no owner, created now', () => {
    const { plan } = check({ title: 'A' });
    expect(plan).toMatchObject({
      pipelineId: 'p',
      stage: { id: 'Lead' },
      startStage: { id: 'Lead' },
      status: 'open',
      currency: 'EUR',
      value: 0,
      ownerId: null,
      createdAt: ctx.now,
    });
  });

  it('closes a deal written with an open stage and a status in the won stage, moved at its close time', () => {
    const { plan } = check({
      title: 'A',
      stage: 'Offer',
      status: 'won',
      createdAt: '2024-01-01',
      closedAt: '2024-02-01',
    });
    expect(plan).toMatchObject({
      startStage: { id: 'Offer' },
      stage: { id: 'Won' },
      status: 'won',
    });
    expect(plan?.stageEnteredAt.toISOString()).toBe('2024-02-01T00:00:00.000Z');
  });

  it('keeps a won deal in its stage where the pipeline has no won stage', () => {
    const { plan } = check({
      title: 'A',
      pipeline: 'renewals',
      status: 'won',
      stage: 'Due',
      createdAt: '2024-01-01',
      closedAt: '2024-02-01',
    });
    expect(plan).toMatchObject({ startStage: { id: 'Due' }, stage: { id: 'Due' }, status: 'won' });
  });

  it('refuses contradictions, naming the column', () => {
    expect(
      check({ title: 'A', stage: 'Won', status: 'lost', closedAt: '2024-01-01' }).problems,
    ).toEqual(['col status: is lost but stage "Won" holds won deals']);
    expect(check({ title: 'A', stage: 'Won', createdAt: '2024-01-01' }).problems).toEqual([
      // No closedAt column at all: the problem names the field.
      'null: closedAt is empty; a won deal needs the time it closed (the file has no column for it; name one with --map "<column>=closedAt")',
    ]);
    expect(check({ title: 'A', closedAt: '2024-01-01' }).problems).toEqual([
      'col closedAt: is set, but the deal is open',
    ]);
    expect(
      check({ title: 'A', stage: 'Won', createdAt: '2024-03-01', closedAt: '2024-01-01' }).problems,
    ).toEqual(['col closedAt: is before the time the deal was created']);
    expect(check({ title: 'A', createdAt: '2026-01-01' }).problems).toEqual([
      'col createdAt: is in the future',
    ]);
    expect(check({ title: 'A', lostReason: 'Price' }).problems).toEqual([
      'col lostReason: is set, but the deal is open',
    ]);
    expect(check({ title: 'A', owner: 'An' }).problems).toEqual([
      'col owner: several active users are called "An"; give the owner\'s email instead',
    ]);
    expect(check({ title: 'A', owner: 'x@example.test' }).problems).toEqual([
      'col owner: no active user has the email "x@example.test"',
    ]);
    expect(check({ title: 'A', currency: 'euro' }).problems).toEqual([
      'col currency: "euro" is not an ISO 4217 currency code',
    ]);
    expect(check({ title: 'A', pipeline: 'Nope' }).problems).toEqual([
      'col pipeline: there is no pipeline "Nope" (there are: "Sales", "Renewals")',
    ]);
  });

  it('reports every problem of a row at once where they do not depend on each other', () => {
    expect(check({ title: '', stage: 'Somewhere', createdInStage: 'Elsewhere' }).problems).toEqual([
      'col title: is empty; a value is required',
      'col stage: "Somewhere" is not a stage of pipeline "Sales" (its stages: "Lead", "Offer", "Won", "Lost"); map it with --stage "Somewhere=<stage>" or add it with --create-stages',
      'col createdInStage: "Elsewhere" is not a stage of pipeline "Sales" (its stages: "Lead", "Offer", "Won", "Lost"); map it with --stage "Elsewhere=<stage>" or add it with --create-stages',
    ]);
  });

  it('plans a stage to create when the user chose so, and maps names when told', () => {
    const create = { ...ctx, deals: { stageMap: new Map(), createStages: true } };
    expect(check({ title: 'A', stage: 'Discovery' }, create).plan?.newStage).toEqual({
      pipelineId: 'p',
      name: 'Discovery',
    });
    const mapped = {
      ...ctx,
      deals: { stageMap: new Map([['proposal', 'Offer']]), createStages: false },
    };
    expect(check({ title: 'A', stage: 'Proposal' }, mapped).plan?.stage.id).toBe('Offer');
  });
});
