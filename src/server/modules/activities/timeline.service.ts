import type { Kysely } from 'kysely';
import type { DB } from '../../../db/schema.js';
import { scopeOf } from '../access/visibility.js';
import type { Actor } from '../auth/actor.js';
import { getCompany } from '../companies/companies.service.js';
import { getContact } from '../contacts/contacts.service.js';
import { dealHistory } from '../deals/deals.service.js';
import * as repo from './activities.repository.js';

// A record page shows its recent past; older entries stay reachable through the activity list.
const TIMELINE_LIMIT = 500;

type Activity = ReturnType<typeof repo.toActivity>;
type Event = Awaited<ReturnType<typeof dealHistory>>[number];
type Entry = { kind: 'event'; event: Event } | { kind: 'activity'; activity: Activity };

/**
 * Where an entry sits in time. An event at when it happened; a done activity at when it was done;
 * an open one at when it is due, else when it was written down. So planned follow-ups due later
 * sit above the history, in the order they will come up.
 */
const timeOf = (e: Entry) =>
  e.kind === 'event'
    ? e.event.occurredAt
    : (e.activity.doneAt ?? e.activity.dueAt ?? e.activity.createdAt);

/** Newest first; at the same instant an activity comes above the event, then by id. */
function newestFirst(entries: Entry[]): Entry[] {
  const key = (e: Entry) => new Date(timeOf(e)).getTime();
  const id = (e: Entry) => (e.kind === 'event' ? String(e.event.id) : e.activity.id);
  return entries.sort(
    (a, b) =>
      key(b) - key(a) ||
      (a.kind === b.kind ? (id(a) < id(b) ? 1 : -1) : a.kind === 'activity' ? -1 : 1),
  );
}

const asEntries = (rows: repo.ActivityView[]): Entry[] =>
  rows.map((row) => ({ kind: 'activity', activity: repo.toActivity(row) }));

export async function dealTimeline(db: Kysely<DB>, actor: Actor, dealId: string) {
  // dealHistory answers 404 for a deal out of reach; every activity of a visible deal is visible.
  const events = await dealHistory(db, actor, dealId);
  const scope = await scopeOf(db, actor);
  const activities = await repo
    .visibleActivities(db, { workspaceId: scope.workspaceId, owners: null })
    .where('activities.deal_id', '=', dealId)
    .orderBy(repo.timelineTime, 'desc')
    .limit(TIMELINE_LIMIT)
    .execute();
  return newestFirst([
    ...events.map((event): Entry => ({ kind: 'event', event })),
    ...asEntries(activities),
  ]).slice(0, TIMELINE_LIMIT);
}

export async function contactTimeline(db: Kysely<DB>, actor: Actor, contactId: string) {
  const scope = await scopeOf(db, actor);
  await getContact(db, scope, contactId);
  const rows = await repo
    .visibleActivities(db, scope)
    .where('activities.contact_id', '=', contactId)
    .orderBy(repo.timelineTime, 'desc')
    .limit(TIMELINE_LIMIT)
    .execute();
  return newestFirst(asEntries(rows));
}

/** A company's own activities and those on its deals. */
export async function companyTimeline(db: Kysely<DB>, actor: Actor, companyId: string) {
  const scope = await scopeOf(db, actor);
  await getCompany(db, scope, companyId);
  const rows = await repo
    .visibleActivities(db, scope)
    .where((eb) =>
      eb.or([eb('activities.company_id', '=', companyId), eb('deal.company_id', '=', companyId)]),
    )
    .orderBy(repo.timelineTime, 'desc')
    .limit(TIMELINE_LIMIT)
    .execute();
  return newestFirst(asEntries(rows));
}
