// Which figure of the key-numbers report a number widget shows, how it is written, and which
// deals are behind it (docs/metrics.md, "Deals behind a number"). Money is the report's total in
// the workspace currency, so a period compares with the one before in one unit.
import type { z } from 'zod';
import type { numberMetric } from '../../../../contracts/dashboards';
import type { DealsBehindMetric } from '../api/deals-behind';
import type { KeyNumbers } from '../../reports/api/key-numbers';

export type KeyMetric = Exclude<z.infer<typeof numberMetric>, 'quotaAttainment'>;
export type NumberFormat = 'count' | 'percent' | 'money' | 'days';

export const formatOf: Record<KeyMetric, NumberFormat> = {
  created: 'count',
  won: 'count',
  lost: 'count',
  winRate: 'percent',
  closeRate: 'percent',
  wonValue: 'money',
  openValue: 'money',
  openWeighted: 'money',
  cycleDays: 'days',
};

/** The deals a drill-down lists: for a rate, the deals it divides by. */
export const drillOf: Record<KeyMetric, DealsBehindMetric> = {
  created: 'created',
  won: 'won',
  lost: 'lost',
  winRate: 'closed',
  closeRate: 'qualified',
  wonValue: 'won',
  openValue: 'open',
  openWeighted: 'open',
  cycleDays: 'won',
};

export function valueOf(k: KeyNumbers, metric: KeyMetric): number | null {
  switch (metric) {
    case 'created':
    case 'won':
    case 'lost':
      return k[metric];
    case 'winRate':
      return k.winRate;
    case 'closeRate':
      return k.closeRate.rate;
    case 'wonValue':
      return k.inBaseCurrency.wonValue.total;
    case 'openValue':
      return k.inBaseCurrency.openAtEnd.total;
    case 'openWeighted':
      return k.inBaseCurrency.openWeighted.total;
    case 'cycleDays':
      return k.cycleDays.median;
  }
}
