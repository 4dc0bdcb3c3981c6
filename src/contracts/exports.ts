import { z } from 'zod';
import { localeSchema } from './common.js';
import { dealListQuery } from './deals.js';
import { dealColumn, defaultDealColumns, type DealColumn } from './views.js';

const columnList = z
  .string()
  .max(1000)
  .transform((raw, ctx): DealColumn[] => {
    const names = raw
      .split(',')
      .map((s) => s.trim())
      .filter(Boolean);
    const unknown = names.filter((n) => !dealColumn.safeParse(n).success);
    if (!names.length || unknown.length) {
      ctx.addIssue({
        code: 'custom',
        message: `unknown column ${unknown.join(', ') || '(none given)'}; use ${dealColumn.options.join(', ')}`,
      });
      return z.NEVER;
    }
    return [...new Set(names)] as DealColumn[];
  });

export const dealExportQuery = dealListQuery.omit({ cursor: true, limit: true }).extend({
  columns: columnList
    .optional()
    .describe(`Comma-separated; default ${defaultDealColumns.join(',')}`),
  lang: localeSchema.default('en').describe('Language of the header row'),
});
