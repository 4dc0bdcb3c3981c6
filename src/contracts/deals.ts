import { z } from 'zod';
import {
  currencyCode,
  id,
  isoDate,
  isoDateTime,
  moneyMinor,
  optionalText,
  pageInfo,
  pageQuery,
  trimmed,
  versionField,
} from './common.js';

export const dealStatus = z.enum(['open', 'won', 'lost']);

export const deal = z
  .object({
    id,
    title: z.string(),
    pipelineId: id,
    stageId: id,
    position: z.number(),
    value: z.number().int().describe('Minor units of currency (VND has none, USD cents)'),
    currency: z.string(),
    expectedCloseDate: isoDate.nullable(),
    ownerId: id,
    ownerName: z.string(),
    companyId: id.nullable(),
    companyName: z.string().nullable(),
    contactIds: z.array(id),
    source: z.string().nullable(),
    status: dealStatus,
    lostReason: z.string().nullable(),
    closedAt: isoDateTime.nullable(),
    probability: z.number().int().nullable().describe('Override; null uses the stage’s'),
    effectiveProbability: z.number().int(),
    stageEnteredAt: isoDateTime,
    nextActivity: z
      .object({
        id,
        type: z.enum(['call', 'meeting', 'task', 'email', 'note']),
        subject: z.string(),
        dueAt: isoDateTime,
        allDay: z.boolean(),
      })
      .nullable()
      .describe('The earliest open activity with a due time: the deal’s next step'),
    noNextStep: z.boolean().describe('Open, and nothing scheduled: needs a follow-up'),
    version: z.number().int(),
    createdAt: isoDateTime,
    updatedAt: isoDateTime,
  })
  .meta({ id: 'Deal' });

export const dealCreateBody = z.object({
  title: trimmed(200),
  pipelineId: id.optional().describe('Default: the stage’s pipeline, or the first pipeline'),
  stageId: id.optional().describe('Default: the first stage of the pipeline'),
  value: moneyMinor.default(0),
  currency: currencyCode.optional().describe('Default: the workspace currency'),
  expectedCloseDate: isoDate.nullable().optional(),
  ownerId: id.optional().describe('Default: the caller'),
  companyId: id.nullable().optional(),
  contactIds: z.array(id).max(50).default([]),
  source: optionalText(80),
  probability: z.number().int().min(0).max(100).nullable().optional(),
  createdAt: isoDateTime
    .optional()
    .describe('Historical creation time, for imports (admins only); default now'),
});

export const dealUpdateBody = z.object({
  version: versionField,
  title: trimmed(200).optional(),
  value: moneyMinor.optional(),
  currency: currencyCode.optional(),
  expectedCloseDate: isoDate.nullable().optional(),
  ownerId: id.optional(),
  companyId: id.nullable().optional(),
  contactIds: z.array(id).max(50).optional(),
  source: optionalText(80),
  probability: z.number().int().min(0).max(100).nullable().optional(),
  status: dealStatus.optional(),
  lostReason: optionalText(500),
});

export const dealMoveBody = z.object({
  stageId: id,
  position: z
    .number()
    .int()
    .min(0)
    // A board never knows an index deeper than the pages it loaded; past the end means last.
    .max(10_000)
    .optional()
    .describe('0-based index in the target stage’s column; default 0 (top); past the end: last'),
  afterId: id
    .nullable()
    .optional()
    .describe(
      'Place right after this deal of the target column (null: at the top). Wins over position; ' +
        'what a filtered board knows, since its indexes skip deals it does not show',
    ),
  version: versionField.optional().describe('When given, a stale version is refused with 409'),
});

export const dealListQuery = z.object({
  ...pageQuery,
  q: z.string().max(200).optional(),
  pipelineId: id.optional(),
  stageId: id.optional(),
  ownerId: id.optional(),
  teamId: id.optional(),
  companyId: id.optional(),
  contactId: id.optional(),
  status: dealStatus.optional(),
  source: z.string().max(80).optional(),
  currency: currencyCode.optional(),
  valueMin: z.coerce.number().int().min(0).optional(),
  valueMax: z.coerce.number().int().min(0).optional(),
  closeFrom: isoDate.optional(),
  closeTo: isoDate.optional(),
  sort: z
    .enum(['createdAt', 'updatedAt', 'value', 'expectedCloseDate', 'title'])
    .default('createdAt'),
  order: z.enum(['asc', 'desc']).default('desc'),
});

export const dealList = z.object({ data: z.array(deal) }).extend(pageInfo.shape);

export const dealEvent = z
  .object({
    id: z.number().int(),
    type: z.enum(['created', 'stage', 'value', 'currency', 'close_date', 'owner', 'status']),
    occurredAt: isoDateTime,
    actorId: id.nullable(),
    actorName: z.string().nullable(),
    fromPipelineId: id.nullable(),
    toPipelineId: id.nullable(),
    fromStageId: id.nullable(),
    toStageId: id.nullable(),
    fromValue: z.number().int().nullable(),
    toValue: z.number().int().nullable(),
    fromText: z.string().nullable(),
    toText: z.string().nullable(),
    data: z.record(z.string(), z.unknown()).nullable(),
  })
  .meta({ id: 'DealEvent' });

export const dealHistory = z.object({ data: z.array(dealEvent) });

export const moneyTotal = z.object({
  currency: z.string(),
  value: z.number().int(),
  weighted: z.number().int(),
});

export const boardQuery = z.object({
  limit: z.coerce.number().int().min(1).max(200).default(50),
  ownerId: id.optional(),
  teamId: id.optional(),
  source: z.string().max(80).optional(),
  q: z.string().max(200).optional(),
  valueMin: z.coerce.number().int().min(0).optional(),
  valueMax: z.coerce.number().int().min(0).optional(),
  closeFrom: isoDate.optional(),
  closeTo: isoDate.optional(),
  status: dealStatus.optional().describe('Default: every status'),
});

export const boardColumn = z.object({
  stage: z.object({
    id,
    name: z.string(),
    kind: z.enum(['open', 'won', 'lost']),
    probability: z.number().int(),
    rottingDays: z.number().int().nullable(),
  }),
  count: z.number().int(),
  totals: z.array(moneyTotal).describe('Per currency: amounts are never summed across currencies'),
  deals: z.array(deal),
  nextCursor: z.string().nullable(),
});

export const board = z
  .object({ pipelineId: id, columns: z.array(boardColumn) })
  .meta({ id: 'Board' });

export const stageDealsQuery = boardQuery.extend({ cursor: z.string().max(500).optional() });
export const stageDealsParams = z.object({ id, stageId: id });
export const stageDeals = z.object({ data: z.array(deal), nextCursor: z.string().nullable() });

export const searchQuery = z.object({
  q: z.string().trim().min(1).max(200),
  limit: z.coerce.number().int().min(1).max(50).default(10),
});
export const searchResult = z.object({
  type: z.enum(['deal', 'contact', 'company']),
  id,
  title: z.string(),
  subtitle: z.string().nullable(),
});
export const searchResults = z.object({ data: z.array(searchResult) });
