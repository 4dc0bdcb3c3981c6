import { z } from 'zod';
import { id, isoDateTime, localeSchema, roleSchema, trimmed } from './common.js';

export const password = z
  .string()
  .min(10, 'must be at least 10 characters')
  .max(200, 'must be at most 200 characters');
export const email = z.string().trim().max(254).pipe(z.email('must be a valid email address'));

export const signupBody = z.object({
  workspaceName: trimmed(120),
  name: trimmed(120),
  email,
  password,
});

export const loginBody = z.object({ email, password: z.string().min(1).max(200) });

export const me = z
  .object({
    id,
    email: z.string(),
    name: z.string(),
    role: roleSchema,
    locale: localeSchema,
    timezone: z.string().nullable(),
    workspace: z.object({
      id,
      name: z.string(),
      dealVisibility: z.enum(['all', 'team', 'own']),
      defaultCurrency: z.string(),
      timezone: z.string(),
    }),
  })
  .meta({ id: 'Me' });

export const tokenCreateBody = z.object({ name: trimmed(100) });
export const apiToken = z
  .object({
    id,
    name: z.string(),
    prefix: z.string(),
    createdAt: isoDateTime,
    lastUsedAt: isoDateTime.nullable(),
    revokedAt: isoDateTime.nullable(),
  })
  .meta({ id: 'ApiToken' });
export const apiTokenCreated = apiToken.extend({
  token: z.string().describe('Shown once; store it now'),
});

export const invitationCreateBody = z.object({
  email,
  role: roleSchema.default('rep'),
  teamId: id.nullable().optional(),
});
export const invitation = z
  .object({
    id,
    email: z.string(),
    role: roleSchema,
    teamId: id.nullable(),
    createdAt: isoDateTime,
    expiresAt: isoDateTime,
    acceptedAt: isoDateTime.nullable(),
  })
  .meta({ id: 'Invitation' });
export const invitationCreated = invitation.extend({ token: z.string(), url: z.string() });
export const invitationPreview = z.object({
  email: z.string(),
  role: roleSchema,
  workspaceName: z.string(),
});
export const invitationAcceptBody = z.object({ name: trimmed(120), password });
export const tokenParams = z.object({ token: z.string().min(10).max(200) });
