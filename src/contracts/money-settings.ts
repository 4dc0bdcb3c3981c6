import { z } from 'zod';
import { currencyCode, isoDate, moneyMinor } from './common.js';

const rateText = z
  .string()
  .regex(
    /^\d{1,14}(\.\d{1,10})?$/,
    'must be a positive decimal with at most 10 decimals, such as 25400.5',
  )
  .describe('Base-currency units one unit of `currency` buys on `date`');

export const exchangeRate = z
  .object({ currency: z.string(), date: isoDate, rate: z.string() })
  .meta({ id: 'ExchangeRate' });

export const exchangeRateList = z.object({
  baseCurrency: z.string().describe('The workspace currency every report converts to'),
  data: z.array(exchangeRate),
});

export const exchangeRatesQuery = z.object({ currency: currencyCode.optional() });

export const exchangeRatesBody = z.object({
  rates: z
    .array(z.object({ currency: currencyCode, date: isoDate, rate: rateText }))
    .min(1)
    .max(5000),
});

export const exchangeRateParams = z.object({ currency: currencyCode, date: isoDate });

const month = z.string().regex(/^\d{4}-(0[1-9]|1[0-2])$/, 'must be a month such as 2026-03');

export const spendEntry = z
  .object({
    channel: z.string(),
    month: z.string(),
    amount: z.number().int(),
    currency: z.string(),
  })
  .meta({ id: 'MarketingSpend' });

export const spendList = z.object({ data: z.array(spendEntry) });

export const spendQuery = z.object({ from: month.optional(), to: month.optional() });

export const spendBody = z.object({
  entries: z
    .array(
      z.object({
        channel: z.string().trim().min(1).max(80).describe('A deal source, e.g. "Referral"'),
        month,
        amount: moneyMinor.describe('Minor units; 0 records that the channel cost nothing'),
        currency: currencyCode,
      }),
    )
    .min(1)
    .max(5000),
});

export const spendParams = z.object({ month, channel: z.string().min(1).max(80) });
