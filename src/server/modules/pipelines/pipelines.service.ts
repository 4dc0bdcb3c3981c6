import type { Kysely } from 'kysely';
import type { DB, StageKind } from '../../../db/schema.js';
import { conflict, forbidden, invalid, notFound, unprocessable } from '../../../domain/errors.js';
import {
  findTemplate,
  pipelineTemplates,
  salesTemplate,
  type PipelineTemplate,
} from '../../../domain/pipeline-templates.js';
import type { RequirableField } from '../../../domain/stage-requirements.js';
import type { Actor } from '../auth/actor.js';
import { MAX_STAGES } from '../../../contracts/pipelines.js';
import { moveAllDeals } from '../deals/deal-move.js';
import { checkVersionedUpdate } from '../shared/versioned-update.js';
import { insertPipelineFromTemplate } from '../workspaces/workspace-setup.js';
import * as repo from './pipelines.repository.js';

const requireManager = (actor: Actor) => {
  if (actor.role === 'rep') throw forbidden('Only admins and managers change pipelines');
};

export async function listPipelines(db: Kysely<DB>, actor: Actor) {
  const [pipelines, stages] = await Promise.all([
    repo.findPipelines(db, actor.workspaceId),
    repo.findStages(db, actor.workspaceId),
  ]);
  return pipelines.map((p) => repo.toPipeline(p, stages));
}

export async function getPipeline(db: Kysely<DB>, actor: Actor, id: string) {
  const pipeline = await repo.findPipeline(db, actor.workspaceId, id);
  if (!pipeline) throw notFound('Pipeline');
  return repo.toPipeline(pipeline, await repo.findStages(db, actor.workspaceId, [id]));
}

export const listTemplates = () =>
  pipelineTemplates.map((t) => ({ key: t.key, name: t.name, stages: t.stages }));

type Hygiene = {
  requiredFields?: RequirableField[] | undefined;
  closeDatePushLimit?: number | null | undefined;
};

type StageInput = Hygiene & {
  name: string;
  probability: number;
  rottingDays?: number | null | undefined;
  kind: StageKind;
};

function checkKinds(stages: { kind: StageKind }[], field: string) {
  for (const kind of ['won', 'lost'] as const) {
    if (stages.filter((s) => s.kind === kind).length > 1) {
      throw invalid(field, `A pipeline has at most one ${kind} stage`);
    }
  }
}

export async function createPipeline(
  db: Kysely<DB>,
  actor: Actor,
  input: { name: string; template?: string | undefined; stages?: StageInput[] | undefined },
) {
  requireManager(actor);
  let template: PipelineTemplate = salesTemplate;
  if (input.template) template = findTemplate(input.template) ?? salesTemplate;
  if (input.stages) {
    checkKinds(input.stages, 'stages');
    template = {
      key: 'custom',
      name: input.name,
      stages: input.stages.map((s) => ({ ...s, rottingDays: s.rottingDays ?? null })),
    };
  }
  const id = await db.transaction().execute(async (trx) => {
    const last = await trx
      .selectFrom('pipelines')
      .select((eb) => eb.fn.max('position').as('p'))
      .where('workspace_id', '=', actor.workspaceId)
      .executeTakeFirst();
    const pipeline = await insertPipelineFromTemplate(
      trx,
      actor.workspaceId,
      template,
      (last?.p ?? -1) + 1,
      input.name,
    );
    return pipeline.id;
  });
  return getPipeline(db, actor, id);
}

export async function renamePipeline(
  db: Kysely<DB>,
  actor: Actor,
  id: string,
  input: { version: number; name?: string | undefined },
) {
  requireManager(actor);
  const updated = await db
    .updateTable('pipelines')
    .set((eb) => ({
      ...(input.name && { name: input.name }),
      version: eb('version', '+', 1),
      updated_at: new Date(),
    }))
    .where('id', '=', id)
    .where('workspace_id', '=', actor.workspaceId)
    .where('version', '=', input.version)
    .returning('id')
    .executeTakeFirst();
  await checkVersionedUpdate(
    updated,
    'Pipeline',
    async () => (await repo.findPipeline(db, actor.workspaceId, id))?.version,
  );
  return getPipeline(db, actor, id);
}

export async function deletePipeline(db: Kysely<DB>, actor: Actor, id: string) {
  requireManager(actor);
  await db.transaction().execute(async (trx) => {
    const pipeline = await repo.findPipeline(trx, actor.workspaceId, id);
    if (!pipeline) throw notFound('Pipeline');
    const deals = await repo.countDealsInPipeline(trx, id);
    if (deals > 0) {
      throw conflict(`The pipeline holds ${deals} deals; move or delete them first`, undefined, {
        dealCount: deals,
      });
    }
    await trx.deleteFrom('pipelines').where('id', '=', id).execute();
  });
}

export async function addStage(
  db: Kysely<DB>,
  actor: Actor,
  pipelineId: string,
  input: StageInput & { position?: number | undefined },
) {
  requireManager(actor);
  await db.transaction().execute(async (trx) => {
    const pipeline = await repo.findPipeline(trx, actor.workspaceId, pipelineId);
    if (!pipeline) throw notFound('Pipeline');
    const stages = await repo.findStages(trx, actor.workspaceId, [pipelineId]);
    checkKinds([...stages, input], 'kind');
    // Every stage must still fit a reorder (stageOrderBody).
    // The message is literal so its Vietnamese can be looked up (plugins/error-messages.ts).
    if (stages.length >= MAX_STAGES) throw invalid('stages', 'A pipeline has at most 30 stages');
    // By default an open stage goes before the closing (won/lost) stages.
    const firstClosing = stages.findIndex((s) => s.kind !== 'open');
    const fallback = input.kind === 'open' && firstClosing >= 0 ? firstClosing : stages.length;
    const index = Math.min(input.position ?? fallback, stages.length);
    const stage = await trx
      .insertInto('stages')
      .values({
        workspace_id: actor.workspaceId,
        pipeline_id: pipelineId,
        name: input.name,
        position: index,
        probability: input.probability,
        rotting_days: input.rottingDays ?? null,
        kind: input.kind,
        required_fields: input.requiredFields ?? [],
        close_date_push_limit: input.closeDatePushLimit ?? null,
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    const order = stages.map((s) => s.id);
    order.splice(index, 0, stage.id);
    await repo.renumberStages(trx, order);
  });
  return getPipeline(db, actor, pipelineId);
}

export async function updateStage(
  db: Kysely<DB>,
  actor: Actor,
  id: string,
  input: Hygiene & {
    version: number;
    name?: string | undefined;
    probability?: number | undefined;
    rottingDays?: number | null | undefined;
  },
) {
  requireManager(actor);
  const updated = await db
    .updateTable('stages')
    .set((eb) => ({
      ...(input.name !== undefined && { name: input.name }),
      ...(input.probability !== undefined && { probability: input.probability }),
      ...(input.rottingDays !== undefined && { rotting_days: input.rottingDays }),
      ...(input.requiredFields !== undefined && { required_fields: input.requiredFields }),
      ...(input.closeDatePushLimit !== undefined && {
        close_date_push_limit: input.closeDatePushLimit,
      }),
      version: eb('version', '+', 1),
      updated_at: new Date(),
    }))
    .where('id', '=', id)
    .where('workspace_id', '=', actor.workspaceId)
    .where('version', '=', input.version)
    .returning('pipeline_id')
    .executeTakeFirst();
  const row = await checkVersionedUpdate(
    updated,
    'Stage',
    async () => (await repo.findStage(db, actor.workspaceId, id))?.version,
  );
  return getPipeline(db, actor, row.pipeline_id);
}

export async function reorderStages(
  db: Kysely<DB>,
  actor: Actor,
  pipelineId: string,
  stageIds: string[],
) {
  requireManager(actor);
  await db.transaction().execute(async (trx) => {
    const stages = await repo.findStages(trx, actor.workspaceId, [pipelineId]);
    if (!stages.length) throw notFound('Pipeline');
    const known = new Set(stages.map((s) => s.id));
    if (
      stageIds.length !== known.size ||
      new Set(stageIds).size !== known.size ||
      !stageIds.every((s) => known.has(s))
    ) {
      throw invalid('stageIds', 'List every stage of the pipeline exactly once');
    }
    await repo.renumberStages(trx, stageIds);
  });
  return getPipeline(db, actor, pipelineId);
}

/** Deleting a stage that holds deals needs a target stage for them; otherwise 409. */
export async function deleteStage(db: Kysely<DB>, actor: Actor, id: string, moveDealsTo?: string) {
  requireManager(actor);
  await db.transaction().execute(async (trx) => {
    const stage = await repo.findStage(trx, actor.workspaceId, id);
    if (!stage) throw notFound('Stage');
    const siblings = await repo.findStages(trx, actor.workspaceId, [stage.pipeline_id]);
    if (siblings.length === 1)
      throw unprocessable('A pipeline needs at least one stage; delete the pipeline instead');
    const count = await repo.countDealsInStage(trx, id);
    if (count > 0) {
      if (!moveDealsTo) {
        throw conflict(
          `The stage holds ${count} deals; say where they go with moveDealsTo`,
          'moveDealsTo',
          { dealCount: count },
        );
      }
      if (moveDealsTo === id) throw invalid('moveDealsTo', 'must be another stage');
      const target = await repo.findStage(trx, actor.workspaceId, moveDealsTo);
      if (!target) throw invalid('moveDealsTo', 'No such stage in this workspace');
      await moveAllDeals(trx, stage, target, actor.id);
    }
    await trx.deleteFrom('stages').where('id', '=', id).execute();
    await repo.renumberStages(
      trx,
      siblings.filter((s) => s.id !== id).map((s) => s.id),
    );
  });
}
