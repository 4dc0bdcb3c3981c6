import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { Button } from '../../../components/ui/button';
import { Dialog } from '../../../components/ui/dialog';
import { Field } from '../../../components/ui/field';
import { useToast } from '../../../components/ui/toast';
import { useStageName, type Pipeline } from '../../../lib/queries/pipelines';
import { useCreatePipeline } from '../api/create-pipeline';
import { usePipelineTemplates } from '../api/pipeline-templates';
import { fieldError, namesField } from '../api-errors';
import { useErrorToast } from './use-error-toast';

type Props = { open: boolean; onClose: () => void; onCreated: (pipeline: Pipeline) => void };

/** A new pipeline starts from a template's stages; they can be changed right after. */
export function NewPipelineDialog({ open, onClose, onCreated }: Props) {
  const { t } = useTranslation('settings');
  const stageName = useStageName();
  const toast = useToast();
  const showError = useErrorToast();
  const templates = usePipelineTemplates();
  const create = useCreatePipeline();
  const [name, setName] = useState('');
  const [template, setTemplate] = useState('sales');
  const [nameError, setNameError] = useState<string>();

  const submit = (e: FormEvent) => {
    e.preventDefault();
    if (!name.trim()) return setNameError(t('pipelines.nameRequired'));
    setNameError(undefined);
    create.mutate(
      { name: name.trim(), template },
      {
        onSuccess: (created) => {
          toast.show(t('pipelines.created', { name: created.name }));
          setName('');
          onCreated(created);
        },
        onError: (error) => {
          if (!namesField(error, ['name', 'template'])) showError(error);
        },
      },
    );
  };

  return (
    <Dialog open={open} title={t('pipelines.newTitle')} onClose={onClose} wide>
      <form onSubmit={submit} noValidate>
        <Field
          label={t('pipelines.name')}
          value={name}
          onChange={(e) => setName(e.target.value)}
          error={nameError ?? fieldError(create.error, 'name')}
          maxLength={80}
          required
          autoFocus
        />
        <fieldset className="settings-templates">
          <legend>{t('pipelines.template')}</legend>
          {templates.isPending && <p className="muted">{t('state.loading')}</p>}
          {templates.isError && <p className="field-error">{t('state.loadFailed')}</p>}
          {templates.data?.map((tpl) => (
            <label key={tpl.key} className="settings-template">
              <input
                type="radio"
                name="template"
                value={tpl.key}
                checked={template === tpl.key}
                onChange={() => setTemplate(tpl.key)}
              />
              <span>
                <strong>{t(`templates.${tpl.key}`, { defaultValue: stageName(tpl.name) })}</strong>
                <span className="settings-template-stages muted small">
                  {tpl.stages.map((s) => stageName(s.name)).join(' → ')}
                </span>
              </span>
            </label>
          ))}
          {fieldError(create.error, 'template') && (
            <p className="field-error" role="alert">
              {fieldError(create.error, 'template')}
            </p>
          )}
        </fieldset>
        <div className="dialog-actions">
          <Button onClick={onClose}>{t('actions.cancel')}</Button>
          <Button type="submit" variant="primary" disabled={create.isPending}>
            {create.isPending ? t('state.working') : t('pipelines.create')}
          </Button>
        </div>
      </form>
    </Dialog>
  );
}
