// Each report as a CSV table (UTF-8 with BOM, CRLF, as the deal export): money in major units with
// the currency's own decimals, rates and days unrounded, one row per figure and currency.
import { CSV_BOM, csvRow, decimalAmount, type CsvCell } from '../../../domain/csv.js';
import type { InBase } from '../../../domain/analytics/in-base.js';
import { currencyExponent } from '../../../domain/money.js';
import type { boardAtReport, waterfallReport } from './time-travel.service.js';
import type { keyNumbersReport, trendsReport } from './key-numbers.service.js';
import type { stageConversionReport } from './stage-conversion.service.js';
import { csvHeaders, type CsvLang } from './csv-headers.js';

type KeyNumbersReport = Awaited<ReturnType<typeof keyNumbersReport>>;
type Values = Omit<
  KeyNumbersReport,
  'pipelineId' | 'timeZone' | 'period' | 'qualificationStageId' | 'baseCurrency' | 'inBaseCurrency'
>;

/** Minor units as major units; a mean or median may fall between two minor units. */
export function major(minor: number | null, currency: string): CsvCell {
  if (minor === null) return null;
  const exponent = currencyExponent(currency);
  return Number.isSafeInteger(minor) ? decimalAmount(minor, exponent) : minor / 10 ** exponent;
}

export const table = (rows: CsvCell[][]) => CSV_BOM + rows.map(csvRow).join('');

/** Metric, currency, value: one row per figure (per currency for money). */
function keyNumberRows(k: Values, h: ReturnType<typeof csvHeaders>['keyNumbers']): CsvCell[][] {
  return [
    [h.created, null, k.created],
    [h.won, null, k.won],
    [h.lost, null, k.lost],
    [h.winRate, null, k.winRate],
    [h.qualified, null, k.closeRate.qualified],
    [h.qualifiedWon, null, k.closeRate.won],
    [h.closeRate, null, k.closeRate.rate],
    [h.cycleMedian, null, k.cycleDays.median],
    [h.cycleMean, null, k.cycleDays.mean],
    ...k.wonValue.flatMap((w) => [
      [h.wonTotal, w.currency, major(w.total, w.currency)],
      [h.wonMean, w.currency, major(w.mean, w.currency)],
      [h.wonMedian, w.currency, major(w.median, w.currency)],
    ]),
    ...k.openAtEnd.flatMap((o) => [
      [h.openCount, o.currency, o.count],
      [h.openTotal, o.currency, major(o.total, o.currency)],
      [h.openWeighted, o.currency, major(o.weighted, o.currency)],
    ]),
    ...k.velocity.map((v) => [h.velocity, v.currency, major(v.perDay, v.currency)]),
  ];
}

/** A total in the workspace currency, then each currency it leaves out for want of a rate. */
export function inBaseRows(label: string, missingLabel: string, money: InBase, base: string) {
  return [
    [label, base, major(money.total, base)],
    ...money.unconverted.map((u) => [missingLabel, u.currency, major(u.minor, u.currency)]),
  ];
}

export function keyNumbersCsv(report: KeyNumbersReport, lang: CsvLang): string {
  const h = csvHeaders(lang);
  const k = h.keyNumbers;
  const base = report.baseCurrency;
  const money = report.inBaseCurrency;
  return table([
    [h.metric, h.currency, h.value],
    ...keyNumberRows(report, k),
    ...inBaseRows(k.wonTotalBase, k.wonTotalUnconverted, money.wonValue, base),
    ...inBaseRows(k.openTotalBase, k.openTotalUnconverted, money.openAtEnd, base),
    ...inBaseRows(k.openWeightedBase, k.openWeightedUnconverted, money.openWeighted, base),
  ]);
}

/** One row per bucket and figure: the key-number table with the bucket's first and last day. */
export function trendsCsv(report: Awaited<ReturnType<typeof trendsReport>>, lang: CsvLang) {
  const h = csvHeaders(lang);
  return table([
    [h.from, h.to, h.metric, h.currency, h.value],
    ...report.buckets.flatMap((b) =>
      keyNumberRows(b, h.keyNumbers).map((row) => [b.from, b.to, ...row]),
    ),
  ]);
}

export function stageConversionCsv(
  report: Awaited<ReturnType<typeof stageConversionReport>>,
  lang: CsvLang,
) {
  const h = csvHeaders(lang);
  const cohort = report.mode === 'cohort';
  const outcomes = ['deals', 'forward', 'back', 'won', 'lost', 'movedOut', 'stayed'] as const;
  return table([
    [
      h.stage,
      ...(cohort ? [h.reached, h.conversionToNext] : outcomes.map((o) => h.outcomes[o])),
      h.stays,
      h.medianDays,
      h.p75Days,
      h.weakest,
    ],
    ...report.stages
      .filter((s) => cohort || s.kind === 'open')
      .map((s) => [
        s.name,
        ...(cohort ? [s.reached, s.conversionToNext] : outcomes.map((o) => s.active?.[o] ?? 0)),
        s.time?.visits ?? null,
        s.time?.median ?? null,
        s.time?.p75 ?? null,
        s.stageId === report.weakestStageId ? h.yes : null,
      ]),
  ]);
}

/** Currency, bar, amount, deals: the deal ids behind the bar, separated by spaces. */
export function waterfallCsv(report: Awaited<ReturnType<typeof waterfallReport>>, lang: CsvLang) {
  const h = csvHeaders(lang);
  return table([
    [h.currency, h.bar, h.amount, h.dealCount, h.dealIds],
    ...report.currencies.flatMap((c) =>
      c.bars.map((b) => [
        c.currency,
        h.bars[b.bar],
        major(b.amount, c.currency),
        b.dealCount,
        b.dealIds.join(' '),
      ]),
    ),
  ]);
}

/** Stage, deals, currency, value: one row per stage and currency (a stage without deals once). */
export function boardAtCsv(report: Awaited<ReturnType<typeof boardAtReport>>, lang: CsvLang) {
  const h = csvHeaders(lang);
  return table([
    [h.stage, h.dealCount, h.currency, h.value],
    ...report.columns.flatMap((c) =>
      c.totals.length === 0
        ? [[c.name, c.count, null, null]]
        : c.totals.map((t) => [c.name, c.count, t.currency, major(t.value, t.currency)]),
    ),
  ]);
}
