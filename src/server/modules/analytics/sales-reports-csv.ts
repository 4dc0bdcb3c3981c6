// The channel and leaderboard reports as CSV: one row per channel or per owner/team, money in
// major units of the workspace currency, and what had no rate in its own columns, per currency.
import type { InBase } from '../../../domain/analytics/in-base.js';
import { major, table } from './analytics-csv.js';
import type { channelsReport } from './channels.service.js';
import { salesHeaders, type CsvLang } from './csv-headers.js';
import type { leaderboardReport } from './leaderboard.service.js';

// "USD 12.5; EUR 3": amounts left out of a total, in their own currencies.
const apart = (money: InBase | null) =>
  money === null || money.unconverted.length === 0
    ? null
    : money.unconverted.map((u) => `${u.currency} ${major(u.minor, u.currency)}`).join('; ');

export function channelsCsv(report: Awaited<ReturnType<typeof channelsReport>>, lang: CsvLang) {
  const h = salesHeaders(lang);
  const base = report.baseCurrency;
  const cost = (minor: number | null) => major(minor, base);
  return table([
    [
      h.channel,
      h.leadsCreated,
      h.leadsQualified,
      h.dealsCreated,
      h.dealsWon,
      `${h.wonValue} (${base})`,
      h.wonUnconverted,
      `${h.spend} (${base})`,
      h.spendUnconverted,
      `${h.costPerLead} (${base})`,
      `${h.costPerWonDeal} (${base})`,
      h.returnOnSpend,
    ],
    ...report.channels.map((c) => [
      c.channel ?? h.noSource,
      c.leadsCreated,
      c.leadsQualified,
      c.dealsCreated,
      c.dealsWon,
      cost(c.wonValue.total),
      apart(c.wonValue),
      c.spend === null ? null : cost(c.spend.total),
      apart(c.spend),
      cost(c.costPerLead),
      cost(c.costPerWonDeal),
      c.returnOnSpend,
    ]),
  ]);
}

export function leaderboardCsv(
  report: Awaited<ReturnType<typeof leaderboardReport>>,
  lang: CsvLang,
) {
  const h = salesHeaders(lang);
  const base = report.baseCurrency;
  return table([
    [
      report.by === 'owner' ? h.owner : h.team,
      h.dealsWon,
      h.lost,
      h.winRate,
      `${h.wonValue} (${base})`,
      h.wonUnconverted,
      h.cycleDays,
      h.openCount,
      `${h.openWeighted} (${base})`,
      h.openUnconverted,
    ],
    ...report.rows.map((r) => [
      r.name,
      r.won,
      r.lost,
      r.winRate,
      major(r.wonValue.total, base),
      apart(r.wonValue),
      r.cycleDays,
      r.openCount,
      major(r.openWeighted.total, base),
      apart(r.openWeighted),
    ]),
  ]);
}
