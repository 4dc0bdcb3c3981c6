import type { DealHistory } from '../../src/domain/analytics/history.js';
import { Deal, t } from './analytics-fixtures.js';

/**
 * The hand-checked story of March 2026 (all at 09:00 UTC unless said), pipeline P unless said:
 * A  created 20 Feb lead 1000 USD; qual 3 Mar; prop 10 Mar; won 20 Mar.
 * B  created 2 Mar lead 2000 USD; lost 5 Mar.
 * C  created 4 Mar straight into prop 3000 USD; lost 15 Mar; reopened into qual 2 Apr; won 10 Apr.
 * D  created 6 Mar qual 5,000,000 VND; value 6,000,000 on 12 Mar; won 16 Mar.
 * E  created 1 Mar 00:00 UTC lead 400 USD; stays.
 * F  created 1 Feb qual 800 USD; value 900 on 18 Mar; prop 25 Mar; stays.
 * G  created 8 Mar lead 100 USD; lost 9 Mar; reopened into lead 10 Mar; won 30 Mar.
 * H  created 3 Mar in pipeline Q (q1) 999 USD; won in Q 5 Mar.
 * K  created 25 Feb prop 50 USD; back to qual 12 Mar; value 30 on 19 Mar; stays.
 * M  created 10 Feb in Q (q1) 700 USD; moved to P lead 11 Mar; currency VND 22 Mar (value 700);
 *    moved to Q q2 28 Mar.
 */
export function marchDeals(): DealHistory[] {
  const d = (day: string, time = '09:00') => `2026-${day}T${time}:00Z`;
  return [
    new Deal('A', d('02-20'), 'lead', 1000)
      .move(d('03-03'), 'qual')
      .move(d('03-10'), 'prop')
      .move(d('03-20'), 'won'),
    new Deal('B', d('03-02'), 'lead', 2000).move(d('03-05'), 'lost'),
    new Deal('C', d('03-04'), 'prop', 3000)
      .move(d('03-15'), 'lost')
      .move(d('04-02'), 'qual')
      .move(d('04-10'), 'won'),
    new Deal('D', d('03-06'), 'qual', 5_000_000, 'VND')
      .value(d('03-12'), 6_000_000)
      .move(d('03-16'), 'won'),
    new Deal('E', d('03-01', '00:00'), 'lead', 400),
    new Deal('F', d('02-01'), 'qual', 800).value(d('03-18'), 900).move(d('03-25'), 'prop'),
    new Deal('G', d('03-08'), 'lead', 100)
      .move(d('03-09'), 'lost')
      .move(d('03-10'), 'lead')
      .move(d('03-30'), 'won'),
    new Deal('H', d('03-03'), 'q1', 999).move(d('03-05'), 'qwon'),
    new Deal('K', d('02-25'), 'prop', 50).move(d('03-12'), 'qual').value(d('03-19'), 30),
    new Deal('M', d('02-10'), 'q1', 700)
      .move(d('03-11'), 'lead')
      .currency(d('03-22'), 'VND')
      .move(d('03-28'), 'q2'),
  ].map((deal) => deal.build());
}

export const MARCH = { start: t('2026-03-01T00:00:00Z'), end: t('2026-04-01T00:00:00Z') };
export const APRIL = { start: t('2026-04-01T00:00:00Z'), end: t('2026-05-01T00:00:00Z') };
