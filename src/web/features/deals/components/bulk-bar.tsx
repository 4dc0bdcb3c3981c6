import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Button } from '../../../components/ui/button';
import { useToast } from '../../../components/ui/toast';
import { useUsers } from '../../../lib/queries/people';
import { usePipelines } from '../../../lib/queries/pipelines';
import { useBulkEdit, type BulkSet } from '../api/use-bulk-edit';
import { SelectField } from './select-field';
import { StageOptions, UserOptions } from './user-options';

type Props = { ids: string[]; onDone: () => void; onClear: () => void };

/** Changes the owner or the stage of every selected deal in one all-or-nothing request. */
export function BulkBar({ ids, onDone, onClear }: Props) {
  const { t } = useTranslation('deals');
  const toast = useToast();
  const users = useUsers();
  const pipelines = usePipelines();
  const bulk = useBulkEdit();
  const [ownerId, setOwnerId] = useState('');
  const [stageId, setStageId] = useState('');

  const apply = (set: BulkSet) =>
    bulk.mutate(
      { ids, set },
      {
        onSuccess: ({ data }) => {
          toast.show(t('bulk.done', { count: data.length }));
          setOwnerId('');
          setStageId('');
          onDone();
        },
      },
    );

  return (
    // All or nothing: a refusal (its message comes from the API) leaves every deal as it was.
    <section className="deals-bulk" aria-label={t('bulk.label')}>
      <p className="deals-bulk-count" role="status">
        {t('bulk.selected', { count: ids.length })}
      </p>
      <div className="deals-bulk-action">
        <SelectField
          label={t('bulk.owner')}
          value={ownerId}
          onChange={(e) => setOwnerId(e.target.value)}
        >
          <option value="">{t('bulk.chooseOwner')}</option>
          <UserOptions users={users.data} />
        </SelectField>
        <Button
          variant="primary"
          disabled={!ownerId || bulk.isPending}
          onClick={() => apply({ ownerId })}
        >
          {t('bulk.applyOwner')}
        </Button>
      </div>
      <div className="deals-bulk-action">
        <SelectField
          label={t('bulk.stage')}
          value={stageId}
          onChange={(e) => setStageId(e.target.value)}
        >
          <option value="">{t('bulk.chooseStage')}</option>
          <StageOptions pipelines={pipelines.data} />
        </SelectField>
        <Button
          variant="primary"
          disabled={!stageId || bulk.isPending}
          onClick={() => apply({ stageId })}
        >
          {t('bulk.applyStage')}
        </Button>
      </div>
      <Button variant="ghost" onClick={onClear}>
        {t('bulk.clear')}
      </Button>
      {bulk.isPending && <p className="muted">{t('bulk.working')}</p>}
      {bulk.error && !bulk.isPending && (
        <p className="field-error deals-bulk-error" role="alert">
          {bulk.error.message}
        </p>
      )}
    </section>
  );
}
