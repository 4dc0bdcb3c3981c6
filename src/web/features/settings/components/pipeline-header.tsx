import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { Button } from '../../../components/ui/button';
import { Field } from '../../../components/ui/field';
import { useToast } from '../../../components/ui/toast';
import { ApiError } from '../../../lib/api-client';
import { useStageName, type Pipeline } from '../../../lib/queries/pipelines';
import { useDeletePipeline } from '../api/delete-pipeline';
import { useRenamePipeline } from '../api/rename-pipeline';
import { dealCountOf, fieldError, isStale } from '../api-errors';
import { ConfirmDialog } from './confirm-dialog';
import { useErrorToast } from './use-error-toast';

type Props = { pipeline: Pipeline; canEdit: boolean; onDeleted: () => void };

/** The pipeline's name, renamed in place, and its delete (refused while it holds deals). */
export function PipelineHeader({ pipeline, canEdit, onDeleted }: Props) {
  const { t } = useTranslation('settings');
  const stageName = useStageName();
  const toast = useToast();
  const showError = useErrorToast();
  const rename = useRenamePipeline();
  const remove = useDeletePipeline();
  const [editing, setEditing] = useState(false);
  const [name, setName] = useState(pipeline.name);
  const [confirming, setConfirming] = useState(false);

  const submit = (e: FormEvent) => {
    e.preventDefault();
    if (name.trim() === pipeline.name) return setEditing(false);
    rename.mutate(
      { id: pipeline.id, version: pipeline.version, name: name.trim() },
      {
        onSuccess: () => {
          setEditing(false);
          toast.show(t('pipelines.renamed'));
        },
        onError: (error) => {
          if (isStale(error)) setName(pipeline.name);
          if (!fieldError(error, 'name')) showError(error);
        },
      },
    );
  };

  const count = dealCountOf(remove.error);
  const deleteError = remove.error
    ? count !== null
      ? t('pipelines.holdsDeals', { count })
      : remove.error instanceof ApiError
        ? remove.error.message
        : t('errors.network')
    : null;

  if (editing) {
    return (
      <form className="settings-rename" onSubmit={submit}>
        <Field
          label={t('pipelines.name')}
          value={name}
          onChange={(e) => setName(e.target.value)}
          onKeyDown={(e) => {
            if (e.key === 'Escape') {
              e.preventDefault();
              setName(pipeline.name);
              setEditing(false);
            }
          }}
          error={fieldError(rename.error, 'name')}
          maxLength={80}
          required
          autoFocus
        />
        <div className="settings-actions">
          <Button type="submit" variant="primary" disabled={rename.isPending}>
            {t('actions.save')}
          </Button>
          <Button
            onClick={() => {
              setName(pipeline.name);
              setEditing(false);
            }}
          >
            {t('actions.cancel')}
          </Button>
        </div>
      </form>
    );
  }

  return (
    <div className="settings-pipeline-header">
      <h3>{stageName(pipeline.name)}</h3>
      {canEdit && (
        <div className="settings-actions">
          <Button
            onClick={() => {
              setName(pipeline.name);
              setEditing(true);
            }}
          >
            {t('pipelines.rename')}
          </Button>
          <Button
            variant="danger"
            onClick={() => {
              remove.reset();
              setConfirming(true);
            }}
          >
            {t('pipelines.delete')}
          </Button>
        </div>
      )}
      <ConfirmDialog
        open={confirming}
        title={t('pipelines.deleteTitle', { name: stageName(pipeline.name) })}
        confirmLabel={t('pipelines.delete')}
        pending={remove.isPending}
        error={deleteError}
        onClose={() => setConfirming(false)}
        onConfirm={() =>
          remove.mutate(pipeline.id, {
            onSuccess: () => {
              setConfirming(false);
              toast.show(t('pipelines.deleted'));
              onDeleted();
            },
          })
        }
      >
        <p>{t('pipelines.deleteBody')}</p>
      </ConfirmDialog>
    </div>
  );
}
