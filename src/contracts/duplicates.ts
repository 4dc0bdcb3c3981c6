import { z } from 'zod';
import { duplicateMatch } from './companies.js';

export const duplicateQuery = z.object({
  email: z.string().trim().max(254).optional().describe('Matches contacts by email'),
  website: z.string().trim().max(500).optional().describe('Matches companies by web domain'),
  name: z.string().trim().max(200).optional().describe('Matches companies by name, accents folded'),
});

export const duplicateResult = z.object({
  contacts: z.array(duplicateMatch),
  companies: z.array(duplicateMatch),
});
