import { useId, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { Button } from '../../../components/ui/button';
import { Dialog } from '../../../components/ui/dialog';
import { useToast } from '../../../components/ui/toast';
import type { Stage } from '../../../lib/queries/pipelines';
import type { SaveStage } from './use-stage-save';

type Props = { stage: Stage; name: string; canEdit: boolean; save: SaveStage };
type Field = Stage['requiredFields'][number];

// The order of the API's allow-list, so the summary reads the same everywhere.
const requirable: Field[] = [
  'value',
  'expectedCloseDate',
  'companyId',
  'contactIds',
  'source',
  'probability',
];

/** The stage's entry requirements and close-date push limit: a summary, edited in a dialog. */
export function StageRequirements({ stage, name, canEdit, save }: Props) {
  const { t } = useTranslation('settings');
  const [open, setOpen] = useState(false);
  const required = stage.requiredFields;
  const summary =
    required.length > 0
      ? t('stages.requirements.summary', {
          fields: required.map((f) => t(`stages.requirements.short.${f}`)).join(', '),
        })
      : t('stages.requirements.none');

  return (
    <span className="settings-stage-requirements">
      <span className="settings-stage-label" data-testid="stage-requirements-summary">
        {summary}
        {stage.closeDatePushLimit !== null &&
          ` · ${t('stages.requirements.pushes', { count: stage.closeDatePushLimit })}`}
      </span>
      {canEdit && (
        <Button
          variant="ghost"
          className="settings-stage-requirements-edit"
          onClick={() => setOpen(true)}
          aria-label={t('stages.requirements.editNamed', { name })}
        >
          {t('stages.requirements.edit')}
        </Button>
      )}
      {canEdit && (
        <Dialog
          open={open}
          title={t('stages.requirements.title', { name })}
          onClose={() => setOpen(false)}
        >
          {open && <RequirementsForm stage={stage} save={save} onDone={() => setOpen(false)} />}
        </Dialog>
      )}
    </span>
  );
}

function RequirementsForm({
  stage,
  save,
  onDone,
}: {
  stage: Stage;
  save: SaveStage;
  onDone: () => void;
}) {
  const { t } = useTranslation('settings');
  const toast = useToast();
  const id = useId();
  const [fields, setFields] = useState<Field[]>(stage.requiredFields);
  const [limit, setLimit] = useState(
    stage.closeDatePushLimit === null ? '' : String(stage.closeDatePushLimit),
  );
  const [errors, setErrors] = useState<{ fields?: string; limit?: string }>({});
  const [saving, setSaving] = useState(false);

  const toggle = (field: Field, on: boolean) =>
    setFields((all) => requirable.filter((f) => (f === field ? on : all.includes(f))));

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    const text = limit.trim();
    const n = Number(text);
    if (text !== '' && !(Number.isInteger(n) && n >= 0 && n <= 1000)) {
      return setErrors({ limit: t('stages.requirements.pushLimitRange') });
    }
    setErrors({});
    setSaving(true);
    const patch = { requiredFields: fields, closeDatePushLimit: text === '' ? null : n };
    const result = await save(patch, 'requiredFields');
    setSaving(false);
    if (result.ok) {
      toast.show(t('stages.requirements.saved'));
      return onDone();
    }
    // The API names the field it refuses; the limit's own error goes beside the limit.
    if (result.fieldError) setErrors({ fields: result.fieldError });
  };

  return (
    <form onSubmit={(e) => void submit(e)} noValidate>
      <p className="muted">{t('stages.requirements.intro')}</p>
      <fieldset className="settings-requirements-fields">
        <legend>{t('stages.requirements.fields')}</legend>
        {requirable.map((field) => (
          <label key={field} className="settings-requirements-check">
            <input
              type="checkbox"
              checked={fields.includes(field)}
              onChange={(e) => toggle(field, e.target.checked)}
            />
            {t(`stages.requirements.field.${field}`)}
          </label>
        ))}
        {errors.fields && (
          <p className="field-error" role="alert">
            {errors.fields}
          </p>
        )}
      </fieldset>
      <div className="field">
        <label htmlFor={id}>{t('stages.requirements.pushLimit')}</label>
        <input
          id={id}
          type="number"
          inputMode="numeric"
          min={0}
          max={1000}
          value={limit}
          placeholder="–"
          aria-invalid={errors.limit ? true : undefined}
          aria-describedby={`${id}-hint${errors.limit ? ` ${id}-error` : ''}`}
          onChange={(e) => setLimit(e.target.value)}
        />
        <p id={`${id}-hint`} className="field-hint">
          {t('stages.requirements.pushLimitHint')}
        </p>
        {errors.limit && (
          <p id={`${id}-error`} className="field-error" role="alert">
            {errors.limit}
          </p>
        )}
      </div>
      <div className="dialog-actions">
        <Button onClick={onDone}>{t('actions.cancel')}</Button>
        <Button type="submit" variant="primary" disabled={saving}>
          {saving ? t('state.working') : t('actions.save')}
        </Button>
      </div>
    </form>
  );
}
