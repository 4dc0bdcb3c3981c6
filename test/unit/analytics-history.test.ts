import { describe, expect, it } from 'vitest';
import { replay, stageVisits } from '../../src/domain/analytics/history.js';
import { Deal, t } from './analytics-fixtures.js';

describe('replay', () => {
  const deal = new Deal('d1', '2026-03-02T09:00:00Z', 'lead', 1000)
    .move('2026-03-05T09:00:00Z', 'prop') // skips qual
    .move('2026-03-07T09:00:00Z', 'qual') // backwards
    .value('2026-03-08T09:00:00Z', 1500)
    .move('2026-03-10T09:00:00Z', 'lost')
    .move('2026-03-20T09:00:00Z', 'q1') // reopened, into pipeline Q
    .currency('2026-03-21T09:00:00Z', 'VND')
    .move('2026-03-25T09:00:00Z', 'qwon')
    .build();

  it('says the deal did not exist before its creation, and did at the creation instant', () => {
    expect(replay(deal, t('2026-03-02T09:00:00Z') - 1)).toEqual({ exists: false });
    expect(replay(deal, t('2026-03-02T09:00:00Z'))).toMatchObject({
      exists: true,
      pipelineId: 'P',
      stageId: 'lead',
      status: 'open',
      value: 1000,
      currency: 'USD',
      ownerId: 'u1',
      stageEnteredAt: t('2026-03-02T09:00:00Z'),
    });
  });

  it('includes events at exactly the instant asked for', () => {
    expect(replay(deal, t('2026-03-05T09:00:00Z'))).toMatchObject({ stageId: 'prop' });
    expect(replay(deal, t('2026-03-05T09:00:00Z') - 1)).toMatchObject({ stageId: 'lead' });
  });

  it('follows moves backwards, value changes, losing, reopening in another pipeline and currency', () => {
    expect(replay(deal, t('2026-03-07T12:00:00Z'))).toMatchObject({
      stageId: 'qual',
      value: 1000,
      stageEnteredAt: t('2026-03-07T09:00:00Z'),
    });
    expect(replay(deal, t('2026-03-09T00:00:00Z'))).toMatchObject({ value: 1500 });
    expect(replay(deal, t('2026-03-10T09:00:00Z'))).toMatchObject({
      stageId: 'lost',
      status: 'lost',
    });
    expect(replay(deal, t('2026-03-20T09:00:00Z'))).toMatchObject({
      pipelineId: 'Q',
      stageId: 'q1',
      status: 'open',
    });
    expect(replay(deal, t('2026-03-22T00:00:00Z'))).toMatchObject({ currency: 'VND', value: 1500 });
    // The current row is the replay after the last event (the row's fields, as built from rows).
    expect(replay(deal, Infinity)).toEqual({
      exists: true,
      stageEnteredAt: t('2026-03-25T09:00:00Z'),
      ...deal.current,
    });
    expect(deal.current).toMatchObject({ pipelineId: 'Q', stageId: 'qwon', status: 'won' });
  });

  it('knows a deal created straight into Won as won from its first instant', () => {
    const won = new Deal('d2', '2026-03-02T09:00:00Z', 'won', 700).build();
    expect(won.events.map((e) => e.type)).toEqual(['created', 'status']);
    expect(replay(won, t('2026-03-02T09:00:00Z'))).toMatchObject({ status: 'won', stageId: 'won' });
  });
});

describe('stageVisits', () => {
  it('lists every stay, with the stage left when the next one is entered', () => {
    const deal = new Deal('d1', '2026-03-02T09:00:00Z', 'lead', 1000)
      .move('2026-03-05T09:00:00Z', 'prop')
      .value('2026-03-06T09:00:00Z', 2000) // not a visit
      .move('2026-03-07T09:00:00Z', 'qual')
      .move('2026-03-10T09:00:00Z', 'q1')
      .build();
    expect(stageVisits(deal)).toEqual([
      {
        stageId: 'lead',
        pipelineId: 'P',
        enteredAt: t('2026-03-02T09:00:00Z'),
        leftAt: t('2026-03-05T09:00:00Z'),
      },
      {
        stageId: 'prop',
        pipelineId: 'P',
        enteredAt: t('2026-03-05T09:00:00Z'),
        leftAt: t('2026-03-07T09:00:00Z'),
      },
      {
        stageId: 'qual',
        pipelineId: 'P',
        enteredAt: t('2026-03-07T09:00:00Z'),
        leftAt: t('2026-03-10T09:00:00Z'),
      },
      { stageId: 'q1', pipelineId: 'Q', enteredAt: t('2026-03-10T09:00:00Z'), leftAt: null },
    ]);
  });
});
