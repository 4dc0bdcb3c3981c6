import { z } from 'zod';

export const importEntity = z.enum(['companies', 'contacts', 'deals', 'activities']);

/** Another CRM's export layout: by name, detected from the header row (auto), or none. */
export const importPresetId = z.enum(['pipedrive', 'hubspot', 'salesforce']);
export const importPresetChoice = z.enum(['auto', 'none', ...importPresetId.options]);

/** A file as the browser sends it: its text (up to 20 MB), and the column choices the user made. */
export const importFileBody = z.object({
  fileName: z.string().trim().min(1).max(200),
  csv: z
    .string()
    .min(1)
    .max(20 * 1024 * 1024),
  /** Column header -> field; an empty field ignores the column. */
  map: z.record(z.string().max(200), z.string().max(40)).default({}),
  /** How the columns are read before `map`: a CRM's export layout, detected by default. */
  preset: importPresetChoice.default('auto'),
});

export const importRunBody = importFileBody.extend({
  dryRun: z.boolean().default(false),
});

export const importPreview = z.object({
  headers: z.array(z.string()),
  fields: z.array(z.string()),
  /** The field each column feeds, by header; null when ignored. */
  mapping: z.record(z.string(), z.string().nullable()),
  /** The first rows as written, for the user to check the mapping against. */
  sample: z.array(z.array(z.string())),
  /** The CRM export layout the mapping follows (chosen or detected), if any. */
  preset: importPresetId.nullable(),
});

export const importReport = z.object({
  rows: z.number().int(),
  created: z.number().int(),
  alreadyImported: z.number().int(),
  problemCount: z.number().int(),
  problems: z.array(
    z.object({
      row: z.number().int(),
      line: z.number().int(),
      column: z.string().nullable(),
      message: z.string(),
    }),
  ),
  batchIds: z.array(z.string()),
  source: z.string(),
});

export const importUndoBody = z.object({ source: z.string().trim().min(1).max(200) });
