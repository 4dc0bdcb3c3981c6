import type { DealStatus } from '../../../db/schema.js';
import { foldText } from '../../../domain/normalise.js';
import type { CrmPreset } from './crm-presets.js';
import { findStage, type LookupPipeline, type LookupStage } from './import-lookups.js';
import type { RowCheck } from './row-check.js';

/** A stage that does not exist yet; the run creates it (open, at the end of the open stages). */
export type NewStage = { pipelineId: string; name: string };

export type StageChoices = {
  /** Folded stage name in the file -> name of an existing stage (the user's --stage). */
  stageMap: ReadonlyMap<string, string>;
  createStages: boolean;
  preset: CrmPreset | null;
};

const stageNames = (p: LookupPipeline) => p.stages.map((s) => `"${s.name}"`).join(', ');

/** Where a preset puts one of its CRM's default stage names, if that stage exists here. */
function presetStage(preset: CrmPreset | null, pipeline: LookupPipeline, written: string) {
  const target = preset?.stages.get(foldText(written));
  if (!target) return undefined;
  return 'kind' in target
    ? pipeline.stages.find((s) => s.kind === target.kind)
    : findStage(pipeline, target.name);
}

/**
 * The stage a row names: the user's --stage first, then a stage of that name, then the preset's
 * reading of the CRM's default stages; else created (with --create-stages) or a problem.
 */
export function resolveStage(
  c: RowCheck,
  choices: StageChoices,
  pipeline: LookupPipeline,
  field: 'stage' | 'createdInStage',
): { stage: LookupStage; newStage: NewStage | null } | null {
  const written = c.text(field);
  const mapped = choices.stageMap.get(foldText(written));
  const name = mapped ?? written;
  const stage =
    findStage(pipeline, name) ??
    (mapped ? undefined : presetStage(choices.preset, pipeline, written));
  if (stage) return { stage, newStage: null };
  if (field === 'stage' && choices.createStages) {
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
export function startOf(
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
