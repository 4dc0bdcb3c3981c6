import { checkActivityRow, writeActivities, type ActivityPlan } from './activity-rows.js';
import { checkCompanyRow, writeCompanies, type CompanyPlan } from './company-rows.js';
import { checkContactRow, writeContacts, type ContactPlan } from './contact-rows.js';
import { checkDealRow, type CheckContext, type DealPlan } from './deal-rows.js';
import { writeDeals } from './deal-writer.js';
import type { ImportableEntity } from './import-fields.js';
import type { RowCheck } from './row-check.js';
import type { Keyed, WriteContext, WriteResult } from './write-context.js';

/** What the runner needs of each entity: a row check, and a batch writer for checked rows. */
export type Importer = {
  check: (c: RowCheck, ctx: CheckContext) => object | null;
  write: (ctx: WriteContext, rows: Keyed<object>[]) => Promise<WriteResult>;
};

// The runner holds rows as plain objects; each writer gets back the plans its own check made.
export const importers: Record<ImportableEntity, Importer> = {
  companies: {
    check: checkCompanyRow,
    write: (w, rows) => writeCompanies(w, rows as Keyed<CompanyPlan>[]),
  },
  contacts: {
    check: checkContactRow,
    write: (w, rows) => writeContacts(w, rows as Keyed<ContactPlan>[]),
  },
  deals: { check: checkDealRow, write: (w, rows) => writeDeals(w, rows as Keyed<DealPlan>[]) },
  activities: {
    check: checkActivityRow,
    write: (w, rows) => writeActivities(w, rows as Keyed<ActivityPlan>[]),
  },
};
