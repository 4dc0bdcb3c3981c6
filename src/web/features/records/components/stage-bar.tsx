import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useToast } from '../../../components/ui/toast';
import { ApiError } from '../../../lib/api-client';
import type { Deal } from '../../../lib/queries/deal-types';
import { usePipelines, useStageName, type Stage } from '../../../lib/queries/pipelines';
import { useMoveDeal } from '../api/use-move-deal';
import type { DealPatch } from '../api/use-update-deal';
import { isConflict } from '../use-record-save';
import { LostReasonDialog } from './lost-reason-dialog';

type StageBarProps = {
  deal: Deal;
  save: (patch: DealPatch) => Promise<void>;
  watch: <R>(work: Promise<R>) => Promise<R>;
};

const kindOrder = { open: 0, won: 1, lost: 2 } as const;

/** The pipeline's stages in order, won and lost last: a click moves the deal there. */
export function StageBar({ deal, save, watch }: StageBarProps) {
  const { t } = useTranslation('records');
  const stageName = useStageName();
  const pipelines = usePipelines();
  const move = useMoveDeal(deal.id);
  const toast = useToast();
  const [askLost, setAskLost] = useState(false);
  const wrap = useRef<HTMLDivElement>(null);
  const pipeline = pipelines.data?.find((p) => p.id === deal.pipelineId);

  // On a phone the bar scrolls sideways: keep the current stage in view.
  useEffect(() => {
    const box = wrap.current;
    const current = box?.querySelector<HTMLElement>('[aria-current="step"]')?.parentElement;
    if (box && current) {
      box.scrollLeft = current.offsetLeft - (box.clientWidth - current.offsetWidth) / 2;
    }
  }, [deal.stageId, pipeline]);

  if (!pipeline) return <div className="rec-stagebar-placeholder" aria-hidden="true" />;

  const stages = [...pipeline.stages].sort(
    (a, b) => kindOrder[a.kind] - kindOrder[b.kind] || a.position - b.position,
  );
  // While a move is on its way, show it as done: the server answers in a blink or says why not.
  const currentId = move.isPending ? move.variables.stageId : deal.stageId;
  const currentIndex = stages.findIndex((s) => s.id === currentId);

  const go = (stage: Stage) => {
    if (stage.id === deal.stageId || move.isPending) return;
    if (stage.kind === 'lost') return setAskLost(true);
    watch(move.mutateAsync({ stageId: stage.id, version: deal.version })).then(
      () => toast.show(t('stageBar.moved', { stage: stageName(stage.name) })),
      (err: unknown) => {
        if (!isConflict(err)) {
          toast.show(err instanceof ApiError ? err.message : t('inline.failed'), 'error');
        }
      },
    );
  };

  const stateOf = (stage: Stage, i: number) => {
    if (i === currentIndex) return 'current';
    if (stage.kind === 'open' && i < currentIndex && deal.status !== 'lost') return 'done';
    return 'todo';
  };

  return (
    <div
      ref={wrap}
      className="rec-stagebar-wrap"
      role="group"
      aria-label={t('stageBar.label', { pipeline: stageName(pipeline.name) })}
    >
      <ol className="rec-stagebar" data-testid="stage-bar">
        {stages.map((stage, i) => (
          <li
            key={stage.id}
            className={`rec-stage rec-stage-${stage.kind} rec-stage-${stateOf(stage, i)}`}
          >
            <button
              type="button"
              aria-current={i === currentIndex ? 'step' : undefined}
              title={t('stageBar.moveTo', {
                stage: stageName(stage.name),
                probability: stage.probability,
              })}
              onClick={() => go(stage)}
            >
              {stageName(stage.name)}
            </button>
          </li>
        ))}
      </ol>
      <LostReasonDialog open={askLost} onClose={() => setAskLost(false)} save={save} />
    </div>
  );
}
