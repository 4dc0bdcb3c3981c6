import { describe, expect, it } from 'vitest';
import { salesTemplate } from '../../src/domain/pipeline-templates.js';
import { idleDays } from '../../src/domain/deal-health.js';
import { createDemoPlan } from '../../src/demo/demo-plan.js';
import type { DemoActivity, DemoContext } from '../../src/demo/demo-types.js';

const DAY = 86_400_000;
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
const rottingDays = new Map(ctx.stages.map((s) => [s.id, s.rottingDays]));

function materialise(seed: number, deals = 600) {
  const plan = createDemoPlan(ctx, { deals, seed, now });
  return { loose: plan.looseActivities, deals: [...plan.deals] };
}

const time = (d: Date | string | null) => (d === null ? null : new Date(d).getTime());
/** Minutes after local midnight in Ho Chi Minh City (UTC+7), and the local weekday. */
const localClock = (ms: number) => {
  const local = new Date(ms + 7 * 3_600_000);
  return { minutes: local.getUTCHours() * 60 + local.getUTCMinutes(), weekday: local.getUTCDay() };
};

describe('demo activities', () => {
  const plan = materialise(3);
  const open = plan.deals.filter((d) => d.deal.status === 'open');
  const all: DemoActivity[] = [...plan.loose, ...plan.deals.flatMap((d) => d.activities)];

  it('are the same for the same seed and now, with unique ids', () => {
    const again = materialise(3);
    expect(again.loose).toEqual(plan.loose);
    expect(again.deals.map((d) => d.activities)).toEqual(plan.deals.map((d) => d.activities));
    expect(new Set(all.map((a) => a.id)).size).toBe(all.length);
  });

  it('belong to their deal: its owner, company and one of its contacts, within its life', () => {
    for (const { deal, contactIds, activities } of plan.deals) {
      expect(activities.filter((a) => a.done).length).toBeGreaterThanOrEqual(1);
      for (const a of activities) {
        expect(a).toMatchObject({
          workspace_id: ctx.workspaceId,
          deal_id: deal.id,
          company_id: deal.company_id,
          owner_id: deal.owner_id,
          created_by: deal.owner_id,
        });
        expect(contactIds).toContain(a.contact_id);
        expect(a.subject.length).toBeGreaterThan(3);
        if (!a.done) continue;
        const doneAt = time(a.done_at) as number;
        expect(doneAt).toBeGreaterThan(deal.created_at.getTime());
        expect(doneAt).toBeLessThanOrEqual((deal.closed_at ?? now).getTime());
        expect(time(a.created_at)).toBeLessThanOrEqual(doneAt);
      }
    }
  });

  it('are done in the past, and only open deals have one not-done next step', () => {
    for (const a of all) {
      if (a.done) {
        expect(time(a.done_at)).toBeLessThanOrEqual(now.getTime());
      } else {
        expect(a.done_at).toBeNull();
        expect(a.due_at).not.toBeNull();
        expect(time(a.created_at)).toBeLessThanOrEqual(now.getTime());
      }
      expect(time(a.updated_at)).toBeLessThanOrEqual(now.getTime());
    }
    for (const { deal, activities } of plan.deals) {
      const next = activities.filter((a) => !a.done);
      expect(next.length).toBeLessThanOrEqual(deal.status === 'open' ? 1 : 0);
      for (const a of next) {
        const due = time(a.due_at) as number;
        expect(due).toBeGreaterThanOrEqual(now.getTime() - 6 * DAY);
        expect(due).toBeLessThanOrEqual(now.getTime() + 14 * DAY);
      }
    }
  });

  it('keep each deal’s last_activity_at at its latest done activity, as the app does', () => {
    for (const { deal, activities } of plan.deals) {
      const done = activities.filter((a) => a.done).map((a) => time(a.done_at) as number);
      expect(deal.last_activity_at?.getTime()).toBe(Math.max(...done));
    }
  });

  it('give about three in four open deals a next step, and leave some rotting', () => {
    expect(open.length).toBeGreaterThan(60);
    const withNext = open.filter((d) => d.activities.some((a) => !a.done)).length;
    expect(withNext / open.length).toBeGreaterThan(0.65);
    expect(withNext / open.length).toBeLessThan(0.85);
    const rotting = open.filter((d) => {
      const days = rottingDays.get(d.deal.stage_id);
      const idle = idleDays(
        { stageEnteredAt: d.deal.stage_entered_at, lastActivityAt: d.deal.last_activity_at },
        now,
      );
      return days != null && idle > days;
    }).length;
    expect(rotting).toBeGreaterThanOrEqual(3);
    expect(rotting / open.length).toBeLessThan(0.3);
  });

  it('happen in office hours on workdays; meetings take 30-90 minutes; all-day at midnight', () => {
    const timed = all.filter((a) => !a.all_day).map((a) => time(a.done_at ?? a.due_at) as number);
    const inOffice = timed.filter((ms) => {
      const { minutes, weekday } = localClock(ms);
      return weekday >= 1 && weekday <= 5 && minutes >= 8 * 60 + 30 && minutes <= 17 * 60 + 30;
    });
    expect(inOffice.length / timed.length).toBeGreaterThan(0.97);
    for (const a of all) {
      if (a.type === 'meeting') {
        expect(a.duration_minutes).toBeGreaterThanOrEqual(30);
        expect(a.duration_minutes).toBeLessThanOrEqual(90);
      } else {
        expect(a.duration_minutes).toBeNull();
      }
      if (a.all_day) {
        expect(a.type).toBe('task');
        expect(new Date(a.due_at as Date).toISOString()).toMatch(/T17:00:00\.000Z$/);
      }
    }
    expect(all.some((a) => a.all_day)).toBe(true);
    expect(new Set(all.map((a) => a.type))).toEqual(
      new Set(['call', 'meeting', 'email', 'note', 'task']),
    );
  });

  it('read like a seller wrote them: markdown bodies, some in Vietnamese', () => {
    expect(all.filter((a) => a.body.includes('**')).length / all.length).toBeGreaterThan(0.2);
    expect(all.some((a) => /[ăâđêôơư]/i.test(a.subject))).toBe(true);
    expect(all.filter((a) => /[ăâđêôơư]/i.test(a.subject)).length / all.length).toBeLessThan(0.3);
  });

  it('include a few on no deal: a call with a contact, a meeting with a company', () => {
    expect(plan.loose.length).toBeGreaterThanOrEqual(4);
    for (const a of plan.loose) {
      expect(a.deal_id).toBeNull();
      expect(a.company_id).toEqual(expect.any(String));
    }
    expect(plan.loose.some((a) => a.type === 'call' && a.contact_id !== null)).toBe(true);
    expect(plan.loose.some((a) => a.type === 'meeting' && a.contact_id === null)).toBe(true);
  });

  it('give the admin some open deals with next steps', () => {
    const admins = open.filter((d) => d.deal.owner_id === ctx.adminId);
    expect(admins.length).toBeGreaterThanOrEqual(3);
    expect(admins.filter((d) => d.activities.some((a) => !a.done)).length).toBeGreaterThan(0);
    for (const { deal, events } of admins) {
      for (const e of events) expect(e.actor_id).toBe(deal.owner_id);
    }
  });
});
