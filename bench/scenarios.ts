import type { Kysely } from 'kysely';
import type { DB } from '../src/db/schema.js';
import type { TypedApp } from '../src/server/app-context.js';
import { createRandom } from '../src/domain/random.js';
import { rawBoard, rawMove, rawRead } from './raw-sql.js';
import type { Seeded } from './seed.js';
import { alternate, latencyOf, ratio, throughputOf, type PairPlan } from './timing.js';

export const BOARD_LIMIT = 50;
export const BOARD_AIM = 1.5;
export const MOVE_AIM = 0.8;

export type Plans = { board: PairPlan; move: PairPlan; read: PairPlan };

// Short alternating blocks, so that both sides see the same background load.
export const defaultPlans: Plans = {
  board: { warmup: 10, rounds: 20, perRound: 6 },
  move: { warmup: 50, rounds: 20, perRound: 75 },
  read: { warmup: 100, rounds: 20, perRound: 150 },
};

export type Target = { db: Kysely<DB>; app: TypedApp; seeded: Seeded };

/** One in-process HTTP call as the admin; anything but 200 stops the run. */
export async function call(t: Target, method: 'GET' | 'POST', url: string, payload?: object) {
  const res = await t.app.inject({
    method,
    url,
    headers: { authorization: t.seeded.authorization },
    ...(payload && { payload }),
  });
  if (res.statusCode !== 200) throw new Error(`${method} ${url} -> ${res.statusCode}: ${res.body}`);
  return res;
}

export async function benchBoard(t: Target, plan: PairPlan) {
  const { workspaceId, pipelineId, stages } = t.seeded;
  const stageIds = stages.map((s) => s.id);
  const url = `/api/v1/pipelines/${pipelineId}/board?limit=${BOARD_LIMIT}`;
  const pair = await alternate(
    plan,
    () => call(t, 'GET', url),
    () => rawBoard(t.db, workspaceId, pipelineId, stageIds, BOARD_LIMIT),
  );
  const app = latencyOf(pair.app);
  const raw = latencyOf(pair.raw);
  const ratios = {
    p50: ratio(app.p50Ms, raw.p50Ms),
    p95: ratio(app.p95Ms, raw.p95Ms),
    mean: ratio(app.meanMs, raw.meanMs),
  };
  return {
    limit: BOARD_LIMIT,
    app,
    raw,
    ratio: ratios,
    aim: `app p50 and p95 within ${BOARD_AIM}x of raw SQL`,
    meetsAim: ratios.p50 <= BOARD_AIM && ratios.p95 <= BOARD_AIM,
  };
}

export type MoveInput = { appDeal: string; rawDeal: string; stageId: string; index: number };

/** The same random targets on both sides, but disjoint deals so neither side re-moves the other's. */
export function moveInputs(seeded: Seeded, count: number, seed = 42): MoveInput[] {
  const random = createRandom(seed);
  const ids = seeded.sampleDealIds;
  return Array.from({ length: count }, (_, i) => ({
    appDeal: ids[(2 * i) % ids.length] as string,
    rawDeal: ids[(2 * i + 1) % ids.length] as string,
    stageId: random.pick(seeded.openStageIds),
    index: random.int(0, 20),
  }));
}

const planSize = (p: PairPlan) => p.warmup + p.rounds * p.perRound;

export async function benchMove(t: Target, plan: PairPlan) {
  const { workspaceId, adminId } = t.seeded;
  const inputs = moveInputs(t.seeded, planSize(plan));
  const at = (i: number) => inputs[i] as MoveInput;
  const pair = await alternate(
    plan,
    (i) =>
      call(t, 'POST', `/api/v1/deals/${at(i).appDeal}/move`, {
        stageId: at(i).stageId,
        position: at(i).index,
      }),
    (i) => rawMove(t.db, workspaceId, adminId, at(i).rawDeal, at(i).stageId, at(i).index),
  );
  const app = throughputOf(pair.app);
  const raw = throughputOf(pair.raw);
  const r = ratio(app.opsPerSec, raw.opsPerSec);
  return {
    app,
    raw,
    ratio: r,
    aim: `app rate at least ${MOVE_AIM * 100}% of raw SQL`,
    meetsAim: r >= MOVE_AIM,
  };
}

export async function benchRead(t: Target, plan: PairPlan) {
  const ids = t.seeded.sampleDealIds;
  const id = (i: number) => ids[i % ids.length] as string;
  const pair = await alternate(
    plan,
    (i) => call(t, 'GET', `/api/v1/deals/${id(i)}`),
    (i) => rawRead(t.db, t.seeded.workspaceId, id(i)),
  );
  const app = throughputOf(pair.app);
  const raw = throughputOf(pair.raw);
  return { app, raw, ratio: ratio(app.opsPerSec, raw.opsPerSec) };
}
