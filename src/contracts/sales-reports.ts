// The channel (funnel versus pipeline) and leaderboard reports. Definitions: docs/metrics.md,
// "Channels" and "Leaderboard". Money is in the workspace currency, converted at each date's rate.
import { z } from 'zod';
import { checkPeriod, filters, lang, moneyInBase, period, ratio, reportHead } from './analytics.js';
import { id } from './common.js';

// The channel report is by source, so it takes no source filter.
const channelFilters = {
  pipelineId: filters.pipelineId,
  ownerId: filters.ownerId,
  teamId: filters.teamId,
};
export const channelsQuery = z.object({ ...channelFilters, ...period }).superRefine(checkPeriod);
export const channelsCsvQuery = z
  .object({ ...channelFilters, ...period, lang })
  .superRefine(checkPeriod);

export const leaderSort = z.enum(['wonValue', 'won', 'winRate', 'cycleDays', 'openWeighted']);
const leaderShape = {
  ...filters,
  ...period,
  by: z.enum(['owner', 'team']).default('owner').describe('One row per owner or per team'),
  sort: leaderSort
    .default('wonValue')
    .describe('Highest first (the sales cycle shortest first); no answer last'),
};
export const leaderboardQuery = z.object(leaderShape).superRefine(checkPeriod);
export const leaderboardCsvQuery = z.object({ ...leaderShape, lang }).superRefine(checkPeriod);

export const channelsReport = z
  .object({
    ...reportHead,
    baseCurrency: z.string(),
    channels: z.array(
      z.object({
        channel: z.string().nullable().describe('null: leads and deals without a source'),
        leadsCreated: z.number().int(),
        leadsQualified: z.number().int().describe('Leads converted to a deal in the period'),
        dealsCreated: z.number().int(),
        dealsWon: z.number().int(),
        wonValue: moneyInBase,
        spend: moneyInBase.nullable().describe('null when no spend was entered for the months'),
        costPerLead: ratio.describe('Minor units of the workspace currency'),
        costPerWonDeal: ratio.describe('Minor units of the workspace currency'),
        returnOnSpend: ratio.describe('(won value − spend) ÷ spend'),
      }),
    ),
  })
  .meta({ id: 'ChannelsReport' });

export const leaderboardReport = z
  .object({
    ...reportHead,
    baseCurrency: z.string(),
    by: z.enum(['owner', 'team']),
    sort: leaderSort,
    rows: z.array(
      z.object({
        id,
        name: z.string(),
        won: z.number().int(),
        lost: z.number().int(),
        winRate: ratio,
        wonValue: moneyInBase,
        cycleDays: ratio.describe('Mean days from creation to win'),
        openCount: z.number().int(),
        openWeighted: moneyInBase,
      }),
    ),
  })
  .meta({ id: 'LeaderboardReport' });
