import type { DateOrder } from '../../../domain/import-values.js';
import { foldText } from '../../../domain/normalise.js';
import {
  hubspotColumns,
  pipedriveColumns,
  salesforceColumns,
  type PresetColumns,
} from './crm-preset-columns.js';
import {
  fieldForHeader,
  headerKey,
  type ImportableEntity,
  type ImportField,
} from './import-fields.js';

export const presetIds = ['pipedrive', 'hubspot', 'salesforce'] as const;
export type PresetId = (typeof presetIds)[number];
type PresetEntity = 'deals' | 'contacts' | 'companies';

/** Where a stage name of the CRM lands: a stage of that name, or the won / lost stage. */
export type StageTarget = { name: string } | { kind: 'won' | 'lost' };

/**
 * How another CRM's export files are read: which column fills which field, the names of its
 * default stages, and how it writes dates without an ISO form.
 */
export type CrmPreset = {
  id: PresetId;
  label: string;
  columns: Record<PresetEntity, PresetColumns>;
  /** Headers only this CRM writes; detection needs one of them. */
  signatures: Record<PresetEntity, readonly string[]>;
  /** Folded stage name in the CRM's default pipeline -> the stage it lands in here. */
  stages: ReadonlyMap<string, StageTarget>;
  /** Slash dates (3/5/2024) are read in this order; ISO dates are always read. */
  dateOrder: DateOrder;
};

const won = { kind: 'won' } as const;
const lost = { kind: 'lost' } as const;
const stageMap = (pairs: [string, StageTarget][]) =>
  new Map(pairs.map(([name, target]) => [foldText(name), target]));

// The CRMs' default stages onto the default Sales pipeline's; any other name is an unknown stage
// the user maps (--stage) or creates (--create-stages), as for any file.
export const presets: Record<PresetId, CrmPreset> = {
  pipedrive: {
    id: 'pipedrive',
    label: 'Pipedrive',
    columns: pipedriveColumns,
    signatures: {
      deals: pipedriveColumns.deals.map(([h]) => h),
      contacts: pipedriveColumns.contacts.map(([h]) => h),
      companies: pipedriveColumns.companies.map(([h]) => h),
    },
    stages: stageMap([
      ['Qualified', { name: 'Qualification' }],
      ['Contact Made', { name: 'Prospecting' }],
      ['Demo Scheduled', { name: 'Demo / Meeting' }],
      ['Proposal Made', { name: 'Proposal' }],
      ['Negotiations Started', { name: 'Negotiation & Commitment' }],
    ]),
    dateOrder: 'ymd',
  },
  hubspot: {
    id: 'hubspot',
    label: 'HubSpot',
    columns: hubspotColumns,
    signatures: {
      deals: ['Deal Name', 'Deal Stage', 'Deal owner'],
      contacts: ['Contact owner', 'Associated Company IDs', 'Associated Company IDs (Primary)'],
      companies: ['Company owner', 'Company Domain Name'],
    },
    stages: stageMap([
      ['Appointment Scheduled', { name: 'Demo / Meeting' }],
      ['Qualified To Buy', { name: 'Qualification' }],
      ['Presentation Scheduled', { name: 'Demo / Meeting' }],
      ['Decision Maker Bought-In', { name: 'Proposal' }],
      ['Contract Sent', { name: 'Negotiation & Commitment' }],
      ['Closed Won', won],
      ['Closed Lost', lost],
    ]),
    dateOrder: 'mdy',
  },
  salesforce: {
    id: 'salesforce',
    label: 'Salesforce',
    columns: salesforceColumns,
    signatures: {
      deals: ['StageName', 'IsWon', 'Opportunity Name', 'Opportunity Owner', 'Opportunity ID'],
      contacts: ['AccountId', 'Contact Owner', 'Contact ID'],
      companies: ['BillingStreet', 'Billing Street', 'Account Owner', 'ParentId'],
    },
    stages: stageMap([
      ['Prospecting', { name: 'Prospecting' }],
      ['Qualification', { name: 'Qualification' }],
      ['Needs Analysis', { name: 'Qualification' }],
      ['Value Proposition', { name: 'Demo / Meeting' }],
      ['Id. Decision Makers', { name: 'Demo / Meeting' }],
      ['Perception Analysis', { name: 'Demo / Meeting' }],
      ['Proposal/Price Quote', { name: 'Proposal' }],
      ['Negotiation/Review', { name: 'Negotiation & Commitment' }],
      ['Closed Won', won],
      ['Closed Lost', lost],
    ]),
    dateOrder: 'mdy',
  },
};

const columnsFor = (preset: CrmPreset, entity: ImportableEntity): PresetColumns =>
  entity === 'activities' ? [] : preset.columns[entity];

export type Detection = { preset: CrmPreset; recognised: number };

/**
 * The CRM whose export the header row looks like, for this entity: one of its own headers
 * (a signature) and at least three it reads. The most recognised columns win.
 */
export function detectPreset(
  entity: ImportableEntity,
  headers: readonly string[],
): Detection | null {
  if (entity === 'activities') return null;
  const present = new Set(headers.map(headerKey));
  let best: Detection | null = null;
  for (const preset of Object.values(presets)) {
    if (!preset.signatures[entity].some((h) => present.has(headerKey(h)))) continue;
    const recognised = new Set(
      columnsFor(preset, entity)
        .map(([h]) => headerKey(h))
        .filter((k) => present.has(k)),
    ).size;
    if (recognised >= 3 && (!best || recognised > best.recognised)) best = { preset, recognised };
  }
  return best;
}

/**
 * The preset's reading of this header row as `--map` pairs, under the user's own: each field goes
 * to the first of its columns the file has; the CRM's other columns for it (work, home, mobile)
 * are ignored as columns but stand in, in order, when that first one is empty on a row, as long
 * as the user left them so (the web wizard sends its whole mapping back).
 */
export function presetOverrides(
  preset: CrmPreset,
  entity: ImportableEntity,
  headers: readonly string[],
  userMap: ReadonlyMap<string, string>,
): { overrides: Map<string, string>; alternates: Map<ImportField, string[]> } {
  const byKey = new Map(headers.map((h) => [headerKey(h), h]));
  const user = new Map([...userMap].map(([h, f]) => [byKey.get(headerKey(h)) ?? h, f]));
  const chosen = new Map<string, string>();
  const primary = new Map<ImportField, string>();
  const spare = new Map<ImportField, string[]>();
  for (const [column, field] of columnsFor(preset, entity)) {
    const header = byKey.get(headerKey(column));
    if (!header || chosen.has(header)) continue;
    const own = field !== '' && !primary.has(field);
    chosen.set(header, own ? field : '');
    if (own) primary.set(field, header);
    else if (field !== '') spare.set(field, [...(spare.get(field) ?? []), header]);
  }
  // The user's columns come first: a field they give elsewhere is not the preset's to give.
  const userFields = new Set(
    [...user].filter(([h]) => !chosen.has(h) || user.get(h) !== chosen.get(h)).map(([, f]) => f),
  );
  for (const [header, field] of chosen)
    if (field && userFields.has(field) && !user.has(header)) chosen.set(header, '');
  const overrides = new Map([...chosen, ...user]);
  const given = new Set([...overrides.values()].filter(Boolean));
  // A column the preset does not name, whose header alone would give a field already given.
  for (const header of headers) {
    const field = fieldForHeader(entity, header);
    if (field && given.has(field) && !overrides.has(header)) overrides.set(header, '');
  }
  const alternates = new Map<ImportField, string[]>();
  for (const [field, headersOf] of spare) {
    const free = headersOf.filter((h) => !overrides.get(h));
    if (overrides.get(primary.get(field) as string) === field && free.length)
      alternates.set(field, free);
  }
  return { overrides, alternates };
}

export function isPresetId(value: string): value is PresetId {
  return (presetIds as readonly string[]).includes(value);
}
