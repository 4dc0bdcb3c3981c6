// The key numbers' facts for one or more periods, read with four aggregate queries over the deal
// facts whatever the number of periods, and the amounts the workspace-currency totals convert.
import type { KeyNumberFacts, OpenValue } from '../../../domain/analytics/key-numbers.js';
import type { SummedAmount } from '../../../domain/analytics/in-base.js';
import type { Period } from '../../../domain/analytics/stages.js';
import { localDate } from '../../../domain/local-day.js';
import {
  closings,
  createdIn,
  openAt,
  qualifiedIn,
  reachingOf,
  type FactsQuery,
} from './facts.repository.js';
import type { ReportContext } from './report-context.js';

export type PeriodFacts = {
  facts: KeyNumberFacts;
  /** Won value per currency and local day of the win; open and weighted value at the end. */
  sums: { won: SummedAmount[]; open: SummedAmount[]; weighted: SummedAmount[] };
};

export async function keyNumberFactsOf(
  q: FactsQuery,
  ctx: ReportContext,
  periods: readonly Period[],
  qualificationPosition: number,
): Promise<PeriodFacts[]> {
  const reaching = reachingOf(ctx.index, ctx.filters.pipelineId, qualificationPosition);
  const [closed, created, qualified, open] = await Promise.all([
    closings(q, periods, ctx.timeZone),
    createdIn(q, periods),
    qualifiedIn(q, periods, reaching),
    openAt(
      q,
      periods.map((p) => p.end - 1),
    ),
  ]);
  return periods.map((period, i): PeriodFacts => {
    const n = i + 1;
    const mine = closed.filter((r) => r.n === n);
    const total = (status: 'won' | 'lost') =>
      mine.find((r) => r.status === status && r.currency === null);
    const won = total('won');
    const wonValue: KeyNumberFacts['wonValue'] = {};
    for (const r of mine)
      if (r.status === 'won' && r.currency !== null && r.day === null)
        wonValue[r.currency] = { count: r.count, total: r.total, median: r.median ?? 0 };
    const openAtEnd: Record<string, OpenValue> = {};
    const endDate = localDate(new Date(period.end - 1), ctx.timeZone);
    const sums: PeriodFacts['sums'] = { won: [], open: [], weighted: [] };
    for (const r of open.filter((o) => o.n === n)) {
      const entry = (openAtEnd[r.currency] ??= { count: 0, total: 0, weighted: 0 });
      entry.count += r.count;
      entry.total += r.total;
      entry.weighted += r.weighted;
      sums.open.push({ minor: r.total, currency: r.currency, date: endDate, count: r.count });
      sums.weighted.push({
        minor: r.weighted,
        currency: r.currency,
        date: endDate,
        count: r.count,
      });
    }
    for (const r of mine)
      if (r.status === 'won' && r.currency !== null && r.day !== null)
        sums.won.push({ minor: r.total, currency: r.currency, date: r.day, count: r.count });
    const q1 = qualified.find((r) => r.n === n);
    return {
      facts: {
        created: created.find((r) => r.n === n)?.count ?? 0,
        won: won?.count ?? 0,
        lost: total('lost')?.count ?? 0,
        wonValue,
        cycleMs: won?.cycle_ms ?? 0,
        cycleMedianDays: won?.cycle_median_days ?? null,
        qualified: q1?.qualified ?? 0,
        qualifiedWon: q1?.won ?? 0,
        openAtEnd,
      },
      sums,
    };
  });
}
