import type { Kysely } from 'kysely';
import type { DB } from '../../../db/schema.js';
import { invalid } from '../../../domain/errors.js';
import type { Scope } from '../access/visibility.js';

type Links = {
  dealId?: string | null | undefined;
  contactId?: string | null | undefined;
  companyId?: string | null | undefined;
};

// A record the caller cannot see is answered like one that does not exist, so that ids do not
// leak what is out of reach.
const visibleTo = (scope: Scope, ownerId: string | null, ownerless: boolean) =>
  scope.owners === null || (ownerId === null ? ownerless : scope.owners.includes(ownerId));

/** Each linked record exists in the workspace and is visible, or a 400 names its field. */
export async function assertLinks(db: Kysely<DB>, scope: Scope, links: Links): Promise<void> {
  if (links.dealId) {
    const deal = await db
      .selectFrom('deals')
      .select('owner_id')
      .where('id', '=', links.dealId)
      .where('workspace_id', '=', scope.workspaceId)
      .executeTakeFirst();
    if (!deal || !visibleTo(scope, deal.owner_id, false)) {
      throw invalid('dealId', 'No such deal in this workspace');
    }
  }
  if (links.contactId) {
    const contact = await db
      .selectFrom('contacts')
      .select('owner_id')
      .where('id', '=', links.contactId)
      .where('workspace_id', '=', scope.workspaceId)
      .executeTakeFirst();
    if (!contact || !visibleTo(scope, contact.owner_id, true)) {
      throw invalid('contactId', 'No such contact in this workspace');
    }
  }
  if (links.companyId) {
    const company = await db
      .selectFrom('companies')
      .select('owner_id')
      .where('id', '=', links.companyId)
      .where('workspace_id', '=', scope.workspaceId)
      .executeTakeFirst();
    if (!company || !visibleTo(scope, company.owner_id, true)) {
      throw invalid('companyId', 'No such company in this workspace');
    }
  }
}
