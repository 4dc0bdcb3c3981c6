import type { Kysely } from 'kysely';
import type { DB } from '../../../db/schema.js';
import { foldText, normaliseEmail } from '../../../domain/normalise.js';
import type { RowCheck } from './row-check.js';

/**
 * What deal and contact rows link to besides companies by name: companies and contacts by the id
 * they were imported with (from any earlier file of the workspace, as another CRM's export names
 * an organization or person by its id there), and contacts by email or name. Null marks a key
 * shared by several records.
 */
export type RecordLinks = {
  companiesByExternalId: Map<string, string | null>;
  contactsByExternalId: Map<string, string | null>;
  contactsByEmail: Map<string, string | null>;
  contactsByName: Map<string, string | null>;
};

const unique = <K>(pairs: Iterable<[K, string]>) => {
  const map = new Map<K, string | null>();
  for (const [k, id] of pairs) map.set(k, map.has(k) && map.get(k) !== id ? null : id);
  return map;
};

/** Read once per pass; contacts only for deals (contact rows link to companies alone). */
export async function loadRecordLinks(
  db: Kysely<DB>,
  workspaceId: string,
  withContacts: boolean,
): Promise<RecordLinks> {
  const imported = (entity: 'companies' | 'contacts') =>
    db
      .selectFrom('import_records')
      .select(['external_id', 'record_id'])
      .where('workspace_id', '=', workspaceId)
      .where('entity', '=', entity)
      // Companies a deal or contact row created by name are not ids of the CRM's.
      .where('external_id', 'not like', 'name:%')
      .execute();
  const [companies, contactIds, contacts] = await Promise.all([
    imported('companies'),
    withContacts ? imported('contacts') : [],
    withContacts
      ? db
          .selectFrom('contacts')
          .select(['id', 'email', 'name'])
          .where('workspace_id', '=', workspaceId)
          .execute()
      : [],
  ]);
  return {
    companiesByExternalId: unique(companies.map((r) => [r.external_id, r.record_id])),
    contactsByExternalId: unique(contactIds.map((r) => [r.external_id, r.record_id])),
    contactsByEmail: unique(
      contacts.filter((c) => c.email).map((c) => [c.email as string, c.id] as [string, string]),
    ),
    contactsByName: unique(contacts.map((c) => [foldText(c.name), c.id])),
  };
}

const IMPORT_FIRST = 'import that file first, or ignore the column';

/** The company a row names by imported id; null (a problem recorded) when there is none. */
export function companyById(c: RowCheck, links: RecordLinks | undefined): string | null {
  const id = c.text('companyId');
  if (!id) return null;
  const found = links?.companiesByExternalId.get(id);
  if (found) return found;
  // The name beside it, if any, still finds or makes the company.
  if (found === undefined && c.text('company')) return null;
  return c.fail(
    'companyId',
    found === null
      ? `"${id}" is the id of several imported companies`
      : `no company was imported with the id "${id}"; ${IMPORT_FIRST}`,
  );
}

/** Contacts a deal row names: by imported ids (";"- or ","-separated), by email or by name. */
export function contactsOf(c: RowCheck, links: RecordLinks | undefined): string[] {
  const ids = new Set<string>();
  for (const id of c.text('contactId').split(/[;,]/)) {
    const key = id.trim();
    if (!key) continue;
    const found = links?.contactsByExternalId.get(key);
    if (found) ids.add(found);
    else
      c.fail(
        'contactId',
        found === null
          ? `"${key}" is the id of several imported contacts`
          : `no contact was imported with the id "${key}"; ${IMPORT_FIRST}`,
      );
  }
  const written = c.text('contact');
  if (written && !ids.size) {
    const found = written.includes('@')
      ? links?.contactsByEmail.get(normaliseEmail(written))
      : links?.contactsByName.get(foldText(written));
    if (found) ids.add(found);
    else
      c.fail(
        'contact',
        found === null
          ? `several contacts are called "${written}"; link them by id or email instead`
          : `no contact "${written}" in this workspace; ${IMPORT_FIRST}`,
      );
  }
  return [...ids];
}
