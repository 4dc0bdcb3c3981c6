import type { DealStatus } from '../../../db/schema.js';
import {
  parseAmountMinor,
  parseDate,
  parseInstant,
  parsePercent,
  parseStatus,
} from '../../../domain/import-values.js';
import { currencyExponent, isKnownCurrency } from '../../../domain/money.js';
import { foldText } from '../../../domain/normalise.js';
import {
  findOwner,
  findPipeline,
  findStage,
  type LookupPipeline,
  type LookupStage,
  type Lookups,
} from './import-lookups.js';
import type { RowCheck } from './row-check.js';

/** The user's choices for deals: default pipeline, stage renames, creating unknown stages. */
export type DealImportOptions = {
  pipeline?: string | undefined;
  /** Folded stage name in the file -> name of an existing stage. */
  stageMap: ReadonlyMap<string, string>;
  createStages: boolean;
};

export type CheckContext = {
  lookups: Lookups;
  /** Creation time for rows without one; fixed for the run, so both passes agree. */
  now: Date;
  decimalComma: boolean;
  deals: DealImportOptions;
};

/** A stage that does not exist yet; the run creates it (open, at the end of the open stages). */
export type NewStage = { pipelineId: string; name: string };

/** A deal row checked and resolved: everything the writer needs, nothing left to look up. */
export type DealPlan = {
  title: string;
  pipelineId: string;
  /** The stage the deal was created in, and the one it is in now (equal when it never moved). */
  startStage: LookupStage;
  stage: LookupStage;
  status: DealStatus;
  value: number;
  currency: string;
  ownerId: string | null;
  companyName: string | null;
  expectedCloseDate: string | null;
  source: string | null;
  lostReason: string | null;
  probability: number | null;
  createdAt: Date;
  /** When the deal entered `stage`; when it closed, for won and lost deals. */
  stageEnteredAt: Date;
  closedAt: Date | null;
  newStage: NewStage | null;
};

const stageNames = (p: LookupPipeline) => p.stages.map((s) => `"${s.name}"`).join(', ');

function resolveStage(
  c: RowCheck,
  ctx: CheckContext,
  pipeline: LookupPipeline,
  field: 'stage' | 'createdInStage',
) {
  const written = c.text(field);
  const name = ctx.deals.stageMap.get(foldText(written)) ?? written;
  const stage = findStage(pipeline, name);
  if (stage) return { stage, newStage: null };
  if (field === 'stage' && ctx.deals.createStages) {
    const placeholder: LookupStage = {
      id: '',
      name,
      kind: 'open',
      position: 0,
      probability: 0,
      required_fields: [],
    };
    return { stage: placeholder, newStage: { pipelineId: pipeline.id, name } };
  }
  c.fail(
    field,
    `"${written}" is not a stage of pipeline "${pipeline.name}" (its stages: ${stageNames(pipeline)}); map it with --stage "${written}=<stage>" or add it with --create-stages`,
  );
  return null;
}

/**
 * The stage a deal was created in, where the file does not say: the open stage written for a
 * closed deal; for an open deal that entered its stage after it was created, the pipeline's first
 * stage (it came from somewhere earlier, and that is the best guess); else the stage itself.
 */
function startOf(
  status: DealStatus,
  written: LookupStage,
  stage: LookupStage,
  createdAt: Date,
  enteredAt: Date | null,
  firstOpen: LookupStage | undefined,
): LookupStage {
  if (status !== 'open') return written.kind === 'open' ? written : (firstOpen ?? stage);
  return enteredAt && enteredAt > createdAt ? (firstOpen ?? stage) : stage;
}

/** Checks one deal row against the workspace; null (with its problems recorded) when it is wrong. */
export function checkDealRow(c: RowCheck, ctx: CheckContext): DealPlan | null {
  const { lookups } = ctx;
  const title = c.required('title');
  const pipelineName = c.text('pipeline') || ctx.deals.pipeline;
  const pipeline = pipelineName ? findPipeline(lookups, pipelineName) : lookups.pipelines[0];
  if (!pipeline)
    return c.fail(
      'pipeline',
      `there is no pipeline "${pipelineName}" (there are: ${lookups.pipelines.map((p) => `"${p.name}"`).join(', ')})`,
    );
  const currency = (c.text('currency') || lookups.defaultCurrency).toUpperCase();
  if (!isKnownCurrency(currency))
    return c.fail('currency', `"${c.text('currency')}" is not an ISO 4217 currency code`);
  const value =
    c.parse('value', (t) => parseAmountMinor(t, currencyExponent(currency), ctx.decimalComma)) ?? 0;
  const writtenStatus = c.parse('status', parseStatus);
  const firstOpen = pipeline.stages.find((s) => s.kind === 'open');
  const byKind = (kind: DealStatus) => pipeline.stages.find((s) => s.kind === kind);

  let resolved: { stage: LookupStage; newStage: NewStage | null } | null = null;
  if (c.text('stage')) resolved = resolveStage(c, ctx, pipeline, 'stage');
  else {
    const stage = byKind(writtenStatus ?? 'open') ?? firstOpen;
    if (!stage)
      return c.fail('stage', `is empty and pipeline "${pipeline.name}" has no stage to default to`);
    resolved = { stage, newStage: null };
  }
  const createdIn = c.text('createdInStage')
    ? resolveStage(c, ctx, pipeline, 'createdInStage')
    : null;
  if (!resolved || !c.ok) return null;
  if (createdIn && createdIn.stage.kind !== 'open')
    return c.fail('createdInStage', `"${createdIn.stage.name}" is not an open stage`);

  const status = writtenStatus ?? (resolved.stage.kind === 'open' ? 'open' : resolved.stage.kind);
  if (resolved.stage.kind !== 'open' && resolved.stage.kind !== status)
    return c.fail(
      'status',
      `is ${status} but stage "${resolved.stage.name}" holds ${resolved.stage.kind} deals`,
    );
  // A closed deal written with the open stage it was in goes on to the pipeline's won/lost stage.
  const stage =
    status !== 'open' && resolved.stage.kind === 'open'
      ? (byKind(status) ?? resolved.stage)
      : resolved.stage;

  const instant = (t: string) => parseInstant(t, lookups.timeZone);
  const createdAt = c.parse('createdAt', instant) ?? ctx.now;
  const enteredAt = c.parse('stageEnteredAt', instant);
  const closedAt = c.parse('closedAt', instant);
  const expectedCloseDate = c.parse('expectedCloseDate', parseDate);
  const probability = c.parse('probability', parsePercent);
  if (!c.ok) return null;
  for (const [field, at] of [
    ['createdAt', createdAt],
    ['stageEnteredAt', enteredAt],
    ['closedAt', closedAt],
  ] as const)
    if (at && at.getTime() > ctx.now.getTime() + 60_000) return c.fail(field, 'is in the future');
  if (status === 'open' && closedAt) return c.fail('closedAt', 'is set, but the deal is open');
  if (status !== 'open' && !closedAt)
    return c.fail('closedAt', `is empty; a ${status} deal needs the time it closed`);
  if (closedAt && closedAt < createdAt)
    return c.fail('closedAt', 'is before the time the deal was created');
  if (enteredAt && enteredAt < createdAt)
    return c.fail('stageEnteredAt', 'is before the time the deal was created');
  const lostReason = c.text('lostReason') || null;
  if (lostReason && status !== 'lost')
    return c.fail('lostReason', `is set, but the deal is ${status}`);

  let ownerId: string | null = null;
  if (c.text('owner')) {
    const owner = findOwner(lookups, c.text('owner'));
    if ('problem' in owner) return c.fail('owner', owner.problem);
    ownerId = owner.id;
  }
  const startStage =
    createdIn?.stage ?? startOf(status, resolved.stage, stage, createdAt, enteredAt, firstOpen);
  // The closing move happens when the deal closed; an open deal's last move when it entered.
  const movedAt = status === 'open' ? (enteredAt ?? createdAt) : (closedAt as Date);
  return {
    title: title as string,
    pipelineId: pipeline.id,
    startStage,
    stage,
    status,
    value,
    currency,
    ownerId,
    companyName: c.text('company') || null,
    expectedCloseDate,
    source: c.text('source') || null,
    lostReason,
    probability,
    createdAt,
    stageEnteredAt: startStage === stage ? createdAt : movedAt,
    closedAt,
    newStage: resolved.newStage,
  };
}
