import type { Kysely } from 'kysely';
import type { DB, LeadCriteriaValues } from '../../../db/schema.js';
import { conflict, DomainError, notFound } from '../../../domain/errors.js';
import { missingCriteria } from '../../../domain/lead-criteria.js';
import { scopeOf } from '../access/visibility.js';
import type { Actor } from '../auth/actor.js';
import { createCompany, findCompanyDuplicates } from '../companies/companies.service.js';
import { createContact } from '../contacts/contacts.service.js';
import { createDeal } from '../deals/deal-create.js';
import { assertCompany, assertContacts } from '../deals/deal-checks.js';
import { checkVersionedUpdate } from '../shared/versioned-update.js';
import { criteriaOf } from './lead-criteria.service.js';
import { getLead } from './leads.service.js';
import { insertLeadEvent } from './leads.repository.js';

export type ConvertInput = {
  version: number;
  pipelineId?: string | undefined;
  stageId?: string | undefined;
  dealTitle?: string | undefined;
  value: number;
  currency?: string | undefined;
  companyId?: string | null | undefined;
  contactId?: string | undefined;
  skipCriteria: boolean;
};

/**
 * Qualifies a lead into a contact, a company (found by web domain or name, else created) and a
 * deal in the pipeline's first stage, in one transaction: if any step fails (a stage requirement,
 * a stale version) nothing is created and the lead stays as it was.
 */
export async function convertLead(db: Kysely<DB>, actor: Actor, id: string, input: ConvertInput) {
  const scope = await scopeOf(db, actor);
  const lead = await getLead(db, scope, id);
  if (lead.convertedAt) throw conflict('This lead was already converted', 'id');
  const criteria = await criteriaOf(db, actor.workspaceId);
  const missing = missingCriteria(criteria, lead.criteria as LeadCriteriaValues);
  const mayOverride = actor.role !== 'rep' && input.skipCriteria;
  if (missing.length > 0 && !mayOverride) {
    throw new DomainError(
      'unprocessable',
      'Required qualification criteria are not yet met',
      `criteria.${missing[0]}`,
      { missing, labels: missing.map((k) => criteria.find((c) => c.key === k)?.label ?? k) },
    );
  }
  if (input.companyId) await assertCompany(db, scope, input.companyId);
  if (input.contactId) await assertContacts(db, scope, [input.contactId]);

  const result = await db.transaction().execute(async (trx) => {
    // Lock the lead: two people converting it at once make one deal.
    const locked = await trx
      .selectFrom('leads')
      .select(['version', 'converted_at', 'domain', 'company_name', 'website', 'email', 'phone'])
      .where('id', '=', id)
      .forUpdate()
      .executeTakeFirst();
    if (!locked) throw notFound('Lead');
    if (locked.converted_at) throw conflict('This lead was already converted', 'id');
    await checkVersionedUpdate(
      locked.version === input.version ? { id } : undefined,
      'Lead',
      async () => locked.version,
    );

    let companyId = input.companyId ?? null;
    let companyCreated = false;
    if (input.companyId === undefined && (locked.company_name || locked.domain)) {
      const [match] = (
        await findCompanyDuplicates(trx, actor.workspaceId, {
          name: locked.company_name ?? undefined,
          domain: locked.domain,
        })
      ).sort((a, b) => (a.matchedOn === 'domain' ? -1 : b.matchedOn === 'domain' ? 1 : 0));
      if (match) companyId = match.id;
      else {
        const created = await createCompany(trx, actor, {
          name: locked.company_name ?? (locked.domain as string),
          website: locked.website,
          ownerId: lead.ownerId ?? actor.id,
        });
        companyId = created.id;
        companyCreated = true;
      }
    }

    let contactId = input.contactId ?? null;
    let contactCreated = false;
    if (!contactId && locked.email) {
      const existing = await trx
        .selectFrom('contacts')
        .select('id')
        .where('workspace_id', '=', actor.workspaceId)
        .where('email', '=', locked.email)
        .executeTakeFirst();
      contactId = existing?.id ?? null;
    }
    if (!contactId) {
      const created = await createContact(trx, actor, {
        name: lead.name,
        email: locked.email,
        phone: locked.phone,
        jobTitle: lead.jobTitle,
        companyId,
        ownerId: lead.ownerId ?? actor.id,
      });
      contactId = created.id;
      contactCreated = true;
    }

    const deal = await createDeal(trx, actor, {
      title: input.dealTitle ?? `${lead.companyName ?? lead.name}`,
      pipelineId: input.pipelineId,
      stageId: input.stageId,
      value: input.value,
      currency: input.currency,
      ownerId: lead.ownerId ?? actor.id,
      companyId,
      contactIds: [contactId],
      source: lead.source,
      leadId: id,
    });

    const now = new Date();
    await trx
      .updateTable('leads')
      .set((eb) => ({
        status: 'qualified',
        converted_at: now,
        converted_deal_id: deal.id,
        converted_contact_id: contactId,
        converted_company_id: companyId,
        version: eb('version', '+', 1),
        updated_at: now,
      }))
      .where('id', '=', id)
      .execute();
    await insertLeadEvent(trx, {
      workspaceId: actor.workspaceId,
      leadId: id,
      type: 'converted',
      from: lead.status,
      to: 'qualified',
      data: { dealId: deal.id, contactId, companyId, skippedCriteria: missing },
      actorId: actor.id,
    });
    return { dealId: deal.id, contactId, companyId, companyCreated, contactCreated };
  });
  return { lead: await getLead(db, scope, id), ...result };
}
