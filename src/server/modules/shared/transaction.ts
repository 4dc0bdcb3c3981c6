import type { Kysely } from 'kysely';
import type { DB } from '../../../db/schema.js';

/**
 * Runs work in a transaction, or in the caller's when it already is one, so that a service can
 * be one step of a larger all-or-nothing change (a lead becoming company, contact and deal).
 */
export function inTransaction<T>(db: Kysely<DB>, work: (trx: Kysely<DB>) => Promise<T>) {
  return db.isTransaction ? work(db) : db.transaction().execute(work);
}
