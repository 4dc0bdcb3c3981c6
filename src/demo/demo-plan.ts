import { searchDocument } from '../domain/normalise.js';
import { POSITION_STEP } from '../domain/positions.js';
import { createRandom, type Random } from '../domain/random.js';
import { lastActivityAt, planDealActivities } from './deal-activities.js';
import { simulateDeal } from './deal-lifecycle.js';
import type { SalesStages } from './deal-record.js';
import { DAY_MS, localDay, MINUTE_MS, officeTime, previousWorkday } from './demo-calendar.js';
import { planCustomers } from './demo-customers.js';
import { planLooseActivities } from './loose-activities.js';
import { planStaff } from './demo-staff.js';
import type {
  DemoAccount,
  DemoActivity,
  DemoContext,
  DemoDealPlan,
  DemoOrganisation,
} from './demo-types.js';
import { PRODUCTS_EN, PRODUCTS_VI, SOURCES } from './names.js';

/** Deals are created over the 18 months before `now`. */
export const HISTORY_DAYS = 548;

export type DemoPlan = {
  organisation: DemoOrganisation;
  /** Calls and meetings with customers on no deal. */
  looseActivities: DemoActivity[];
  /** Newest deal first (to the day); made lazily, so 100k deals never sit in memory at once. */
  deals: Generator<DemoDealPlan>;
};

/**
 * The whole demo workspace as plain rows, with no I/O: the same context, seed, size and `now`
 * always give the same plan. The deals share the organisation's random stream, so read the
 * organisation first and the deals once. Activities, and which recent deals the admin owns, come
 * from a second stream, so they do not shift the deals' own random draws.
 */
export function createDemoPlan(
  ctx: DemoContext,
  options: { deals: number; seed: number; now: Date },
): DemoPlan {
  const rng = createRandom(options.seed);
  const nowMs = options.now.getTime();
  const companies = Math.min(120, Math.max(40, Math.round(options.deals / 8)));
  const startMs = nowMs - (HISTORY_DAYS + 90) * DAY_MS;
  const staff = planStaff(rng, ctx.workspaceId, new Date(startMs));
  const customers = planCustomers(rng, ctx.workspaceId, companies, startMs, staff.sellers);
  const organisation = { ...staff, ...customers };
  const activityRng = createRandom((options.seed ^ 0x6a09e667) >>> 0);
  const looseActivities = planLooseActivities(activityRng, ctx.workspaceId, customers, nowMs);
  const deals = planDeals({ rng, activityRng }, ctx, organisation, options.deals, nowMs);
  return { organisation, looseActivities, deals };
}

function salesStages(ctx: DemoContext): SalesStages {
  const sorted = [...ctx.stages].sort((a, b) => a.position - b.position);
  const won = sorted.find((s) => s.kind === 'won');
  const lost = sorted.find((s) => s.kind === 'lost');
  const open = sorted.filter((s) => s.kind === 'open').map((s) => s.id);
  if (!won || !lost || open.length < 2) throw new Error('The Sales pipeline lacks its stages');
  return { pipelineId: ctx.pipelineId, open, won: won.id, lost: lost.id };
}

// The admin owns some recent deals, so their My day has real work in it.
const ADMIN_DEAL_CHANCE = 0.12;
const ADMIN_DEAL_MAX_AGE_DAYS = 120;

function* planDeals(
  { rng, activityRng }: { rng: Random; activityRng: Random },
  ctx: DemoContext,
  org: DemoOrganisation,
  count: number,
  nowMs: number,
): Generator<DemoDealPlan> {
  const stages = salesStages(ctx);
  const rottingDays = new Map(ctx.stages.map((s) => [s.id, s.rottingDays]));
  const positions = new Map<string, number>();
  const nowDay = localDay(nowMs);
  for (let i = 0; i < count; i++) {
    // Slightly more deals recently than long ago: a growing team.
    const ageDays = Math.floor(HISTORY_DAYS * ((i + rng.next()) / count) ** 1.4);
    let createdAt = officeTime(rng, previousWorkday(nowDay - ageDays));
    if (createdAt > nowMs) createdAt = nowMs - rng.int(1, 240) * MINUTE_MS;
    // A few key accounts get many deals, most get a handful.
    const account = org.accounts[
      Math.floor(org.accounts.length * rng.next() ** 1.6)
    ] as DemoAccount;
    let ownerId = rng.chance(0.85) ? account.ownerId : rng.weighted(org.sellers[account.market]);
    if (ageDays < ADMIN_DEAL_MAX_AGE_DAYS && activityRng.chance(ADMIN_DEAL_CHANCE)) {
      ownerId = ctx.adminId;
    }
    const currency = rng.chance(account.market === 'vn' ? 0.88 : 0.1) ? 'VND' : 'USD';
    // VND has no minor unit: 20M-2B dong in steps of 500k; USD $1k-$150k in $50 steps, as cents.
    const [valueStep, min, max] =
      currency === 'VND' ? [500_000, 20e6, 2e9] : [5_000, 100_000, 15_000_000];
    const value = Math.round(rng.logUniform(min, max) / valueStep) * valueStep;
    const source = rng.weighted(SOURCES);
    const products = account.market === 'vn' && rng.chance(0.4) ? PRODUCTS_VI : PRODUCTS_EN;
    const title = `${rng.pick(products)} – ${account.shortName}`;
    const contactIds = pickContacts(rng, account.contactIds);
    const id = rng.uuid();
    const record = simulateDeal(
      rng,
      {
        id,
        workspaceId: ctx.workspaceId,
        ownerId,
        currency,
        value,
        valueStep,
        expectedCloseDay: localDay(createdAt) + rng.int(21, 120),
        createdAt,
      },
      stages,
      nowMs,
    );
    const party = {
      companyId: account.id,
      shortName: account.shortName,
      vietnamese: account.market === 'vn',
      contactIds,
    };
    const activities = planDealActivities(
      activityRng,
      { id, workspace_id: ctx.workspaceId, owner_id: ownerId, status: record.status },
      record.events,
      party,
      { open: stages.open, rottingDays },
      nowMs,
    );
    // Deals come newest first, so each column ranks its newest deals at the top.
    const position = (positions.get(record.stageId) ?? 0) + POSITION_STEP;
    positions.set(record.stageId, position);
    const deal = {
      id,
      workspace_id: ctx.workspaceId,
      title,
      pipeline_id: ctx.pipelineId,
      stage_id: record.stageId,
      position,
      value_minor: record.value,
      currency,
      expected_close_date: record.expectedCloseDate,
      owner_id: ownerId,
      company_id: account.id,
      source,
      status: record.status,
      lost_reason: record.lostReason,
      closed_at: record.closedAt,
      probability: null,
      stage_entered_at: record.stageEnteredAt,
      last_activity_at: lastActivityAt(activities),
      search_document: searchDocument(title, account.name, source),
      version: record.version,
      created_at: new Date(createdAt),
      updated_at: record.updatedAt,
    };
    yield { deal, contactIds, events: record.events, activities };
  }
}

function pickContacts(rng: Random, ids: string[]): string[] {
  const first = rng.int(0, ids.length - 1);
  if (ids.length < 2 || !rng.chance(0.35)) return [ids[first] as string];
  const second = (first + rng.int(1, ids.length - 1)) % ids.length;
  return [ids[first] as string, ids[second] as string];
}
