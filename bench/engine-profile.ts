import { board } from '../src/contracts/deals.js';
import { buildApp } from '../src/server/app.js';
import type { Config } from '../src/server/config.js';
import type { Actor } from '../src/server/modules/auth/actor.js';
import { scopeOf } from '../src/server/modules/access/visibility.js';
import { getBoard } from '../src/server/modules/deals/board.service.js';
import { moveDeal } from '../src/server/modules/deals/deal-move.js';
import { getDeal } from '../src/server/modules/deals/deals.service.js';
import { meanMsOf, profileOp, QueryProfiler } from './profile.js';
import { rawBoard, rawMove, rawRead } from './raw-sql.js';
import { BOARD_LIMIT, call, moveInputs, type Target } from './scenarios.js';

/**
 * Where the time goes, per operation, at three layers: raw SQL, the service function called
 * directly (query building, extra lookups, mapping), and the HTTP endpoint (routing, auth lookup,
 * zod validation of the request and the response, JSON). Each layer's mean is split into time
 * inside queries (compile, round trip, parsing) and outside them (BEGIN/COMMIT count as outside).
 */
export async function profileEngine(
  t: Target,
  config: Config,
  n = { board: 30, move: 200, read: 300 },
) {
  const profiler = new QueryProfiler();
  const db = profiler.attach(t.db);
  const app = await buildApp({ db, config });
  await app.ready();
  const p: Target = { db, app, seeded: t.seeded };
  const { workspaceId, pipelineId, stages, adminId, sampleDealIds } = t.seeded;
  const actor: Actor = { id: adminId, workspaceId, role: 'admin', visibility: 'team' };
  const stageIds = stages.map((s) => s.id);
  const dealAt = (i: number) => sampleDealIds[(i * 7) % sampleDealIds.length] as string;
  try {
    const boardUrl = `/api/v1/pipelines/${pipelineId}/board?limit=${BOARD_LIMIT}`;
    const sample = await getBoard(db, actor, pipelineId, { limit: BOARD_LIMIT });
    const boardProfile = {
      app: await profileOp(profiler, n.board, () => call(p, 'GET', boardUrl)),
      service: await profileOp(profiler, n.board, () =>
        getBoard(db, actor, pipelineId, { limit: BOARD_LIMIT }),
      ),
      raw: await profileOp(profiler, n.board, () =>
        rawBoard(db, workspaceId, pipelineId, stageIds, BOARD_LIMIT),
      ),
      // What fastify-type-provider-zod's serializer does with the handler's result.
      responseZodParseMs: meanMsOf(20, () => board.safeParse(sample)),
      responseJsonStringifyMs: meanMsOf(20, () => JSON.stringify(sample)),
      responseBytes: JSON.stringify(sample).length,
    };

    const inputs = moveInputs(t.seeded, n.move * 3, 7);
    const mv = (i: number) => inputs[i] as (typeof inputs)[number];
    const moveProfile = {
      app: await profileOp(profiler, n.move, (i) =>
        call(p, 'POST', `/api/v1/deals/${mv(i).appDeal}/move`, {
          stageId: mv(i).stageId,
          position: mv(i).index,
        }),
      ),
      service: await profileOp(profiler, n.move, async (i) => {
        const m = mv(n.move + i);
        const scope = await scopeOf(db, actor);
        await moveDeal(db, scope, actor.id, m.appDeal, { stageId: m.stageId, position: m.index });
        return getDeal(db, scope, m.appDeal);
      }),
      raw: await profileOp(profiler, n.move, (i) => {
        const m = mv(2 * n.move + i);
        return rawMove(db, workspaceId, adminId, m.rawDeal, m.stageId, m.index);
      }),
    };

    const readProfile = {
      app: await profileOp(profiler, n.read, (i) => call(p, 'GET', `/api/v1/deals/${dealAt(i)}`)),
      service: await profileOp(profiler, n.read, async (i) =>
        getDeal(db, await scopeOf(db, actor), dealAt(i)),
      ),
      raw: await profileOp(profiler, n.read, (i) => rawRead(db, workspaceId, dealAt(i))),
    };

    // The floor of an in-process request: routing and light-my-request, no auth, no query.
    const health = await profileOp(profiler, 500, () =>
      app.inject({ method: 'GET', url: '/api/v1/health' }),
    );
    return {
      httpFloorMs: health.wallMs,
      board: boardProfile,
      move: moveProfile,
      read: readProfile,
    };
  } finally {
    await app.close();
  }
}
