// Pipeline analytics from the deal history. Definitions: docs/metrics.md. Money is in integer
// minor units and always per currency; rates are 0..1 and null when there is nothing to divide by.
import { z } from 'zod';
import { id, isoDate, isoDateTime, localeSchema } from './common.js';

// A report period longer than this is almost certainly a typo, and it bounds the work.
export const MAX_PERIOD_DAYS = 3_660;
const DAY_MS = 86_400_000;

export const filters = {
  pipelineId: id,
  ownerId: id.optional().describe('Deals owned by this user now'),
  teamId: id.optional().describe('Deals owned now by a member of this team'),
  source: z.string().max(80).optional().describe('Deals whose source is this, exactly'),
};

export const period = {
  from: isoDate.describe('First day of the period, in the caller’s time zone'),
  to: isoDate.describe('Last day of the period (included), in the caller’s time zone'),
};

// Typed loosely so that one check serves every report's query; both fields are valid dates here.
export const checkPeriod = (q: { from?: unknown; to?: unknown }, ctx: z.RefinementCtx) => {
  const days = (Date.parse(String(q.to)) - Date.parse(String(q.from))) / DAY_MS;
  if (days < 0) ctx.addIssue({ code: 'custom', path: ['to'], message: 'must not be before from' });
  else if (days >= MAX_PERIOD_DAYS) {
    ctx.addIssue({
      code: 'custom',
      path: ['to'],
      message: 'A report period spans at most 10 years',
    });
  }
};

const qualification = id
  .optional()
  .describe('The qualification stage for the close rate; default the second open stage');

/** The CSV variant of a report takes the same query plus the header language. */
export const lang = localeSchema.default('en').describe('Language of the CSV header row');

// Each report's query, and the same with the CSV header language; both check the period.
const periodReport = <S extends z.ZodRawShape>(shape: S) => ({
  json: z.object({ ...filters, ...period, ...shape }).superRefine(checkPeriod),
  csv: z.object({ ...filters, ...period, ...shape, lang }).superRefine(checkPeriod),
});

const keyNumbersQueries = periodReport({ qualificationStageId: qualification });
export const keyNumbersQuery = keyNumbersQueries.json;
export const keyNumbersCsvQuery = keyNumbersQueries.csv;

export const conversionMode = z.enum(['cohort', 'active']);
const conversionQueries = periodReport({
  mode: conversionMode
    .default('cohort')
    .describe('cohort: the deals created in the period; active: the deals in each stage during it'),
});
export const stageConversionQuery = conversionQueries.json;
export const stageConversionCsvQuery = conversionQueries.csv;

const waterfallQueries = periodReport({});
export const waterfallQuery = waterfallQueries.json;
export const waterfallCsvQuery = waterfallQueries.csv;

export const trendUnit = z.enum(['week', 'month', 'quarter']);
const trendsQueries = periodReport({
  unit: trendUnit.default('month'),
  qualificationStageId: qualification,
});
export const trendsQuery = trendsQueries.json;
export const trendsCsvQuery = trendsQueries.csv;

export const boardAtQuery = z.object({
  ...filters,
  at: isoDateTime.describe('The instant to show the board at (events at exactly it included)'),
});
export const boardAtCsvQuery = boardAtQuery.extend({ lang });

export const ratio = z.number().nullable();
const reportPeriod = z.object({
  from: isoDate,
  to: isoDate,
  start: isoDateTime.describe('First instant of the period'),
  end: isoDateTime.describe('First instant after the period'),
});
export const reportHead = { pipelineId: id, timeZone: z.string(), period: reportPeriod };

export const wonValue = z.object({
  currency: z.string(),
  count: z.number().int(),
  total: z.number().int(),
  mean: z.number(),
  median: z.number(),
});
export const openValue = z.object({
  currency: z.string(),
  count: z.number().int(),
  total: z.number().int(),
  weighted: z.number().int(),
});

export const keyNumberValues = z.object({
  created: z.number().int(),
  won: z.number().int(),
  lost: z.number().int(),
  winRate: ratio,
  closeRate: z.object({ qualified: z.number().int(), won: z.number().int(), rate: ratio }),
  wonValue: z.array(wonValue),
  cycleDays: z.object({ median: z.number().nullable(), mean: z.number().nullable() }),
  openAtEnd: z.array(openValue),
  velocity: z
    .array(z.object({ currency: z.string(), perDay: z.number().nullable() }))
    .describe('Minor units of won value per day'),
});

/** Money in the workspace currency: amounts converted at the rate of their date, the rest apart. */
export const moneyInBase = z.object({
  total: z.number().int().describe('Minor units of the workspace currency, rounded once'),
  unconverted: z
    .array(z.object({ currency: z.string(), minor: z.number().int(), firstDate: isoDate }))
    .describe('Amounts without a rate on or before their date, per currency, left out of total'),
  unconvertedCount: z.number().int().describe('How many amounts are left out'),
});

export const keyNumbersReport = z
  .object({ ...reportHead, qualificationStageId: id.nullable() })
  .extend(keyNumberValues.shape)
  .extend({
    baseCurrency: z.string().describe('The workspace currency the inBaseCurrency totals are in'),
    inBaseCurrency: z
      .object({ wonValue: moneyInBase, openAtEnd: moneyInBase, openWeighted: moneyInBase })
      .describe('Won value at the rate of each win’s date; open values at the period’s last day'),
  })
  .meta({ id: 'KeyNumbersReport' });

export const trendsReport = z
  .object({
    ...reportHead,
    unit: trendUnit,
    buckets: z.array(
      z
        .object({ from: isoDate, to: isoDate, start: isoDateTime, end: isoDateTime })
        .extend(keyNumberValues.shape),
    ),
  })
  .meta({ id: 'TrendsReport' });

const stageKind = z.enum(['open', 'won', 'lost']);
export const conversionStage = z.object({
  stageId: id,
  name: z.string(),
  kind: stageKind,
  reached: z.number().int().nullable().describe('Cohort mode only'),
  conversionToNext: ratio.describe('Cohort mode only'),
  active: z
    .object({
      deals: z.number().int(),
      forward: z.number().int(),
      back: z.number().int(),
      won: z.number().int(),
      lost: z.number().int(),
      movedOut: z.number().int(),
      stayed: z.number().int(),
    })
    .nullable()
    .describe('Active mode, open stages only'),
  time: z
    .object({ visits: z.number().int(), median: ratio, p75: ratio })
    .nullable()
    .describe('Days in the stage over stays that ended in the period; open stages only'),
});

export const stageConversionReport = z
  .object({
    ...reportHead,
    mode: conversionMode,
    weakestStageId: id.nullable().describe('Lowest cohort conversion to the next stage'),
    stages: z.array(conversionStage),
  })
  .meta({ id: 'StageConversionReport' });

export const waterfallBarName = z.enum([
  'start',
  'new',
  'increases',
  'reopened',
  'movedIn',
  'currencyIn',
  'decreases',
  'won',
  'lost',
  'movedOut',
  'currencyOut',
  'end',
]);

export const waterfallReport = z
  .object({
    ...reportHead,
    currencies: z.array(
      z.object({
        currency: z.string(),
        bars: z.array(
          z.object({
            bar: waterfallBarName,
            amount: z.number().int().describe('Never negative; the bar’s name gives the sign'),
            dealCount: z.number().int().describe('How many deals are behind the bar'),
            dealIds: z
              .array(id)
              .describe('The first 500 of them in id order; waterfall.csv lists every one'),
          }),
        ),
      }),
    ),
    deals: z
      .array(z.object({ id, title: z.string() }))
      .describe('Every deal a bar lists, for showing them'),
  })
  .meta({ id: 'WaterfallReport' });

export const boardAtReport = z
  .object({
    pipelineId: id,
    at: isoDateTime,
    columns: z.array(
      z.object({
        stageId: id,
        name: z.string(),
        count: z.number().int(),
        totals: z.array(z.object({ currency: z.string(), value: z.number().int() })),
      }),
    ),
  })
  .meta({ id: 'BoardAtReport' });
