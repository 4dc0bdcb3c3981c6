import type { Kysely } from 'kysely';
import type { DB } from '../../../db/schema.js';
import type { Lookups } from './import-lookups.js';
import type { ImportedRecord } from './import-records.repository.js';

/** What a batch writer gets: the open transaction, who imports, and the names known so far. */
export type WriteContext = {
  trx: Kysely<DB>;
  workspaceId: string;
  actorId: string;
  batchId: string;
  lookups: Lookups;
};

/** One checked row ready to write, with its external id. */
export type Keyed<P> = { externalId: string; row: number; plan: P };

/** The records a batch created, and companies to add to the lookups once the batch commits. */
export type WriteResult = { records: ImportedRecord[]; newCompanies: Map<string, string> };
