import { z } from 'zod';
import { email } from './auth.js';
import { duplicateMatch } from './companies.js';
import {
  id,
  isoDateTime,
  optionalText,
  pageInfo,
  pageQuery,
  trimmed,
  versionField,
} from './common.js';

export const contact = z
  .object({
    id,
    name: z.string(),
    email: z.string().nullable(),
    phone: z.string().nullable(),
    jobTitle: z.string().nullable(),
    companyId: id.nullable(),
    companyName: z.string().nullable(),
    ownerId: id.nullable(),
    version: z.number().int(),
    createdAt: isoDateTime,
    updatedAt: isoDateTime,
  })
  .meta({ id: 'Contact' });

export const contactWithDuplicates = contact.extend({ duplicates: z.array(duplicateMatch) });

const contactInput = z.object({
  name: trimmed(200),
  email: email.nullable().optional(),
  phone: optionalText(50),
  jobTitle: optionalText(120),
  companyId: id.nullable().optional(),
  ownerId: id.nullable().optional(),
});
export const contactCreateBody = contactInput;
export const contactUpdateBody = contactInput.partial().extend({ version: versionField });

export const contactListQuery = z.object({
  ...pageQuery,
  q: z.string().max(200).optional(),
  ownerId: id.optional(),
  companyId: id.optional(),
  email: z.string().max(254).optional(),
  sort: z.enum(['name', 'createdAt', 'updatedAt']).default('name'),
  order: z.enum(['asc', 'desc']).default('asc'),
});

export const contactList = z.object({ data: z.array(contact) }).extend(pageInfo.shape);
