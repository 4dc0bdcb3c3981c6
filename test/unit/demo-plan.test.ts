import { describe, expect, it } from 'vitest';
import type { StageKind } from '../../src/db/schema.js';
import { searchDocument } from '../../src/domain/normalise.js';
import { salesTemplate } from '../../src/domain/pipeline-templates.js';
import { createRandom } from '../../src/domain/random.js';
import { createDemoPlan, HISTORY_DAYS } from '../../src/demo/demo-plan.js';
import type { DemoContext, DemoDeal, DemoEvent } from '../../src/demo/demo-types.js';

const now = new Date('2025-06-15T03:00:00Z');
const ctx: DemoContext = {
  workspaceId: '00000000-0000-4000-8000-000000000001',
  pipelineId: '00000000-0000-4000-8000-000000000002',
  adminId: '00000000-0000-4000-8000-000000000003',
  stages: salesTemplate.stages.map((s, i) => ({
    id: `00000000-0000-4000-8000-0000000001${String(i).padStart(2, '0')}`,
    name: s.name,
    kind: s.kind,
    position: i,
    rottingDays: s.rottingDays,
  })),
};
const stageKind = new Map<string, StageKind>(ctx.stages.map((s) => [s.id, s.kind]));

function materialise(seed: number, deals = 400) {
  const plan = createDemoPlan(ctx, { deals, seed, now });
  const { organisation, looseActivities } = plan;
  return { organisation, looseActivities, deals: [...plan.deals] };
}

/** Rebuilds a deal's state from its events alone, checking each "from" against the state. */
function replay(events: DemoEvent[]) {
  const [created, ...changes] = events;
  expect(created?.type).toBe('created');
  const data = JSON.parse(created?.data ?? '{}');
  const state = {
    stage_id: created?.to_stage_id,
    status: created?.to_text,
    value_minor: created?.to_value,
    expected_close_date: data.expectedCloseDate,
    lost_reason: null as string | null,
    closed_at: null as Date | null,
    stage_entered_at: created?.occurred_at,
  };
  for (const e of changes) {
    if (e.type === 'stage') {
      expect(e.from_stage_id).toBe(state.stage_id);
      Object.assign(state, { stage_id: e.to_stage_id, stage_entered_at: e.occurred_at });
    } else if (e.type === 'status') {
      expect(e.from_text).toBe(state.status);
      const reason = e.data ? JSON.parse(e.data).lostReason : null;
      Object.assign(state, { status: e.to_text, lost_reason: reason, closed_at: e.occurred_at });
    } else if (e.type === 'value') {
      expect(e.from_value).toBe(state.value_minor);
      state.value_minor = e.to_value;
    } else if (e.type === 'close_date') {
      expect(e.from_text).toBe(state.expected_close_date);
      state.expected_close_date = e.to_text;
    } else {
      throw new Error(`unexpected event ${e.type}`);
    }
  }
  return state;
}

const pick = (d: DemoDeal) => ({
  stage_id: d.stage_id,
  status: d.status,
  value_minor: d.value_minor,
  expected_close_date: d.expected_close_date,
  lost_reason: d.lost_reason,
  closed_at: d.closed_at,
  stage_entered_at: d.stage_entered_at,
});

describe('createRandom', () => {
  it('repeats its sequence for a seed and makes v4-shaped uuids', () => {
    const a = createRandom(42);
    const b = createRandom(42);
    const seq = Array.from({ length: 50 }, () => a.int(1, 6));
    expect(Array.from({ length: 50 }, () => b.int(1, 6))).toEqual(seq);
    expect(new Set(seq)).toEqual(new Set([1, 2, 3, 4, 5, 6]));
    expect(createRandom(43).next()).not.toBe(createRandom(42).next());
    const uuids = Array.from({ length: 200 }, () => a.uuid());
    for (const u of uuids)
      expect(u).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
    expect(new Set(uuids).size).toBe(uuids.length);
  });
});

describe('createDemoPlan', () => {
  const plan = materialise(1);

  it('is deterministic for a seed and differs between seeds', () => {
    expect(materialise(1)).toEqual(plan);
    const other = materialise(2);
    expect(other.deals.map((d) => d.deal.id)).not.toEqual(plan.deals.map((d) => d.deal.id));
    expect(other.deals.map((d) => d.deal.title)).not.toEqual(plan.deals.map((d) => d.deal.title));
  });

  it('gives every deal a history that replays to its final state, in time order, up to now', () => {
    const earliest = now.getTime() - (HISTORY_DAYS + 3) * 86_400_000;
    for (const { deal, events } of plan.deals) {
      const times = events.map((e) => e.occurred_at.getTime());
      expect(times).toEqual([...times].sort((a, b) => a - b));
      expect(Math.max(...times)).toBeLessThanOrEqual(now.getTime());
      expect(times[0]).toBe(deal.created_at.getTime());
      expect(times[0]).toBeGreaterThanOrEqual(earliest);
      expect(deal.updated_at.getTime()).toBe(times[times.length - 1]);
      expect(replay(events)).toEqual(pick(deal));
      expect(stageKind.get(deal.stage_id)).toBe(deal.status);
      for (const e of events) expect(e.actor_id).toBe(deal.owner_id);
      if (deal.status === 'lost') expect(deal.lost_reason).toEqual(expect.any(String));
    }
  });

  it('looks like a real pipeline: win share, open deals, currencies, amounts', () => {
    const deals = plan.deals.map((d) => d.deal);
    const won = deals.filter((d) => d.status === 'won').length;
    const lost = deals.filter((d) => d.status === 'lost').length;
    const open = deals.filter((d) => d.status === 'open');
    expect(won / (won + lost)).toBeGreaterThan(0.2);
    expect(won / (won + lost)).toBeLessThan(0.4);
    expect(open.length).toBeGreaterThan(20);
    // Open deals are mostly recent ones.
    const recent = open.filter((d) => now.getTime() - d.created_at.getTime() < 120 * 86_400_000);
    expect(recent.length / open.length).toBeGreaterThan(0.6);
    const vnd = deals.filter((d) => d.currency === 'VND');
    const usd = deals.filter((d) => d.currency === 'USD');
    expect(vnd.length / deals.length).toBeGreaterThan(0.45);
    expect(usd.length / deals.length).toBeGreaterThan(0.25);
    for (const d of vnd) expect(d.value_minor % 1000).toBe(0);
    for (const d of usd) expect(d.value_minor % 100).toBe(0);
    const types = new Set(plan.deals.flatMap((d) => d.events.map((e) => e.type)));
    expect(types).toEqual(new Set(['created', 'stage', 'status', 'value', 'close_date']));
  });

  it('ranks each stage from 1024 up, newest deal first', () => {
    const byStage = new Map<string, DemoDeal[]>();
    for (const { deal } of plan.deals)
      byStage.set(deal.stage_id, [...(byStage.get(deal.stage_id) ?? []), deal]);
    expect(byStage.size).toBe(ctx.stages.length);
    for (const deals of byStage.values()) {
      expect(deals.map((d) => d.position)).toEqual(deals.map((_, i) => (i + 1) * 1024));
    }
  });

  it('has Vietnamese and international people and companies, searchable as the services do', () => {
    const { users, companies, contacts, teams, teamMembers } = plan.organisation;
    expect(users.map((u) => u.name)).toContain('Nguyễn Thị Lan');
    expect(users.map((u) => u.email)).toContain('lan.nguyen@demo.pipewright.local');
    expect(teams.map((t) => t.name).sort()).toEqual(['Hồ Chí Minh', 'International']);
    for (const t of teams) expect(users.find((u) => u.id === t.manager_id)?.role).toBe('manager');
    expect(teamMembers).toHaveLength(users.length);
    expect(contacts.some((c) => /[ăâđêôơư]/i.test(c.name))).toBe(true);
    expect(contacts.some((c) => /^[A-Za-z-]+ [\p{L}]+$/u.test(c.name))).toBe(true);
    expect(companies.length).toBeGreaterThanOrEqual(40);
    for (const c of companies) {
      expect(c.search_document).toBe(searchDocument(c.name, c.domain));
      expect(c.phone).toMatch(/^\+\d{9,13}$/);
    }
    for (const c of contacts) {
      expect(c.email?.endsWith(`@${companies.find((co) => co.id === c.company_id)?.domain}`)).toBe(
        true,
      );
      expect(c.search_document).toBe(searchDocument(c.name, c.email, c.phone));
    }
    const names = new Map(companies.map((c) => [c.id, c.name]));
    for (const { deal, contactIds } of plan.deals) {
      expect(deal.search_document).toBe(
        searchDocument(deal.title, names.get(deal.company_id), deal.source),
      );
      const own = contacts.filter((c) => c.company_id === deal.company_id).map((c) => c.id);
      expect(contactIds.length).toBeGreaterThanOrEqual(1);
      for (const id of contactIds) expect(own).toContain(id);
    }
  });
});
