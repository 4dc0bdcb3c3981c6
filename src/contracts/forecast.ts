import { z } from 'zod';
import { filters } from './analytics.js';
import { currencyCode, id, isoDate, moneyMinor, versionField } from './common.js';

export const quotaUnit = z.enum(['month', 'quarter', 'year']);
export const quotaKind = z.enum(['amount', 'count']);
const count = z.number().int('must be a whole number').min(0).max(1_000_000_000);

export const quotaBody = z.object({
  userId: id.optional(),
  teamId: id.optional(),
  periodUnit: quotaUnit,
  /** The first day of the month, quarter or year. */
  periodStart: isoDate,
  kind: quotaKind,
  /** Minor units of the workspace currency for an amount, else a number of won deals. */
  target: moneyMinor,
});
export const quotaPatch = z.object({ version: versionField, target: moneyMinor });
export const quotasQuery = z.object({
  userId: id.optional(),
  teamId: id.optional(),
  periodUnit: quotaUnit.optional(),
  periodStart: isoDate.optional(),
});
export const quota = z.object({
  id,
  userId: id.nullable(),
  teamId: id.nullable(),
  periodUnit: quotaUnit,
  periodStart: isoDate,
  kind: quotaKind,
  target: z.number(),
  currency: currencyCode.nullable(),
  version: z.number(),
});
export const quotaList = z.object({ data: z.array(quota) });

export const quotaStatusQuery = z.object({
  userId: id.optional(),
  teamId: id.optional(),
  periodUnit: quotaUnit,
  /** Any day of the period; today in the workspace's zone when left out. */
  date: isoDate.optional(),
});
const period = z.object({ from: isoDate, to: isoDate, start: z.string(), end: z.string() });
export const quotaStatusReport = z.object({
  userId: id.nullable(),
  teamId: id.nullable(),
  period,
  kind: quotaKind,
  currency: currencyCode.nullable(),
  /** 'direct' when set for the user or team; 'members' when summed from the team's members. */
  source: z.enum(['direct', 'members']),
  target: z.number(),
  achieved: z.number(),
  attainment: z.number().nullable(),
  elapsed: z.number(),
  expectedByNow: z.number(),
  pace: z.number(),
  gap: z.number(),
  openWeighted: z.number(),
  coverage: z.number().nullable(),
  unconvertedCurrencies: z.array(z.string()),
});

export const openCategory = z.enum(['pipeline', 'best_case', 'commit', 'omitted']);
export const forecastCategory = z.enum(['pipeline', 'best_case', 'commit', 'closed', 'omitted']);
export const categoryBody = z.object({ category: openCategory.nullable() });
export const categoryReply = z.object({
  id,
  forecastCategory: openCategory.nullable(),
  effectiveCategory: forecastCategory,
});

export const forecastQuery = z.object({
  // The reports' filters: the forecast of the deals they select, learned from those deals' history.
  ...filters,
  periodUnit: quotaUnit,
  date: isoDate.optional(),
  seed: z.coerce.number().int('must be a whole number').min(0).max(4_294_967_295).default(1),
  runs: z.coerce.number().int('must be a whole number').min(100).max(20_000).default(2000),
});
const countAmount = z.object({ count: z.number(), amount: z.number() });
const spread = z.object({ mean: z.number(), p10: z.number(), p50: z.number(), p90: z.number() });
export const forecastReport = z.object({
  pipelineId: id,
  period,
  currency: currencyCode,
  asOf: z.string(),
  won: countAmount,
  stageWeighted: countAmount,
  category: z.object({ commit: countAmount, bestCase: countAmount }),
  learned: z.object({
    expected: countAmount,
    newWinsMean: z.number(),
    runs: z.number(),
    seed: z.number(),
    count: spread,
    amount: spread,
  }),
  deals: z.array(
    z.object({
      dealId: id,
      stageId: id,
      ownerId: id,
      category: forecastCategory,
      value: z.number(),
      expectedCloseDate: isoDate.nullable(),
      stageProbability: z.number(),
      learnedProbability: z.number(),
    }),
  ),
  unconvertedDealIds: z.array(id),
});

export const submissionBody = z.object({
  periodUnit: quotaUnit,
  periodStart: isoDate,
  /** A manager's adjusted roll-up for a team they lead; without it, the caller's own forecast. */
  teamId: id.optional(),
  amount: moneyMinor,
  count,
  note: z.string().trim().max(2000).optional(),
});
export const submissionsQuery = z.object({ periodUnit: quotaUnit, periodStart: isoDate });
export const submission = z.object({
  id,
  userId: id.nullable(),
  teamId: id.nullable(),
  submittedBy: id,
  periodUnit: quotaUnit,
  periodStart: isoDate,
  amount: z.number(),
  currency: currencyCode,
  count: z.number(),
  note: z.string().nullable(),
  submittedAt: z.string(),
});
export const submissionList = z.object({
  data: z.array(submission),
  rollup: z.object({
    /** The latest submission of each visible rep, added up. */
    reps: countAmount.extend({ people: z.number() }),
    teams: z.array(
      z.object({
        teamId: id,
        members: countAmount,
        /** The manager's latest adjusted number for the team, if any. */
        adjusted: countAmount.nullable(),
      }),
    ),
  }),
});

export const backtestsQuery = z.object({ pipelineId: id });
const calibrationBin = z.object({
  from: z.number(),
  to: z.number(),
  count: z.number(),
  meanPredicted: z.number().nullable(),
  observed: z.number().nullable(),
});
export const backtestList = z.object({
  data: z.array(
    z.object({
      id,
      periodUnit: z.enum(['month', 'quarter']),
      from: isoDate,
      to: isoDate,
      runs: z.number(),
      seed: z.number(),
      currency: currencyCode,
      ranAt: z.string(),
      summary: z.array(
        z.object({
          method: z.string(),
          countMae: z.number(),
          amountMae: z.number(),
          // Runs stored before percentage errors were kept have none.
          countMape: z.number().nullable().optional(),
          amountMape: z.number().nullable().optional(),
          coverage: z.object({ count: z.number(), amount: z.number() }).optional(),
        }),
      ),
      /** The learned chance of a win in the period against what happened, per tenth. */
      calibration: z.array(calibrationBin),
    }),
  ),
});

export const snapshotBody = z.object({
  /** One pipeline; every pipeline of the workspace when left out. */
  pipelineId: id.optional(),
});
export const snapshotTaken = z.object({
  /** How many new snapshots were taken (0 when this week's exist already). */
  taken: z.number(),
  weekStart: isoDate,
});
export const snapshotsQuery = z.object({
  pipelineId: id,
  periodUnit: z.enum(['month', 'quarter']).optional(),
});
export const snapshotList = z.object({
  data: z.array(
    z.object({
      id,
      pipelineId: id,
      periodUnit: quotaUnit,
      periodStart: isoDate,
      takenOn: isoDate,
      weekStart: isoDate,
      takenAt: z.string(),
      /** Who asked for it; null for the weekly job. */
      takenBy: id.nullable(),
      currency: currencyCode,
      won: countAmount,
      stageWeighted: countAmount,
      category: z.object({ commit: countAmount, bestCase: countAmount }),
      learned: z.object({ expected: countAmount, count: spread, amount: spread }),
    }),
  ),
});

export const accuracyMethod = z.enum([
  'stage_weighted',
  'commit',
  'best_case',
  'learned',
  'submission',
]);
export const accuracyQuery = z.object({
  periodUnit: quotaUnit,
  /** The methods of one pipeline; without it, only people's and teams' submissions. */
  pipelineId: id.optional(),
});
const errorMeasure = z.object({ absError: z.number(), ape: z.number().nullable() });
const accuracyRow = z.object({
  pipelineId: id.nullable(),
  userId: id.nullable(),
  teamId: id.nullable(),
  periodUnit: quotaUnit,
  periodStart: isoDate,
  method: accuracyMethod,
  /** The local day of the forecast of record (the period's first snapshot or submission). */
  forecastOn: isoDate,
  currency: currencyCode,
  forecast: countAmount,
  actual: countAmount,
  error: z.object({ count: errorMeasure, amount: errorMeasure }),
});
export const accuracyReport = z.object({
  /** Each method's error per closed period, oldest first (admins and managers). */
  methods: z.array(accuracyRow),
  /** Each visible person's and team's first submission against what they won. */
  people: z.array(accuracyRow),
});
