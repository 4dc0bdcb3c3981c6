import { z } from 'zod';
import { email } from './auth.js';
import {
  currencyCode,
  id,
  isoDateTime,
  moneyMinor,
  pageInfo,
  trimmed,
  versionField,
} from './common.js';

export const leadStatus = z.enum(['new', 'contacted', 'qualifying', 'qualified', 'disqualified']);
export const criterionKey = z.enum(['fit', 'budget', 'authority', 'need', 'timing']);
export const criterionState = z.enum(['unknown', 'yes', 'no']);

const optionalText = (max: number) => z.string().trim().max(max).nullable().optional();

const criteriaValues = z
  .partialRecord(
    criterionKey,
    z.object({ state: criterionState, note: z.string().max(500).default('') }),
  )
  .describe('Per criterion: unknown, yes or no, and a note');

export const lead = z
  .object({
    id,
    name: z.string(),
    email: z.string().nullable(),
    phone: z.string().nullable(),
    companyName: z.string().nullable(),
    website: z.string().nullable(),
    jobTitle: z.string().nullable(),
    source: z.string().nullable(),
    ownerId: id.nullable(),
    ownerName: z.string().nullable(),
    status: leadStatus,
    disqualifyReason: z.string().nullable(),
    criteria: z.record(z.string(), z.object({ state: criterionState, note: z.string() })),
    notes: z.string(),
    createdVia: z.enum(['app', 'capture', 'api']),
    convertedAt: isoDateTime.nullable(),
    convertedDealId: id.nullable(),
    convertedContactId: id.nullable(),
    convertedCompanyId: id.nullable(),
    referrerCompanyId: id.nullable().describe('The customer who referred this lead'),
    referrerCompanyName: z.string().nullable(),
    version: z.number().int(),
    createdAt: isoDateTime,
    updatedAt: isoDateTime,
  })
  .meta({ id: 'Lead' });

export const leadList = z.object({ data: z.array(lead) }).extend(pageInfo.shape);

export const leadEvent = z.object({
  id: z.number().int(),
  type: z.enum(['created', 'status', 'converted', 'merged']),
  fromStatus: leadStatus.nullable(),
  toStatus: leadStatus.nullable(),
  reason: z.string().nullable().describe('Why it was disqualified'),
  via: z.string().nullable().describe('capture when the web form wrote it'),
  submitted: z.string().nullable().describe('What a web-form submission said, when it merged'),
  dealId: id.nullable().describe('The deal a conversion made'),
  actorName: z.string().nullable().describe('Null for the web form'),
  occurredAt: isoDateTime,
});
export const leadEvents = z.object({ data: z.array(leadEvent) });

export const leadListQuery = z.object({
  status: leadStatus.optional(),
  ownerId: z
    .union([id, z.literal('none')])
    .optional()
    .describe('"none": the unassigned inbox'),
  source: z.string().max(80).optional(),
  q: z.string().trim().max(200).optional().describe('Name, email, company'),
  limit: z.coerce.number().int().min(1).max(200).default(50),
  cursor: z.string().max(500).optional(),
});

const leadFields = {
  email: email.nullable().optional(),
  phone: optionalText(40),
  companyName: optionalText(200),
  website: optionalText(300),
  jobTitle: optionalText(120),
  source: optionalText(80),
  ownerId: id.nullable().optional(),
  criteria: criteriaValues.optional(),
  notes: z.string().max(20_000).optional(),
  referrerCompanyId: id
    .nullable()
    .optional()
    .describe('A customer who referred them; the source becomes "Referral" unless given'),
};

export const leadCreateBody = z.object({ name: trimmed(200), ...leadFields });

export const leadUpdateBody = z.object({
  version: versionField,
  name: trimmed(200).optional(),
  ...leadFields,
  status: leadStatus.exclude(['qualified']).optional().describe('Qualified comes with conversion'),
  disqualifyReason: optionalText(300),
});

export const leadConvertBody = z.object({
  version: versionField,
  pipelineId: id.optional(),
  stageId: id.optional().describe('Default: the pipeline’s first stage'),
  dealTitle: trimmed(200).optional().describe('Default: "<company or name> deal"'),
  value: moneyMinor.default(0),
  currency: currencyCode.optional(),
  companyId: id.nullable().optional().describe('Use this company; default: found or created'),
  contactId: id.optional().describe('Use this contact; default: found by email or created'),
  skipCriteria: z
    .boolean()
    .default(false)
    .describe('Admins and managers: convert although required criteria are not yet "yes"'),
});

export const leadConversion = z.object({
  lead,
  dealId: id,
  contactId: id,
  companyId: id.nullable(),
  companyCreated: z.boolean(),
  contactCreated: z.boolean(),
});

export const criterion = z.object({ key: criterionKey, label: z.string(), required: z.boolean() });
export const criteriaList = z.object({ data: z.array(criterion) });
export const criteriaBody = z.object({
  criteria: z
    .array(z.object({ key: criterionKey, label: trimmed(80), required: z.boolean() }))
    .length(5)
    .describe('All five, in the order to show them'),
});

export const captureSettings = z.object({
  formUrl: z.string(),
  endpoint: z.string(),
  secret: z.string().nullable().describe('Shown once, when created or rotated'),
});

export const captureBody = z.object({
  name: trimmed(200),
  email: email.optional(),
  phone: z.string().trim().max(40).optional(),
  company: z.string().trim().max(200).optional(),
  website: z.string().trim().max(300).optional(),
  jobTitle: z.string().trim().max(120).optional(),
  message: z.string().max(5000).optional(),
  source: z.string().trim().max(80).optional(),
  /** Honeypot: people leave it empty, form-filling bots do not. */
  url: z.string().max(500).optional(),
});

export const captureResult = z.object({
  ok: z.literal(true),
  outcome: z.enum(['created', 'merged-lead', 'merged-contact', 'ignored']),
});

export const referralQuery = z.object({
  from: z.iso.date().describe('First local day, included'),
  to: z.iso.date().describe('Last local day, included'),
});

export const referralCredit = z.object({
  data: z.array(
    z.object({
      companyId: id,
      name: z.string(),
      leadsReferred: z.number().int(),
      leadsConverted: z.number().int(),
      dealsWon: z.number().int(),
      wonValue: z.record(z.string(), z.number().int()).describe('Per currency, minor units'),
    }),
  ),
});
