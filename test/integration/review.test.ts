// The weekly pipeline review through the API, on a workspace in Ho Chi Minh City. Deals are
// back-dated 30 days (before the default seven-day window) and changed now, so every change falls
// inside the window; each expected section is listed by hand beside the deal that makes it.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { addDays, localDate } from '../../src/domain/local-day.js';
import { closingWeeks } from '../../src/domain/review/sections.js';
import { apiAs, type Api } from '../helpers/api.js';
import { dealFactory } from '../helpers/factories.js';
import { pdfText } from '../helpers/pdf-text.js';
import {
  createTestApp,
  userFactory,
  workspaceFactory,
  type TestApp,
  type TestUser,
} from '../helpers/test-app.js';

const ZONE = 'Asia/Ho_Chi_Minh';
const VIET = 'Hợp đồng ERP Nguyễn Thị Ữ';
const today = localDate(new Date(), ZONE);
const { nextWeek } = closingWeeks(today);
const back = new Date(Date.now() - 30 * 86_400_000).toISOString();
let t: TestApp;
let admin: Api;
let rep: TestUser;
let other: TestUser;
let outsider: TestUser;
let repApi: Api;
let managerApi: Api;
let strangerApi: Api;
let teamId: string;
const stages: Record<string, string> = {};
const ids: Record<string, string> = {};

type Section = { section: string; count: number; totals: unknown[]; deals: { title: string }[] };
const titles = (body: { sections: Section[] }, section: string) =>
  body.sections
    .find((s) => s.section === section)
    ?.deals.map((d) => d.title)
    .sort();

beforeAll(async () => {
  t = await createTestApp();
  const ws = await workspaceFactory(t.db);
  admin = apiAs(t.app, ws.admin.headers);
  const settings = (await admin.get('/api/v1/workspace')).body;
  await admin.patch('/api/v1/workspace', { version: settings.version, timezone: ZONE });
  rep = await userFactory(t.db, ws.workspaceId, { role: 'rep', name: 'Rep' });
  other = await userFactory(t.db, ws.workspaceId, { role: 'rep', name: 'Other' });
  outsider = await userFactory(t.db, ws.workspaceId, { role: 'rep', name: 'Outsider' });
  const manager = await userFactory(t.db, ws.workspaceId, { role: 'manager' });
  const stranger = await userFactory(t.db, ws.workspaceId, { role: 'manager' });
  repApi = apiAs(t.app, rep.headers);
  managerApi = apiAs(t.app, manager.headers);
  strangerApi = apiAs(t.app, stranger.headers);
  const team = await admin.post('/api/v1/teams', {
    name: 'East',
    managerId: manager.id,
    memberIds: [rep.id, other.id],
  });
  teamId = team.body.id;
  const created = await admin.post('/api/v1/pipelines', {
    name: 'Review',
    stages: [
      { name: 'Lead', probability: 10, rottingDays: 5 },
      { name: 'Qualified', probability: 30 },
      { name: 'Proposal', probability: 60 },
      { name: 'Won', probability: 100, kind: 'won' },
      { name: 'Lost', probability: 0, kind: 'lost' },
    ],
  });
  for (const s of created.body.stages) stages[s.name] = s.id;
  const deal = async (name: string, stage: string, extra: Record<string, unknown> = {}) => {
    const d = await dealFactory(admin, {
      title: name,
      pipelineId: created.body.id,
      stageId: stages[stage],
      value: 1000,
      currency: 'USD',
      ownerId: rep.id,
      createdAt: back,
      ...extra,
    });
    ids[name] = d.id;
    return d;
  };
  const move = async (name: string, stage: string) => {
    const res = await admin.post(`/api/v1/deals/${ids[name]}/move`, { stageId: stages[stage] });
    if (res.status !== 200) throw new Error(`move: ${JSON.stringify(res.body)}`);
    return res.body;
  };
  await deal(VIET, 'Lead', { value: 2000 });
  await move(VIET, 'Proposal'); // forward Lead -> Proposal
  await deal('Backward', 'Proposal', { value: 3000 });
  await move('Backward', 'Qualified'); // back Proposal -> Qualified
  await deal('Round trip', 'Qualified');
  await move('Round trip', 'Proposal');
  await move('Round trip', 'Qualified'); // net no move: in no section
  const slip = await deal('Slipper', 'Qualified', { expectedCloseDate: '2027-03-01' });
  await admin.patch(`/api/v1/deals/${slip.id}`, {
    version: slip.version,
    expectedCloseDate: '2027-03-11',
  }); // slipped ten days
  const raise = await deal('Raise', 'Qualified', { value: 1000 });
  await admin.patch(`/api/v1/deals/${raise.id}`, { version: raise.version, value: 1500 });
  const dong = await deal('Dong', 'Qualified', { value: 5_000_000, currency: 'VND' });
  await admin.patch(`/api/v1/deals/${dong.id}`, { version: dong.version, value: 6_000_000 });
  await deal('Winner', 'Proposal', { value: 4000 });
  await move('Winner', 'Won');
  await deal('Loser', 'Proposal', { value: 700 });
  const lost = await move('Loser', 'Lost');
  await admin.patch(`/api/v1/deals/${lost.id}`, { version: lost.version, lostReason: 'Giá cao' });
  const fresh = await dealFactory(admin, {
    title: 'Fresh win',
    pipelineId: created.body.id,
    stageId: stages.Lead,
    value: 500,
    currency: 'USD',
    ownerId: rep.id,
  });
  ids['Fresh win'] = fresh.id;
  await move('Fresh win', 'Won'); // created and won inside the window
  await deal('Sleepy', 'Lead'); // in Lead (rotting 5 days) for 30 days: stalled
  await deal('This week', 'Qualified', { expectedCloseDate: today });
  await deal('Next week', 'Qualified', { expectedCloseDate: nextWeek.from });
  // The other rep's deal: 60% of 1000 expected today a week ago, won now.
  await deal('Theirs', 'Proposal', { ownerId: other.id, expectedCloseDate: today });
  await move('Theirs', 'Won');
  await deal('Outside', 'Lead', { ownerId: outsider.id });
  await move('Outside', 'Proposal');
});
afterAll(() => t.close());

describe('GET /api/v1/review', () => {
  it('lists each section of a rep’s week with before and after values', async () => {
    const res = await repApi.get('/api/v1/review');
    expect(res.status).toBe(200);
    const r = res.body;
    expect(r.scope).toMatchObject({ ownerId: rep.id, teamId: null, name: 'Rep' });
    expect(r.sinceFrom).toBe('default');
    expect(Date.parse(r.until) - Date.parse(r.since)).toBe(7 * 86_400_000);
    expect(r.sections.map((s: Section) => s.section)).toEqual([
      'new',
      'forward',
      'back',
      'slipped',
      'valueChanged',
      'won',
      'lost',
      'stalled',
      'closingThisWeek',
      'closingNextWeek',
    ]);
    expect(titles(r, 'new')).toEqual(['Fresh win']);
    expect(titles(r, 'forward')).toEqual([VIET]);
    expect(titles(r, 'back')).toEqual(['Backward']);
    expect(titles(r, 'slipped')).toEqual(['Slipper']);
    expect(titles(r, 'valueChanged')).toEqual(['Dong', 'Raise']);
    expect(titles(r, 'won')).toEqual(['Fresh win', 'Winner']);
    expect(titles(r, 'lost')).toEqual(['Loser']);
    expect(titles(r, 'stalled')).toEqual(['Sleepy']);
    expect(titles(r, 'closingThisWeek')).toEqual(['This week']);
    expect(titles(r, 'closingNextWeek')).toEqual(['Next week']);
    const section = (name: string) => r.sections.find((s: Section) => s.section === name);
    expect(section('forward').deals[0].stage).toEqual({
      fromId: stages.Lead,
      fromName: 'Lead',
      toId: stages.Proposal,
      toName: 'Proposal',
      direction: 'forward',
    });
    expect(section('back').deals[0].stage.direction).toBe('back');
    expect(section('slipped').deals[0].closeDate).toEqual({
      from: '2027-03-01',
      to: '2027-03-11',
      days: 10,
    });
    // One total per currency: +500 USD and +1,000,000 VND, never added together.
    expect(section('valueChanged').totals).toEqual([
      { currency: 'USD', count: 1, amount: 500 },
      { currency: 'VND', count: 1, amount: 1_000_000 },
    ]);
    expect(section('won').totals).toEqual([{ currency: 'USD', count: 2, amount: 4500 }]);
    expect(section('lost').deals[0].closed).toMatchObject({
      outcome: 'lost',
      lostReason: 'Giá cao',
    });
    expect(section('stalled').deals[0].stalled).toEqual({ idleDays: 30, rottingDays: 5 });
    expect(r.weeks.nextWeek.from).toBe(addDays(r.weeks.thisWeek.to, 1));
    expect(r.quota).toBeNull();
  });

  it('compares the forecast with a week ago and shows the month’s quota', async () => {
    const monthStart = `${today.slice(0, 8)}01`;
    const quota = await admin.post('/api/v1/quotas', {
      userId: other.id,
      periodUnit: 'month',
      periodStart: monthStart,
      kind: 'amount',
      target: 5000,
    });
    expect(quota.status).toBe(201);
    const otherApi = apiAs(t.app, other.headers);
    await otherApi.post('/api/v1/forecast/submissions', {
      periodUnit: 'month',
      periodStart: monthStart,
      amount: 900,
      count: 1,
    });
    const r = (await managerApi.get(`/api/v1/review?ownerId=${other.id}`)).body;
    // A week ago 'Theirs' was open at 60%, expected today: 0.6 deals, 600; now it is won: 1, 1000.
    expect(r.forecast.stageWeighted).toEqual({
      now: { count: 1, amount: 1000, unconverted: [] },
      weekAgo: { count: 0.6, amount: 600, unconverted: [] },
      change: { count: 0.4, amount: 400 },
    });
    expect(r.forecast.submitted.now).toMatchObject({ amount: 900, count: 1 });
    expect(r.forecast.submitted.weekAgo).toBeNull();
    expect(r.quota).toMatchObject({ kind: 'amount', target: 5000, achieved: 1000, gap: 4000 });
  });

  it('reviews a team: its members’ deals, nobody else’s', async () => {
    const r = (await managerApi.get(`/api/v1/review?teamId=${teamId}`)).body;
    expect(r.scope).toMatchObject({ teamId, ownerId: null, name: 'East' });
    expect(titles(r, 'won')).toEqual(['Fresh win', 'Theirs', 'Winner']);
    expect(titles(r, 'forward')).toEqual([VIET]);
  });

  it('lets reps review only themselves and managers only their teams', async () => {
    expect((await repApi.get(`/api/v1/review?ownerId=${other.id}`)).status).toBe(403);
    expect((await repApi.get(`/api/v1/review?teamId=${teamId}`)).status).toBe(403);
    expect((await strangerApi.get(`/api/v1/review?teamId=${teamId}`)).status).toBe(403);
    expect((await managerApi.get(`/api/v1/review?ownerId=${outsider.id}`)).status).toBe(403);
    expect((await admin.get(`/api/v1/review?ownerId=${outsider.id}`)).status).toBe(200);
    // Another workspace's people and teams are not found.
    const elsewhere = await workspaceFactory(t.db);
    expect((await admin.get(`/api/v1/review?ownerId=${elsewhere.admin.id}`)).status).toBe(404);
    const theirTeam = await apiAs(t.app, elsewhere.admin.headers).post('/api/v1/teams', {
      name: 'West',
      memberIds: [],
    });
    expect((await admin.get(`/api/v1/review?teamId=${theirTeam.body.id}`)).status).toBe(404);
  });

  it('names the field of bad input', async () => {
    const bad = async (query: string, field: string) => {
      const res = await repApi.get(`/api/v1/review?${query}`);
      expect(res.status, query).toBe(400);
      expect(res.body.error.field, query).toBe(field);
    };
    await bad('since=yesterday', 'since');
    await bad('ownerId=nope', 'ownerId');
    await bad(`ownerId=${rep.id}&teamId=${teamId}`, 'teamId');
    await bad('since=2020-01-01', 'since');
    await bad(`until=2026-01-01T00:00:00Z&since=2026-02-01`, 'since');
  });
});

describe('completed reviews', () => {
  it('start the next review where the last one ended', async () => {
    const first = (await repApi.get('/api/v1/review')).body;
    const done = await repApi.post('/api/v1/review/done', {
      since: first.since,
      until: first.until,
    });
    expect(done.status).toBe(201);
    expect(done.body).toMatchObject({ ownerId: rep.id, reviewerId: rep.id, until: first.until });
    const next = (await repApi.get('/api/v1/review')).body;
    expect(next.sinceFrom).toBe('lastReview');
    expect(next.since).toBe(first.until);
    expect(titles(next, 'won')).toEqual([]);
    // Stalled and closing deals are about now, not about changes.
    expect(titles(next, 'stalled')).toEqual(['Sleepy']);
    const moved = await admin.post(`/api/v1/deals/${ids['Backward']}/move`, {
      stageId: stages.Proposal,
    });
    expect(moved.status).toBe(200);
    expect(titles((await repApi.get('/api/v1/review')).body, 'forward')).toEqual(['Backward']);
    // The team's reviews are its own: the team still starts seven days back.
    expect((await managerApi.get(`/api/v1/review?teamId=${teamId}`)).body.sinceFrom).toBe(
      'default',
    );
  });

  it('refuses a window in the future or backwards, and other people’s reviews', async () => {
    const future = new Date(Date.now() + 3_600_000).toISOString();
    const now = new Date().toISOString();
    const res = await repApi.post('/api/v1/review/done', { since: now, until: future });
    expect(res.status).toBe(400);
    expect(res.body.error.field).toBe('until');
    const backwards = await repApi.post('/api/v1/review/done', { since: now, until: back });
    expect(backwards.body.error.field).toBe('since');
    const theirs = await repApi.post('/api/v1/review/done', {
      ownerId: other.id,
      since: back,
      until: now,
    });
    expect(theirs.status).toBe(403);
  });
});

describe('exports', () => {
  const since = addDays(today, -7);
  it('writes one CSV with a section column', async () => {
    const res = await t.app.inject({
      url: `/api/v1/review.csv?since=${since}&lang=vi`,
      headers: rep.headers,
    });
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toContain('text/csv');
    const lines = res.body
      .replace(/^\uFEFF/, '')
      .trim()
      .split('\r\n');
    expect(lines[0]?.startsWith('Mục,Giao dịch,Mã giao dịch')).toBe(true);
    expect(lines.find((l) => l.startsWith('Tiến lên,'))).toContain(VIET);
    // Value changes in major units with their own currency.
    expect(lines.find((l) => l.startsWith('Thay đổi giá trị,Raise'))).toContain(
      ',10.00,USD,15.00,USD,',
    );
    expect(lines.find((l) => l.startsWith('Thay đổi giá trị,Dong'))).toContain(
      ',5000000,VND,6000000,VND,',
    );
  });

  it('draws a PDF whose text holds the Vietnamese deal name', async () => {
    const res = await t.app.inject({
      url: `/api/v1/review.pdf?since=${since}&lang=vi`,
      headers: rep.headers,
    });
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toBe('application/pdf');
    expect(res.rawPayload.subarray(0, 5).toString('latin1')).toBe('%PDF-');
    // Amounts in Vietnamese put a no-break space before the currency.
    const text = pdfText(res.rawPayload).replace(/\u00a0/g, ' ');
    expect(text).toContain(VIET);
    expect(text).toContain('Đánh giá pipeline: Rep');
    expect(text).toContain('Lùi ngày dự kiến chốt (1)');
    expect(text).toContain('Lead › Proposal');
    expect(text).toContain('Rep · Lost · 7,00 US$ · Giá cao');
    expect(text).toContain('Rep · Qualified · 10,00 US$ · 1 thg 3, 2027 › 11 thg 3, 2027 (+10)');
    expect(text).toContain(
      'Rep · Lead · 10,00 US$ · không hoạt động 30 ngày (giai đoạn cho phép 5)',
    );
    expect(text).toContain('Tổng: 5,00 US$ (1) · 1.000.000 ₫ (1)');
    // A character the font has no glyph for comes out as glyph 0 (a blank box): none may.
    expect(text).not.toContain('\u0000');
  });

  it('answers bad export input like the page', async () => {
    const res = await repApi.get('/api/v1/review.pdf?lang=fr');
    expect(res.status).toBe(400);
    expect(res.body.error.field).toBe('lang');
  });
});
