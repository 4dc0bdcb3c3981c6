import { z } from 'zod';
import { id, isoDateTime, trimmed, versionField } from './common.js';
import { dealListQuery } from './deals.js';

/** Columns of the deals table, in the web app's list and in the CSV export. */
export const dealColumn = z.enum([
  'title',
  'stage',
  'pipeline',
  'value',
  'currency',
  'owner',
  'company',
  'contacts',
  'expectedCloseDate',
  'source',
  'status',
  'lostReason',
  'probability',
  'createdAt',
  'closedAt',
  'stageEnteredAt',
  'nextStep',
]);
export type DealColumn = z.infer<typeof dealColumn>;

export const defaultDealColumns: DealColumn[] = [
  'title',
  'company',
  'value',
  'currency',
  'stage',
  'owner',
  'expectedCloseDate',
  'status',
  'createdAt',
];

/**
 * The filters of GET /api/v1/deals, without paging and sorting. Bodies are JSON, so the numbers
 * are real numbers here (the query string coerces them); unknown keys are refused.
 */
export const dealViewFilters = dealListQuery
  .omit({ cursor: true, limit: true, sort: true, order: true })
  .extend({
    valueMin: z.number().int().min(0).optional(),
    valueMax: z.number().int().min(0).optional(),
  })
  .strict();

export const viewConfig = z
  .strictObject({
    filters: dealViewFilters.default({}),
    sort: dealListQuery.shape.sort,
    order: dealListQuery.shape.order,
    columns: z
      .array(dealColumn)
      .min(1)
      .max(dealColumn.options.length)
      .refine((cols) => new Set(cols).size === cols.length, 'must not repeat a column')
      .default(defaultDealColumns),
  })
  .meta({ id: 'SavedViewConfig' });
export type ViewConfig = z.infer<typeof viewConfig>;

export const viewEntity = z.enum(['deals']);

export const savedView = z
  .object({
    id,
    entity: viewEntity,
    name: z.string(),
    config: viewConfig,
    shared: z.boolean().describe('Visible to everyone in the workspace'),
    ownerId: id,
    ownerName: z.string(),
    canEdit: z.boolean().describe('Whether the caller may change or delete it'),
    version: z.number().int(),
    createdAt: isoDateTime,
    updatedAt: isoDateTime,
  })
  .meta({ id: 'SavedView' });

export const viewListQuery = z.object({ entity: viewEntity.default('deals') });
export const viewList = z.object({ data: z.array(savedView) });

export const viewCreateBody = z.object({
  entity: viewEntity.default('deals'),
  name: trimmed(100),
  config: viewConfig,
  shared: z.boolean().default(false),
});

export const viewUpdateBody = z.object({
  version: versionField,
  name: trimmed(100).optional(),
  config: viewConfig.optional(),
  shared: z.boolean().optional().describe('Only the owner may change it'),
});
