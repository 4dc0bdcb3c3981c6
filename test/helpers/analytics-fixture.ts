// A small history for the analytics tests, built through the API. Creations are back-dated into
// early 2026 (admins may, for imports); moves, wins, losses and edits happen now. Every expected
// number in the tests is worked out by hand from this story (see the comments there).
import { localDate, addDays } from '../../src/domain/local-day.js';
import { apiAs, type Api } from './api.js';
import { dealFactory, salesPipeline } from './factories.js';
import { userFactory, workspaceFactory, type TestApp, type TestUser } from './test-app.js';

export const ZONE = 'Asia/Ho_Chi_Minh';
type Stage = { id: string; name: string };
type Deal = { id: string; version: number; createdAt: string; stageEnteredAt: string };

export type AnalyticsFixture = Awaited<ReturnType<typeof analyticsFixture>>;

export async function analyticsFixture(t: TestApp) {
  const ws = await workspaceFactory(t.db);
  const api = apiAs(t.app, ws.admin.headers);
  const settings = (await api.get('/api/v1/workspace')).body;
  const zoned = await api.patch('/api/v1/workspace', {
    version: settings.version,
    timezone: ZONE,
  });
  if (zoned.status !== 200) throw new Error(`workspace: ${JSON.stringify(zoned.body)}`);
  const rep: TestUser = await userFactory(t.db, ws.workspaceId, { role: 'rep' });
  const created = await api.post('/api/v1/pipelines', {
    name: 'Analytics',
    stages: [
      { name: 'Lead', probability: 10 },
      { name: 'Qualified', probability: 30 },
      { name: 'Proposal', probability: 60 },
      { name: 'Won', probability: 100, kind: 'won' },
      { name: 'Lost', probability: 0, kind: 'lost' },
    ],
  });
  if (created.status !== 201) throw new Error(`pipeline: ${JSON.stringify(created.body)}`);
  const pipeline: { id: string; stages: Stage[] } = created.body;
  const stage = (name: string) => pipeline.stages.find((s) => s.name === name) as Stage;
  const sales = await salesPipeline(api);

  const deal = (
    stageName: string,
    createdAt: string,
    value: number,
    extra: Record<string, unknown> = {},
  ): Promise<Deal> =>
    dealFactory(api, {
      pipelineId: pipeline.id,
      stageId: stage(stageName).id,
      createdAt,
      value,
      currency: 'USD',
      ...extra,
    });
  const A = await deal('Lead', '2026-01-10T03:00:00.000Z', 1000, { source: 'Referral' });
  const B = await deal('Lead', '2026-01-20T03:00:00.000Z', 2000);
  const C = await deal('Qualified', '2026-02-05T03:00:00.000Z', 5_000_000, {
    currency: 'VND',
    source: 'Referral',
  });
  const D = await deal('Won', '2026-02-10T03:00:00.000Z', 3000);
  // 23:30 on 31 March in Ho Chi Minh City, and 00:30 on 1 April there (both 31 March in UTC).
  const E = await deal('Lead', '2026-03-31T16:30:00.000Z', 4000, { ownerId: rep.id });
  const F = await deal('Proposal', '2026-03-31T17:30:00.000Z', 500, { ownerId: rep.id });
  const G: Deal = await dealFactory(api, {
    pipelineId: sales.id,
    stageId: sales.stage('Prospecting').id,
    createdAt: '2026-02-01T03:00:00.000Z',
    value: 700,
    currency: 'USD',
  });

  /** Moves now and answers the instant the deal entered the stage. */
  const move = async (d: Deal, to: Stage) => {
    const res = await api.post(`/api/v1/deals/${d.id}/move`, { stageId: to.id });
    if (res.status !== 200) throw new Error(`move: ${JSON.stringify(res.body)}`);
    return Date.parse(res.body.stageEnteredAt);
  };
  const a1 = await move(A, stage('Qualified'));
  const a2 = await move(A, stage('Proposal'));
  const a3 = await move(A, stage('Won'));
  const b1 = await move(B, stage('Qualified'));
  const b2 = await move(B, stage('Lost'));
  const g1 = await move(G, stage('Qualified'));
  const raised = await api.patch(`/api/v1/deals/${C.id}`, { version: C.version, value: 6_000_000 });
  if (raised.status !== 200) throw new Error(`update: ${JSON.stringify(raised.body)}`);

  // Tomorrow in the zone: a period up to it holds every change made now.
  const tomorrow = addDays(localDate(new Date(), ZONE), 1);
  return {
    t,
    api,
    admin: ws.admin,
    workspaceId: ws.workspaceId,
    rep,
    repApi: apiAs(t.app, rep.headers) as Api,
    pipeline,
    stage,
    sales,
    deals: { A, B, C, D, E, F, G },
    at: { a1, a2, a3, b1, b2, g1 },
    tomorrow,
  };
}
