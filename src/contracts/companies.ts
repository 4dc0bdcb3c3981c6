import { z } from 'zod';
import {
  id,
  isoDateTime,
  optionalText,
  pageInfo,
  pageQuery,
  trimmed,
  versionField,
} from './common.js';

export const company = z
  .object({
    id,
    name: z.string(),
    domain: z.string().nullable(),
    website: z.string().nullable(),
    phone: z.string().nullable(),
    industry: z.string().nullable(),
    address: z.string().nullable(),
    ownerId: id.nullable(),
    version: z.number().int(),
    createdAt: isoDateTime,
    updatedAt: isoDateTime,
  })
  .meta({ id: 'Company' });

export const duplicateMatch = z.object({
  id,
  name: z.string(),
  matchedOn: z.enum(['email', 'domain', 'name']),
});
export const companyWithDuplicates = company.extend({ duplicates: z.array(duplicateMatch) });

export const companyInput = z.object({
  name: trimmed(200),
  website: optionalText(500),
  phone: optionalText(50),
  industry: optionalText(120),
  address: optionalText(500),
  ownerId: id.nullable().optional(),
});
export const companyCreateBody = companyInput;
export const companyUpdateBody = companyInput.partial().extend({ version: versionField });

export const companyListQuery = z.object({
  ...pageQuery,
  q: z.string().max(200).optional(),
  ownerId: id.optional(),
  domain: z.string().max(253).optional(),
  sort: z.enum(['name', 'createdAt', 'updatedAt']).default('name'),
  order: z.enum(['asc', 'desc']).default('asc'),
});

export const companyList = z.object({ data: z.array(company) }).extend(pageInfo.shape);
