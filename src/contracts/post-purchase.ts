import { z } from 'zod';
import { currencyCode, id, isoDate, moneyMinor } from './common.js';

export const contract = z
  .object({
    dealId: id,
    startsOn: isoDate,
    endsOn: isoDate,
    recurringValue: z.number().int().nullable().describe('Minor units per recurringPeriod'),
    recurringPeriod: z.enum(['month', 'year']).nullable(),
    currency: z.string(),
    version: z.number().int(),
  })
  .meta({ id: 'Contract' });

export const contractBody = z.object({
  startsOn: isoDate,
  endsOn: isoDate,
  recurringValue: moneyMinor.nullable().optional(),
  recurringPeriod: z.enum(['month', 'year']).nullable().optional(),
  currency: currencyCode.optional().describe('Default: the deal’s'),
});

export const onboardingResult = z.object({
  dealId: id,
  created: z.boolean().describe('False when onboarding had already started'),
});

export const dealLinks = z.object({
  parent: z.object({ dealId: id, kind: z.string() }).nullable(),
  children: z.array(
    z.object({ dealId: id, kind: z.string(), title: z.string(), termEndsOn: isoDate.nullable() }),
  ),
});

export const expansionBody = z.object({
  title: z.string().trim().min(1).max(200),
  value: moneyMinor.default(0),
  currency: currencyCode.optional(),
});

export const expansionQuery = z.object({
  days: z.coerce.number().int().min(0).max(3650).default(90).describe('Live at least this long'),
});

export const expansionSuggestions = z.object({
  data: z.array(
    z.object({
      companyId: id,
      name: z.string(),
      customerSince: z.string(),
      wonDeals: z.number().int(),
      latestDealId: id,
    }),
  ),
});

export const retentionQuery = z.object({
  from: isoDate.describe('First local day, included'),
  to: isoDate.describe('Last local day, included'),
});

export const retentionReport = z.object({
  renewals: z.object({
    won: z.number().int(),
    lost: z.number().int(),
    rate: z.number().nullable().describe('won / (won + lost); null when none closed'),
  }),
  netRevenueRetention: z.object({
    baseCurrency: z.string(),
    customers: z.number().int().describe('Companies with recurring revenue on the first day'),
    starting: z.number().int().describe('Their annual recurring value on the first day'),
    ending: z.number().int().describe('Theirs on the last day'),
    rate: z.number().nullable().describe('ending / starting; null without a start'),
    unconverted: z.array(
      z.object({ currency: z.string(), minor: z.number().int(), firstDate: isoDate }),
    ),
  }),
});
