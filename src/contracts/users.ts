import { z } from 'zod';
import { isTimeZone } from '../domain/local-day.js';
import {
  id,
  isoDateTime,
  localeSchema,
  pageInfo,
  roleSchema,
  trimmed,
  versionField,
} from './common.js';

export const user = z
  .object({
    id,
    email: z.string(),
    name: z.string(),
    role: roleSchema,
    locale: localeSchema,
    timezone: z.string().nullable(),
    active: z.boolean(),
    digestEnabled: z.boolean().describe('Whether the daily digest e-mail goes out'),
    digestHour: z.number().int().describe('Local hour (0-23) the digest goes out'),
    teamIds: z.array(id),
    version: z.number().int(),
    createdAt: isoDateTime,
  })
  .meta({ id: 'User' });

export const userList = z.object({ data: z.array(user) }).extend(pageInfo.shape);

const timezone = z
  .string()
  .max(64)
  .refine(isTimeZone, 'must be an IANA time zone such as Asia/Ho_Chi_Minh');

export const userUpdateBody = z.object({
  version: versionField,
  name: trimmed(120).optional(),
  role: roleSchema.optional(),
  locale: localeSchema.optional(),
  timezone: timezone.nullable().optional(),
  active: z.boolean().optional(),
  digestEnabled: z.boolean().optional(),
  digestHour: z.number().int().min(0).max(23).optional(),
});

export const workspace = z
  .object({
    id,
    name: z.string(),
    dealVisibility: z.enum(['all', 'team', 'own']),
    defaultCurrency: z.string(),
    timezone: z.string(),
    renewalLeadDays: z
      .number()
      .int()
      .describe('Days before a contract ends that its renewal deal is created'),
    postPurchasePipelineId: id
      .nullable()
      .describe('The after-the-win pipeline: onboarding, renewal and expansion deals go there'),
    version: z.number().int(),
  })
  .meta({ id: 'Workspace' });

export const workspaceUpdateBody = z.object({
  version: versionField,
  name: trimmed(120).optional(),
  dealVisibility: z.enum(['all', 'team', 'own']).optional(),
  defaultCurrency: z
    .string()
    .regex(/^[A-Z]{3}$/)
    .optional(),
  timezone: timezone.optional(),
  renewalLeadDays: z.number().int().min(1).max(365).optional(),
  postPurchasePipelineId: id.nullable().optional(),
});

export const team = z
  .object({
    id,
    name: z.string(),
    managerId: id.nullable(),
    memberIds: z.array(id),
    version: z.number().int(),
  })
  .meta({ id: 'Team' });

export const teamCreateBody = z.object({
  name: trimmed(120),
  managerId: id.nullable().optional(),
  memberIds: z.array(id).max(500).default([]),
});
export const teamUpdateBody = teamCreateBody.partial().extend({ version: versionField });
