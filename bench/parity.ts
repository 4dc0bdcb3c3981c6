import { rawBoard, rawMove, rawRead } from './raw-sql.js';
import { BOARD_LIMIT, call, type Target } from './scenarios.js';

type BoardBody = {
  columns: {
    stage: { id: string };
    count: number;
    totals: { currency: string; value: number; weighted: number }[];
    deals: { id: string }[];
  }[];
};

function same(what: string, app: unknown, raw: unknown): void {
  const a = JSON.stringify(app);
  const r = JSON.stringify(raw);
  if (a !== r)
    throw new Error(
      `raw SQL does not match the app for ${what}: app ${a.slice(0, 200)} raw ${r.slice(0, 200)}`,
    );
}

/**
 * Before timing anything: the raw SQL must return what the app returns (same first pages, counts
 * and totals; same deal on a read), or the comparison would be of different work.
 */
export async function checkParity(t: Target, deals: number): Promise<void> {
  const { workspaceId, pipelineId, stages, sampleDealIds } = t.seeded;
  const res = await call(t, 'GET', `/api/v1/pipelines/${pipelineId}/board?limit=${BOARD_LIMIT}`);
  const app = res.json<BoardBody>();
  const raw = await rawBoard(
    t.db,
    workspaceId,
    pipelineId,
    stages.map((s) => s.id),
    BOARD_LIMIT,
  );
  same(
    'board stages',
    app.columns.map((c) => c.stage.id),
    stages.map((s) => s.id),
  );
  same(
    'board deal count',
    app.columns.reduce((n, c) => n + c.count, 0),
    deals,
  );
  stages.forEach((stage, i) => {
    const column = app.columns[i];
    const own = raw.totals.filter((r) => r.stage_id === stage.id);
    same(
      `first page of stage ${i}`,
      column?.deals.map((d) => d.id),
      raw.pages[i]?.slice(0, BOARD_LIMIT).map((d) => d.id),
    );
    same(
      `count of stage ${i}`,
      column?.count,
      own.reduce((n, r) => n + Number(r.count), 0),
    );
    same(
      `totals of stage ${i}`,
      column?.totals,
      own.map((r) => ({ currency: r.currency.trim(), value: r.value, weighted: r.weighted })),
    );
  });
  const id = sampleDealIds[0] as string;
  const deal = (await call(t, 'GET', `/api/v1/deals/${id}`)).json<{
    id: string;
    version: number;
  }>();
  const row = await rawRead(t.db, workspaceId, id);
  same('a deal read', [deal.id, deal.version], [row.id, row.version]);
}

/** A raw move leaves the deal as an app move would: in the stage, one version on, with its event. */
export async function checkMoveParity(t: Target): Promise<void> {
  const { workspaceId, adminId, openStageIds, sampleDealIds } = t.seeded;
  const id = sampleDealIds[sampleDealIds.length - 1] as string;
  const before = (await call(t, 'GET', `/api/v1/deals/${id}`)).json<{
    stageId: string;
    version: number;
  }>();
  const target = openStageIds.find((s) => s !== before.stageId) as string;
  await rawMove(t.db, workspaceId, adminId, id, target, 0);
  const after = (await call(t, 'GET', `/api/v1/deals/${id}`)).json<{
    stageId: string;
    version: number;
    status: string;
  }>();
  same(
    'a raw move',
    [after.stageId, after.version, after.status],
    [target, before.version + 1, 'open'],
  );
  const history = (await call(t, 'GET', `/api/v1/deals/${id}/history`)).json<{
    data: { type: string; toStageId: string | null }[];
  }>();
  const stageEvents = history.data.filter((e) => e.type === 'stage');
  same('the raw move event', stageEvents[stageEvents.length - 1]?.toStageId, target);
}
