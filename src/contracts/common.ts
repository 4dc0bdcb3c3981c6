import { z } from 'zod';

export const id = z.uuid();
export const idParams = z.object({ id });

export const errorBody = z
  .object({
    error: z.object({
      code: z.string(),
      message: z.string(),
      field: z.string().optional(),
      details: z.record(z.string(), z.unknown()).optional(),
      requestId: z.string().optional(),
    }),
  })
  .meta({ id: 'Error' });

export const errorResponses = {
  400: errorBody,
  401: errorBody,
  403: errorBody,
  404: errorBody,
  409: errorBody,
  412: errorBody,
  422: errorBody,
  429: errorBody,
};

/** ISO 4217 code, upper case. */
export const currencyCode = z
  .string()
  .regex(/^[A-Z]{3}$/, 'must be a three-letter ISO 4217 code such as USD or VND');

/** Calendar date without time, 'YYYY-MM-DD'. */
export const isoDate = z.iso.date();
export const isoDateTime = z.iso.datetime({ offset: true });

export const moneyMinor = z
  .number()
  .int('must be a whole number of minor units')
  .min(0)
  .max(Number.MAX_SAFE_INTEGER);

export const pageQuery = {
  limit: z.coerce.number().int().min(1).max(200).default(50),
  cursor: z.string().max(500).optional(),
};

export const pageInfo = z.object({ nextCursor: z.string().nullable() });

export const versionField = z.number().int().min(1);

export const trimmed = (max: number) => z.string().trim().min(1).max(max);
export const optionalText = (max: number) => z.string().trim().max(max).nullable().optional();

export const roleSchema = z.enum(['admin', 'manager', 'rep']);
export const localeSchema = z.enum(['en', 'vi']);
