import type { Kysely, Transaction } from 'kysely';
import type { DB, DealContactsTable } from '../db/schema.js';
import { conflict } from '../domain/errors.js';
import { normaliseEmail } from '../domain/normalise.js';
import { salesTemplate } from '../domain/pipeline-templates.js';
import { setupWorkspace } from '../server/modules/workspaces/workspace-setup.js';
import { createDemoPlan } from './demo-plan.js';
import type { DemoActivity, DemoDeal, DemoEvent } from './demo-types.js';
import { ADMIN } from './names.js';

export const DEMO_PASSWORD = 'pipewright-demo';
const DEMO_WORKSPACE_NAME = 'Demo: Saigon Tech Sales';

export type DemoOptions = {
  deals: number;
  seed: number;
  now?: Date;
  onProgress?: (done: number, total: number) => void;
};

export type DemoResult = {
  workspaceId: string;
  adminEmail: string;
  counts: {
    users: number;
    teams: number;
    companies: number;
    contacts: number;
    deals: number;
    events: number;
    activities: number;
  };
};

// Deals are written (with their contacts, events and activities) this many at a time; one INSERT
// carries at most ROWS_PER_INSERT rows, which keeps every statement (activities have 18 columns)
// well under PostgreSQL's 65,535 parameters.
const DEALS_PER_BATCH = 1000;
const ROWS_PER_INSERT = 2000;

/**
 * Creates the demo workspace: its people, customers and deals with complete histories, all
 * derived from `seed` and `now`. The admin signs in as demo@pipewright.local / DEMO_PASSWORD, and
 * so does everyone else with their own email (one argon2 hash, shared).
 */
export async function seedDemo(db: Kysely<DB>, options: DemoOptions): Promise<DemoResult> {
  const now = options.now ?? new Date();
  const email = normaliseEmail(ADMIN.email);
  const taken = await db
    .selectFrom('users')
    .select('id')
    .where('email', '=', email)
    .executeTakeFirst();
  if (taken) throw conflict(`The demo workspace already exists (${email})`, 'email');
  // One transaction: a seed that fails or is killed half-way leaves nothing behind.
  return db.transaction().execute(async (trx) => {
    const { workspace, admin } = await setupWorkspace(trx, {
      name: DEMO_WORKSPACE_NAME,
      timezone: 'Asia/Ho_Chi_Minh',
      defaultCurrency: 'VND',
      isDemo: true,
      admin: { email, name: ADMIN.name, role: 'admin', password: DEMO_PASSWORD },
    });
    const counts = await writeDemo(trx, workspace.id, admin.id, { ...options, now });
    return { workspaceId: workspace.id, adminEmail: email, counts };
  });
}

async function writeDemo(
  trx: Transaction<DB>,
  workspaceId: string,
  adminId: string,
  options: DemoOptions & { now: Date },
): Promise<DemoResult['counts']> {
  const admin = await trx
    .selectFrom('users')
    .select('password_hash')
    .where('id', '=', adminId)
    .executeTakeFirstOrThrow();
  const pipeline = await trx
    .selectFrom('pipelines')
    .select('id')
    .where('workspace_id', '=', workspaceId)
    .where('name', '=', salesTemplate.name)
    .orderBy('position')
    .executeTakeFirstOrThrow();
  const stages = await trx
    .selectFrom('stages')
    .select(['id', 'name', 'kind', 'position', 'rotting_days as rottingDays'])
    .where('pipeline_id', '=', pipeline.id)
    .execute();

  const ctx = { workspaceId, pipelineId: pipeline.id, adminId, stages };
  const plan = createDemoPlan(ctx, options);
  const org = plan.organisation;
  const users = org.users.map((u) => ({ ...u, password_hash: admin.password_hash }));
  await inChunks(users, (rows) => trx.insertInto('users').values(rows).execute());
  await inChunks(org.teams, (rows) => trx.insertInto('teams').values(rows).execute());
  await inChunks(org.teamMembers, (rows) => trx.insertInto('team_members').values(rows).execute());
  await inChunks(org.companies, (rows) => trx.insertInto('companies').values(rows).execute());
  await inChunks(org.contacts, (rows) => trx.insertInto('contacts').values(rows).execute());
  const loose = plan.looseActivities;
  await inChunks(loose, (rows) => trx.insertInto('activities').values(rows).execute());

  const total = options.deals;
  let done = 0;
  let eventCount = 0;
  let activityCount = loose.length;
  let batch = {
    deals: [] as DemoDeal[],
    links: [] as DealContactsTable[],
    events: [] as DemoEvent[],
    activities: [] as DemoActivity[],
  };
  const flush = async () => {
    await inChunks(batch.deals, (rows) => trx.insertInto('deals').values(rows).execute());
    await inChunks(batch.links, (rows) => trx.insertInto('deal_contacts').values(rows).execute());
    await inChunks(batch.events, (rows) => trx.insertInto('deal_events').values(rows).execute());
    await inChunks(batch.activities, (rows) => trx.insertInto('activities').values(rows).execute());
    done += batch.deals.length;
    eventCount += batch.events.length;
    activityCount += batch.activities.length;
    batch = { deals: [], links: [], events: [], activities: [] };
    options.onProgress?.(done, total);
  };
  options.onProgress?.(0, total);
  for (const { deal, contactIds, events, activities } of plan.deals) {
    batch.deals.push(deal);
    for (const contactId of contactIds)
      batch.links.push({ deal_id: deal.id, contact_id: contactId });
    batch.events.push(...events);
    batch.activities.push(...activities);
    if (batch.deals.length === DEALS_PER_BATCH) await flush();
  }
  if (batch.deals.length > 0) await flush();

  return {
    users: users.length + 1,
    teams: org.teams.length,
    companies: org.companies.length,
    contacts: org.contacts.length,
    deals: done,
    events: eventCount,
    activities: activityCount,
  };
}

async function inChunks<T>(rows: T[], insert: (chunk: T[]) => Promise<unknown>): Promise<void> {
  for (let i = 0; i < rows.length; i += ROWS_PER_INSERT) {
    await insert(rows.slice(i, i + ROWS_PER_INSERT));
  }
}
