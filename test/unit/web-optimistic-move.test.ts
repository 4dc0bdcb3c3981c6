import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  columnIdsOf,
  dropTarget,
  moveAcross,
} from '../../src/web/features/board/lib/drag-columns.js';
import {
  appendPage,
  applyMove,
  totalsOf,
} from '../../src/web/features/board/lib/optimistic-move.js';

// The board moves a card in the cache before the server answers: these are the numbers the
// user sees in that moment, so they must match what the server will send back.

type Board = Parameters<typeof applyMove>[0];
type Column = Board['columns'][number];
type Deal = Column['deals'][number];
type Kind = Column['stage']['kind'];

const NOW = '2026-05-01T10:00:00.000Z';
const BEFORE = '2026-04-01T10:00:00.000Z';

function deal(id: string, stageId: string, over: Partial<Deal> = {}): Deal {
  return {
    id,
    title: `Deal ${id}`,
    pipelineId: 'p',
    stageId,
    position: 0,
    value: 1000,
    currency: 'VND',
    expectedCloseDate: null,
    ownerId: 'u',
    ownerName: 'Lan',
    companyId: null,
    companyName: null,
    contactIds: [],
    source: null,
    status: 'open',
    lostReason: null,
    closedAt: null,
    probability: null,
    effectiveProbability: 10,
    stageEnteredAt: BEFORE,
    nextActivity: null,
    noNextStep: true,
    version: 1,
    createdAt: BEFORE,
    updatedAt: BEFORE,
    ...over,
  };
}

/** A column whose header matches its deals, as the server computes it. */
function column(id: string, probability: number, deals: Deal[], kind: Kind = 'open'): Column {
  return {
    stage: { id, name: id, kind, probability, rottingDays: null },
    count: deals.length,
    totals: totalsOf(deals),
    deals,
    nextCursor: null,
  };
}

const boardOf = (...columns: Column[]): Board => ({ pipelineId: 'p', columns });
const col = (b: Board, id: string) => b.columns.find((c) => c.stage.id === id) as Column;
const ids = (c: Column) => c.deals.map((d) => d.id);

describe('totalsOf', () => {
  it('keeps each currency apart and rounds the weighted sum once, half away from zero', () => {
    const deals = [
      deal('a', 's', { value: 5, effectiveProbability: 10 }),
      deal('b', 's', { value: 5, effectiveProbability: 10 }),
      deal('c', 's', { value: 12345, currency: 'USD', effectiveProbability: 50 }),
    ];
    // 0.5 + 0.5 = 1 (rounding each first would say 2); 6172.5 rounds up to 6173.
    expect(totalsOf(deals)).toEqual([
      { currency: 'USD', value: 12345, weighted: 6173 },
      { currency: 'VND', value: 10, weighted: 1 },
    ]);
  });

  it('stays exact for VND sums past 2^53 before the division', () => {
    const big = Array.from({ length: 40 }, (_, i) =>
      deal(`d${i}`, 's', { value: 9_000_000_000_000 + i, effectiveProbability: 33 }),
    );
    const [total] = totalsOf(big);
    const exact = big.reduce((n, d) => n + BigInt(d.value) * 33n, 0n);
    expect(total?.weighted).toBe(Number((exact + 50n) / 100n));
  });
});

describe('applyMove', () => {
  const prospecting = () =>
    column('s1', 10, [
      deal('a', 's1', { value: 1_000_000 }),
      deal('b', 's1', { value: 2_500, currency: 'USD' }),
      deal('c', 's1', { value: 300_000, probability: 70, effectiveProbability: 70 }),
    ]);
  const proposal = () =>
    column('s2', 60, [deal('x', 's2', { value: 5_000_000, effectiveProbability: 60 })]);
  const won = () => column('w', 100, [], 'won');

  it('moves the card and recomputes both headers with the new stage probability', () => {
    const after = applyMove(
      boardOf(prospecting(), proposal()),
      { dealId: 'a', stageId: 's2', position: 1 },
      NOW,
    );
    const from = col(after, 's1');
    const to = col(after, 's2');
    expect(ids(from)).toEqual(['b', 'c']);
    expect(ids(to)).toEqual(['x', 'a']);
    expect([from.count, to.count]).toEqual([2, 2]);
    expect(from.totals).toEqual([
      { currency: 'USD', value: 2_500, weighted: 250 },
      { currency: 'VND', value: 300_000, weighted: 210_000 },
    ]);
    // 5,000,000 × 60% + 1,000,000 × 60% (the deal follows its new stage's probability).
    expect(to.totals).toEqual([{ currency: 'VND', value: 6_000_000, weighted: 3_600_000 }]);
    const moved = to.deals[1] as Deal;
    expect(moved).toMatchObject({ stageId: 's2', effectiveProbability: 60, stageEnteredAt: NOW });
  });

  it('keeps a deal’s own probability override', () => {
    const after = applyMove(
      boardOf(prospecting(), proposal()),
      { dealId: 'c', stageId: 's2', position: 0 },
      NOW,
    );
    expect(col(after, 's2').deals[0]).toMatchObject({ id: 'c', effectiveProbability: 70 });
    expect(col(after, 's2').totals).toEqual([
      { currency: 'VND', value: 5_300_000, weighted: 3_210_000 },
    ]);
  });

  it('adds a currency line to the target and empties the source’s totals with its last deal', () => {
    const after = applyMove(
      boardOf(proposal(), prospecting()),
      { dealId: 'x', stageId: 's1', position: 3 },
      NOW,
    );
    expect(col(after, 's2')).toMatchObject({ count: 0, totals: [], deals: [] });
    expect(ids(col(after, 's1'))).toEqual(['a', 'b', 'c', 'x']);
    expect(col(after, 's1').totals.map((t) => t.currency)).toEqual(['USD', 'VND']);
  });

  it('reorders within a column without touching its header', () => {
    const before = boardOf(prospecting());
    const after = applyMove(before, { dealId: 'a', stageId: 's1', position: 2 }, NOW);
    expect(ids(col(after, 's1'))).toEqual(['b', 'c', 'a']);
    expect(col(after, 's1').count).toBe(3);
    expect(col(after, 's1').totals).toBe(col(before, 's1').totals);
    expect(col(after, 's1').deals[2]?.stageEnteredAt).toBe(BEFORE);
  });

  it('closes a deal dropped on a won stage, and reopens it when moved back', () => {
    const closed = applyMove(
      boardOf(prospecting(), won()),
      { dealId: 'a', stageId: 'w', position: 0 },
      NOW,
    );
    expect(col(closed, 'w').deals[0]).toMatchObject({
      status: 'won',
      closedAt: NOW,
      effectiveProbability: 100,
    });
    expect(col(closed, 'w').totals).toEqual([
      { currency: 'VND', value: 1_000_000, weighted: 1_000_000 },
    ]);
    const reopened = applyMove(closed, { dealId: 'a', stageId: 's1', position: 0 }, NOW);
    expect(col(reopened, 's1').deals[0]).toMatchObject({
      status: 'open',
      closedAt: null,
      effectiveProbability: 10,
    });
  });

  it('adjusts partly loaded columns by the deal alone (the server has the rest)', () => {
    const partial: Column = {
      ...proposal(),
      count: 120,
      totals: [{ currency: 'VND', value: 90_000_000, weighted: 54_000_001 }],
      nextCursor: 'more',
    };
    const after = applyMove(
      boardOf(prospecting(), partial),
      { dealId: 'a', stageId: 's2', position: 0 },
      NOW,
    );
    expect(col(after, 's2').count).toBe(121);
    expect(col(after, 's2').totals).toEqual([
      { currency: 'VND', value: 91_000_000, weighted: 54_600_001 },
    ]);
    const back = applyMove(after, { dealId: 'x', stageId: 's1', position: 0 }, NOW);
    expect(col(back, 's2').totals).toEqual([
      { currency: 'VND', value: 86_000_000, weighted: 51_600_001 },
    ]);
  });

  it('leaves the board as it was for an unknown deal or stage', () => {
    const before = boardOf(prospecting(), proposal());
    expect(applyMove(before, { dealId: 'nope', stageId: 's2', position: 0 })).toBe(before);
    expect(applyMove(before, { dealId: 'a', stageId: 'nope', position: 0 })).toBe(before);
  });

  it('on fully loaded boards, always agrees with the server’s own sums', () => {
    const currency = fc.constantFrom('VND', 'USD', 'EUR');
    const dealArb = fc.record({
      value: fc.integer({ min: 0, max: 5_000_000_000 }),
      currency,
      probability: fc.option(fc.integer({ min: 0, max: 100 }), { nil: null }),
    });
    const probabilities = [10, 40, 75, 100];
    fc.assert(
      fc.property(
        fc.array(fc.tuple(fc.integer({ min: 0, max: 3 }), dealArb), { maxLength: 25 }),
        fc.nat(),
        fc.integer({ min: 0, max: 3 }),
        fc.nat(),
        (specs, pick, toStage, position) => {
          const columns = probabilities.map((p, s) =>
            column(
              `s${s}`,
              p,
              specs
                .map(([stage, d], i) => ({ stage, d, i }))
                .filter((x) => x.stage === s)
                .map(({ d, i }) =>
                  deal(`d${i}`, `s${s}`, { ...d, effectiveProbability: d.probability ?? p }),
                ),
            ),
          );
          const all = columns.flatMap((c) => c.deals);
          if (all.length === 0) return;
          const moving = all[pick % all.length] as Deal;
          const after = applyMove(boardOf(...columns), {
            dealId: moving.id,
            stageId: `s${toStage}`,
            position: position % (all.length + 1),
          });
          for (const c of after.columns) {
            expect(c.count).toBe(c.deals.length);
            expect(c.totals).toEqual(totalsOf(c.deals));
            for (const d of c.deals)
              expect(d.effectiveProbability).toBe(d.probability ?? c.stage.probability);
          }
          expect(after.columns.flatMap((c) => c.deals).length).toBe(all.length);
        },
      ),
    );
  });
});

describe('appendPage', () => {
  it('adds the next page once, even if a move already brought one of its deals', () => {
    const c = { ...column('s', 10, [deal('a', 's'), deal('b', 's')]), nextCursor: 'c1' };
    const next = appendPage(c, { data: [deal('b', 's'), deal('c', 's')], nextCursor: null });
    expect(ids(next)).toEqual(['a', 'b', 'c']);
    expect(next.nextCursor).toBeNull();
  });
});

describe('dragging between columns', () => {
  const board = boardOf(
    column('s1', 10, [deal('a', 's1'), deal('b', 's1'), deal('c', 's1')]),
    column('s2', 50, [deal('x', 's2'), deal('y', 's2')]),
    column('s3', 90, []),
  );

  it('shows the card before or after the card it hovers in another column', () => {
    const start = columnIdsOf(board);
    expect(moveAcross(start, 'a', 'y', false)).toMatchObject({
      s1: ['b', 'c'],
      s2: ['x', 'a', 'y'],
    });
    expect(moveAcross(start, 'a', 'y', true)).toMatchObject({ s2: ['x', 'y', 'a'] });
    expect(moveAcross(start, 'a', 'column:s3', false)).toMatchObject({ s3: ['a'] });
    expect(moveAcross(start, 'a', 'c', true)).toBe(start);
  });

  it('drops at the hovered card’s index, counted among the other cards', () => {
    const start = columnIdsOf(board);
    expect(dropTarget(start, 'a', 'c')).toEqual({ stageId: 's1', position: 2 });
    expect(dropTarget(start, 'c', 'a')).toEqual({ stageId: 's1', position: 0 });
    const across = moveAcross(start, 'a', 'y', false);
    expect(dropTarget(across, 'a', 'a')).toEqual({ stageId: 's2', position: 1 });
    expect(dropTarget(across, 'a', 'column:s2')).toEqual({ stageId: 's2', position: 1 });
  });
});
