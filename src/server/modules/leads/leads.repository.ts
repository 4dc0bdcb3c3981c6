import type { Kysely } from 'kysely';
import type { DB, LeadStatus } from '../../../db/schema.js';
import type { Scope } from '../access/visibility.js';

/** Leads the scope may see: its people's, and the unassigned inbox that everyone works from. */
export function visibleLeads(db: Kysely<DB>, scope: Scope) {
  return db
    .selectFrom('leads')
    .leftJoin('users as owner', 'owner.id', 'leads.owner_id')
    .leftJoin('companies as referrer', 'referrer.id', 'leads.referrer_company_id')
    .selectAll('leads')
    .select(['owner.name as owner_name', 'referrer.name as referrer_name'])
    .where('leads.workspace_id', '=', scope.workspaceId)
    .$if(scope.owners !== null, (q) =>
      q.where((eb) =>
        eb.or([
          eb('leads.owner_id', 'is', null),
          eb('leads.owner_id', 'in', scope.owners as string[]),
        ]),
      ),
    );
}

type LeadRow = Awaited<ReturnType<ReturnType<typeof visibleLeads>['executeTakeFirstOrThrow']>>;

export const toLead = (r: LeadRow) => ({
  id: r.id,
  name: r.name,
  email: r.email,
  phone: r.phone,
  companyName: r.company_name,
  website: r.website,
  jobTitle: r.job_title,
  source: r.source,
  ownerId: r.owner_id,
  ownerName: r.owner_name,
  status: r.status,
  disqualifyReason: r.disqualify_reason,
  criteria: Object.fromEntries(
    Object.entries(r.criteria).map(([k, v]) => [k, { state: v.state, note: v.note ?? '' }]),
  ),
  notes: r.notes,
  createdVia: r.created_via,
  convertedAt: r.converted_at?.toISOString() ?? null,
  convertedDealId: r.converted_deal_id,
  convertedContactId: r.converted_contact_id,
  convertedCompanyId: r.converted_company_id,
  referrerCompanyId: r.referrer_company_id,
  referrerCompanyName: r.referrer_name,
  version: r.version,
  createdAt: r.created_at.toISOString(),
  updatedAt: r.updated_at.toISOString(),
});

export async function insertLeadEvent(
  db: Kysely<DB>,
  event: {
    workspaceId: string;
    leadId: string;
    type: 'created' | 'status' | 'converted' | 'merged';
    from?: LeadStatus | null;
    to?: LeadStatus | null;
    data?: unknown;
    actorId: string | null;
  },
) {
  await db
    .insertInto('lead_events')
    .values({
      workspace_id: event.workspaceId,
      lead_id: event.leadId,
      type: event.type,
      from_status: event.from ?? null,
      to_status: event.to ?? null,
      data: event.data === undefined ? null : JSON.stringify(event.data),
      actor_id: event.actorId,
    })
    .execute();
}

/** A lead's events, oldest first, with who did each (nobody for the web form). */
export function leadEventRows(db: Kysely<DB>, workspaceId: string, leadId: string) {
  return db
    .selectFrom('lead_events')
    .leftJoin('users as actor', 'actor.id', 'lead_events.actor_id')
    .select([
      'lead_events.id',
      'lead_events.type',
      'lead_events.from_status',
      'lead_events.to_status',
      'lead_events.data',
      'lead_events.occurred_at',
      'actor.name as actor_name',
    ])
    .where('lead_events.workspace_id', '=', workspaceId)
    .where('lead_events.lead_id', '=', leadId)
    .orderBy('lead_events.occurred_at')
    .orderBy('lead_events.id')
    .execute();
}
