import type { Kysely } from 'kysely';
import type { DB } from '../../../db/schema.js';
import { domainOf, normaliseEmail } from '../../../domain/normalise.js';
import { scopeOf, type Scope } from '../access/visibility.js';
import type { Actor } from '../auth/actor.js';
import { findCompanyDuplicates } from '../companies/companies.service.js';
import { findContactDuplicates } from '../contacts/contacts.service.js';

type Match = { id: string; name: string; matchedOn: 'email' | 'domain' | 'name' };

/** Keeps the matches the caller may open: unowned records, or those of people they can see. */
async function visibleOnly(
  db: Kysely<DB>,
  scope: Scope,
  table: 'contacts' | 'companies',
  matches: Match[],
) {
  if (scope.owners === null || !matches.length) return matches;
  const rows = await db
    .selectFrom(table)
    .select('id')
    .where(
      'id',
      'in',
      matches.map((m) => m.id),
    )
    .where((eb) =>
      eb.or([eb('owner_id', 'is', null), eb('owner_id', 'in', scope.owners as string[])]),
    )
    .execute();
  const visible = new Set(rows.map((r) => r.id));
  return matches.filter((m) => visible.has(m.id));
}

/** Existing contacts and companies that a quick-add form is about to duplicate. */
export async function findDuplicates(
  db: Kysely<DB>,
  actor: Actor,
  probe: { email?: string | undefined; website?: string | undefined; name?: string | undefined },
) {
  const scope = await scopeOf(db, actor);
  const email = probe.email ? normaliseEmail(probe.email) : null;
  const domain = probe.website ? domainOf(probe.website) : null;
  const [contacts, companies] = await Promise.all([
    findContactDuplicates(db, actor.workspaceId, email),
    domain || probe.name
      ? findCompanyDuplicates(db, actor.workspaceId, { name: probe.name || undefined, domain })
      : [],
  ]);
  return {
    contacts: await visibleOnly(db, scope, 'contacts', contacts),
    companies: await visibleOnly(db, scope, 'companies', companies),
  };
}
