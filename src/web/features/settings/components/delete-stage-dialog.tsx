import { useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Button } from '../../../components/ui/button';
import { Dialog } from '../../../components/ui/dialog';
import { useToast } from '../../../components/ui/toast';
import { ApiError } from '../../../lib/api-client';
import { useStageName, type Pipeline, type Stage } from '../../../lib/queries/pipelines';
import { useDeleteStage } from '../api/delete-stage';
import { dealCountOf } from '../api-errors';

// Give it key={stage id}: each stage to delete starts over with the question.
type Props = { stage: Stage | null; pipelines: Pipeline[]; onClose: () => void };

/**
 * Asks before deleting a stage. When the API says the stage holds deals (409 with dealCount),
 * the dialog asks where they go (any stage of any pipeline) and deletes with moveDealsTo.
 */
export function DeleteStageDialog({ stage, pipelines, onClose }: Props) {
  const { t } = useTranslation('settings');
  const stageName = useStageName();
  const toast = useToast();
  const remove = useDeleteStage();
  const selectId = useId();
  const [dealCount, setDealCount] = useState<number | null>(null);
  const [target, setTarget] = useState('');

  const siblings = stage ? (pipelines.find((p) => p.id === stage.pipelineId)?.stages ?? []) : [];
  const nearest = () => {
    const index = siblings.findIndex((s) => s.id === stage?.id);
    return (siblings[index - 1] ?? siblings[index + 1])?.id ?? '';
  };

  const submit = () => {
    if (!stage) return;
    remove.mutate(
      { id: stage.id, ...(dealCount !== null && target && { moveDealsTo: target }) },
      {
        onSuccess: () => {
          toast.show(
            dealCount ? t('stages.deletedMoved', { count: dealCount }) : t('stages.deleted'),
          );
          onClose();
        },
        onError: (error) => {
          const count = dealCountOf(error);
          if (count !== null && dealCount === null) {
            setDealCount(count);
            setTarget(nearest());
            remove.reset();
          }
        },
      },
    );
  };

  const name = stage ? stageName(stage.name) : '';
  const error =
    remove.error instanceof ApiError
      ? remove.error.message
      : remove.error
        ? t('errors.network')
        : null;

  return (
    <Dialog open={stage !== null} title={t('stages.deleteTitle', { name })} onClose={onClose}>
      {dealCount === null ? (
        <p>{t('stages.deleteBody')}</p>
      ) : (
        <div className="field">
          <p>{t('stages.holdsDeals', { count: dealCount })}</p>
          <label htmlFor={selectId}>{t('stages.moveTo')}</label>
          <select id={selectId} value={target} onChange={(e) => setTarget(e.target.value)}>
            {pipelines.map((p) => (
              <optgroup key={p.id} label={stageName(p.name)}>
                {p.stages
                  .filter((s) => s.id !== stage?.id)
                  .map((s) => (
                    <option key={s.id} value={s.id}>
                      {stageName(s.name)}
                    </option>
                  ))}
              </optgroup>
            ))}
          </select>
        </div>
      )}
      {error && (
        <p className="field-error settings-dialog-error" role="alert">
          {error}
        </p>
      )}
      <div className="dialog-actions">
        <Button onClick={onClose}>{t('actions.cancel')}</Button>
        <Button
          variant="danger"
          onClick={submit}
          disabled={remove.isPending || (dealCount !== null && !target)}
        >
          {remove.isPending
            ? t('state.working')
            : dealCount === null
              ? t('stages.delete')
              : t('stages.moveAndDelete')}
        </Button>
      </div>
    </Dialog>
  );
}
