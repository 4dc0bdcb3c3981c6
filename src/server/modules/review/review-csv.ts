// The review as one CSV table (UTF-8 with BOM, CRLF, as the other exports): one row per deal and
// section it is in, the section in the first column, money in major units with its currency.
import type { PipelineReview } from '../../../contracts/review.js';
import { CSV_BOM, csvRow, type CsvCell } from '../../../domain/csv.js';
import { major } from '../analytics/analytics-csv.js';
import { reviewLabels, type ReviewLang } from './review-labels.js';

export function reviewCsv(review: PipelineReview, lang: ReviewLang): string {
  const l = reviewLabels(lang);
  const c = l.columns;
  const header: CsvCell[] = [
    c.section,
    c.deal,
    c.dealId,
    c.owner,
    c.stage,
    c.currency,
    c.value,
    c.expectedClose,
    c.stageFrom,
    c.stageTo,
    c.closeFrom,
    c.closeTo,
    c.slipDays,
    c.valueFrom,
    c.currencyFrom,
    c.valueTo,
    c.currencyTo,
    c.closedAt,
    c.lostReason,
    c.idleDays,
  ];
  const rows = review.sections.flatMap((s) =>
    s.deals.map((d): CsvCell[] => [
      l.sections[s.section],
      d.title,
      d.dealId,
      d.ownerName,
      d.stageName,
      d.currency,
      major(d.value, d.currency),
      d.expectedCloseDate,
      d.stage?.fromName,
      d.stage?.toName,
      d.closeDate?.from,
      d.closeDate?.to,
      d.closeDate?.days,
      d.valueChange && major(d.valueChange.from.value, d.valueChange.from.currency),
      d.valueChange?.from.currency,
      d.valueChange && major(d.valueChange.to.value, d.valueChange.to.currency),
      d.valueChange?.to.currency,
      d.closed?.at,
      d.closed?.lostReason,
      d.stalled?.idleDays,
    ]),
  );
  return CSV_BOM + [header, ...rows].map(csvRow).join('');
}
