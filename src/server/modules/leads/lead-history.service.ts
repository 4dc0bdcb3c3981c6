import type { Kysely } from 'kysely';
import type { DB } from '../../../db/schema.js';
import type { Scope } from '../access/visibility.js';
import { leadEventRows } from './leads.repository.js';
import { getLead } from './leads.service.js';

type EventData = { reason?: unknown; via?: unknown; message?: unknown; dealId?: unknown } | null;
const text = (v: unknown) => (typeof v === 'string' && v !== '' ? v : null);
type Status = 'new' | 'contacted' | 'qualifying' | 'qualified' | 'disqualified';

/** What happened to a lead, oldest first; the same visibility as the lead itself (404 otherwise). */
export async function leadHistory(db: Kysely<DB>, scope: Scope, leadId: string) {
  await getLead(db, scope, leadId);
  const rows = await leadEventRows(db, scope.workspaceId, leadId);
  return {
    data: rows.map((r) => {
      const data = r.data as EventData;
      return {
        id: Number(r.id),
        type: r.type,
        fromStatus: r.from_status as Status | null,
        toStatus: r.to_status as Status | null,
        reason: text(data?.reason),
        via: text(data?.via),
        submitted: text(data?.message),
        dealId: text(data?.dealId),
        actorName: r.actor_name,
        occurredAt: r.occurred_at.toISOString(),
      };
    }),
  };
}
