import { sql, type Kysely } from 'kysely';
import type { DB, LeadCriteriaValues, LeadStatus } from '../../../db/schema.js';
import { forbidden, invalid, notFound } from '../../../domain/errors.js';
import {
  domainOf,
  normaliseEmail,
  normalisePhone,
  prefixTsQuery,
  searchDocument,
} from '../../../domain/normalise.js';
import { scopeOf, type Scope } from '../access/visibility.js';
import type { Actor } from '../auth/actor.js';
import { assertOwner } from '../deals/deal-checks.js';
import { afterKey, decodeCursor, pageOf, type CursorKey } from '../shared/cursor.js';
import { checkVersionedUpdate } from '../shared/versioned-update.js';
import { insertLeadEvent, toLead, visibleLeads } from './leads.repository.js';

export async function getLead(db: Kysely<DB>, scope: Scope, id: string) {
  const row = await visibleLeads(db, scope).where('leads.id', '=', id).executeTakeFirst();
  if (!row) throw notFound('Lead');
  return toLead(row);
}

const newestFirst = { expr: sql`leads.created_at`, cast: 'timestamptz' };

export async function listLeads(
  db: Kysely<DB>,
  actor: Actor,
  input: {
    status?: LeadStatus | undefined;
    ownerId?: string | undefined;
    source?: string | undefined;
    q?: string | undefined;
    limit: number;
    cursor?: string | undefined;
  },
) {
  const scope = await scopeOf(db, actor);
  const after = decodeCursor(input.cursor);
  const query = input.q ? prefixTsQuery(input.q) : null;
  const rows = await visibleLeads(db, scope)
    .$if(!!input.status, (q) => q.where('leads.status', '=', input.status as LeadStatus))
    .$if(input.ownerId === 'none', (q) => q.where('leads.owner_id', 'is', null))
    .$if(!!input.ownerId && input.ownerId !== 'none', (q) =>
      q.where('leads.owner_id', '=', input.ownerId as string),
    )
    .$if(!!input.source, (q) =>
      q.where(sql<string>`lower(leads.source)`, '=', (input.source as string).toLowerCase()),
    )
    .$if(query !== null, (q) =>
      q.where(sql<boolean>`leads.search @@ to_tsquery('simple', ${query})`),
    )
    .$if(after !== null, (q) =>
      q.where(afterKey(newestFirst, 'desc', after as CursorKey, 'leads.id')),
    )
    .orderBy('leads.created_at', 'desc')
    .orderBy('leads.id', 'desc')
    .limit(input.limit + 1)
    .execute();
  return pageOf(rows.map(toLead), input.limit, (l) => ({ v: l.createdAt, id: l.id }));
}

export type LeadInput = {
  name?: string | undefined;
  email?: string | null | undefined;
  phone?: string | null | undefined;
  companyName?: string | null | undefined;
  website?: string | null | undefined;
  jobTitle?: string | null | undefined;
  source?: string | null | undefined;
  ownerId?: string | null | undefined;
  criteria?: Partial<Record<string, { state: 'unknown' | 'yes' | 'no'; note: string }>> | undefined;
  notes?: string | undefined;
  referrerCompanyId?: string | null | undefined;
};

/** Column values for the fields given; emails, phones and web domains normalised as elsewhere. */
export function leadValues(input: LeadInput) {
  return {
    ...(input.name !== undefined && { name: input.name }),
    ...(input.email !== undefined && { email: input.email ? normaliseEmail(input.email) : null }),
    ...(input.phone !== undefined && { phone: input.phone ? normalisePhone(input.phone) : null }),
    ...(input.companyName !== undefined && { company_name: input.companyName || null }),
    ...(input.website !== undefined && {
      website: input.website || null,
      domain: input.website ? domainOf(input.website) : null,
    }),
    ...(input.jobTitle !== undefined && { job_title: input.jobTitle || null }),
    ...(input.source !== undefined && { source: input.source || null }),
    ...(input.ownerId !== undefined && { owner_id: input.ownerId }),
    ...(input.notes !== undefined && { notes: input.notes }),
    ...(input.referrerCompanyId !== undefined && { referrer_company_id: input.referrerCompanyId }),
  };
}

const documentOf = (l: { name: string; email: string | null; company_name: string | null }) =>
  searchDocument(l.name, l.email, l.company_name);

export async function createLead(
  db: Kysely<DB>,
  actor: Actor,
  input: LeadInput & { name: string },
  via: 'app' | 'api' = 'app',
) {
  const scope = await scopeOf(db, actor);
  if (input.ownerId) await assertOwner(db, scope, input.ownerId);
  await assertReferrer(db, actor.workspaceId, input.referrerCompanyId);
  const values = leadValues({
    ...input,
    ownerId: input.ownerId === undefined ? actor.id : input.ownerId,
    source: input.source ?? (input.referrerCompanyId ? 'Referral' : undefined),
  });
  const id = await db.transaction().execute(async (trx) => {
    const row = await trx
      .insertInto('leads')
      .values({
        ...values,
        name: input.name,
        workspace_id: actor.workspaceId,
        criteria: JSON.stringify(input.criteria ?? {}),
        created_via: via,
        search_document: documentOf({
          name: input.name,
          email: values.email ?? null,
          company_name: values.company_name ?? null,
        }),
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    await insertLeadEvent(trx, {
      workspaceId: actor.workspaceId,
      leadId: row.id,
      type: 'created',
      to: 'new',
      actorId: actor.id,
    });
    return row.id;
  });
  return getLead(db, scope, id);
}

export async function updateLead(
  db: Kysely<DB>,
  actor: Actor,
  id: string,
  input: LeadInput & {
    version: number;
    status?: Exclude<LeadStatus, 'qualified'> | undefined;
    disqualifyReason?: string | null | undefined;
  },
) {
  const scope = await scopeOf(db, actor);
  const before = await getLead(db, scope, id);
  if (before.convertedAt) throw forbidden('A converted lead is kept as it was; change its deal');
  if (input.ownerId && input.ownerId !== before.ownerId)
    await assertOwner(db, scope, input.ownerId);
  await assertReferrer(db, actor.workspaceId, input.referrerCompanyId);
  const criteria: LeadCriteriaValues | undefined = input.criteria
    ? ({ ...before.criteria, ...input.criteria } as LeadCriteriaValues)
    : undefined;
  await db.transaction().execute(async (trx) => {
    const values = leadValues(input);
    const merged = {
      name: values.name ?? before.name,
      email: values.email === undefined ? before.email : values.email,
      company_name: values.company_name === undefined ? before.companyName : values.company_name,
    };
    const updated = await trx
      .updateTable('leads')
      .set((eb) => ({
        ...values,
        ...(criteria && { criteria: JSON.stringify(criteria) }),
        ...(input.status !== undefined && { status: input.status }),
        ...(input.disqualifyReason !== undefined && { disqualify_reason: input.disqualifyReason }),
        search_document: documentOf(merged),
        version: eb('version', '+', 1),
        updated_at: new Date(),
      }))
      .where('id', '=', id)
      .where('workspace_id', '=', actor.workspaceId)
      .where('version', '=', input.version)
      .returning('id')
      .executeTakeFirst();
    await checkVersionedUpdate(updated, 'Lead', async () => {
      const current = await trx
        .selectFrom('leads')
        .select('version')
        .where('id', '=', id)
        .executeTakeFirst();
      return current?.version;
    });
    if (input.status !== undefined && input.status !== before.status) {
      await insertLeadEvent(trx, {
        workspaceId: actor.workspaceId,
        leadId: id,
        type: 'status',
        from: before.status,
        to: input.status,
        data:
          input.status === 'disqualified' ? { reason: input.disqualifyReason ?? null } : undefined,
        actorId: actor.id,
      });
    }
  });
  return getLead(db, scope, id);
}

/** A referrer is a company of this workspace (any, not only visible ones: it names a customer). */
async function assertReferrer(
  db: Kysely<DB>,
  workspaceId: string,
  companyId: string | null | undefined,
) {
  if (!companyId) return;
  const found = await db
    .selectFrom('companies')
    .select('id')
    .where('id', '=', companyId)
    .where('workspace_id', '=', workspaceId)
    .executeTakeFirst();
  if (!found) throw invalid('referrerCompanyId', 'No such company in this workspace');
}

export async function deleteLead(db: Kysely<DB>, actor: Actor, id: string) {
  const scope = await scopeOf(db, actor);
  const lead = await getLead(db, scope, id);
  if (actor.role === 'rep' && lead.ownerId !== actor.id)
    throw forbidden('Reps can delete only their own leads');
  await db.deleteFrom('leads').where('id', '=', id).execute();
}
