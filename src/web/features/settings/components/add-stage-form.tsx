import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { Button } from '../../../components/ui/button';
import { Field } from '../../../components/ui/field';
import { useToast } from '../../../components/ui/toast';
import type { Pipeline, Stage } from '../../../lib/queries/pipelines';
import { useAddStage } from '../api/add-stage';
import { fieldError, namesField } from '../api-errors';
import { useErrorToast } from './use-error-toast';

const fields = ['name', 'probability', 'rottingDays', 'kind'] as const;
const nameId = 'settings-add-stage-name';

/** Adds a stage (open ones go before won/lost); stays open to add the next one at once. */
export function AddStageForm({ pipeline }: { pipeline: Pipeline }) {
  const { t } = useTranslation('settings');
  const toast = useToast();
  const showError = useErrorToast();
  const add = useAddStage();
  const [name, setName] = useState('');
  const [probability, setProbability] = useState('50');
  const [rottingDays, setRottingDays] = useState('');
  const [kind, setKind] = useState<Stage['kind']>('open');
  const [problem, setProblem] = useState<{ field: string; message: string } | null>(null);
  const taken = (k: Stage['kind']) => k !== 'open' && pipeline.stages.some((s) => s.kind === k);

  const submit = (e: FormEvent) => {
    e.preventDefault();
    const p = Number(probability);
    const days = rottingDays.trim() === '' ? null : Number(rottingDays);
    if (!name.trim()) return setProblem({ field: 'name', message: t('stages.nameRequired') });
    if (!Number.isInteger(p) || p < 0 || p > 100 || probability.trim() === '')
      return setProblem({ field: 'probability', message: t('stages.probabilityRange') });
    if (days !== null && (!Number.isInteger(days) || days < 1 || days > 3650))
      return setProblem({ field: 'rottingDays', message: t('stages.rottingRange') });
    setProblem(null);
    add.mutate(
      { pipelineId: pipeline.id, name: name.trim(), probability: p, rottingDays: days, kind },
      {
        onSuccess: () => {
          toast.show(t('stages.added', { name: name.trim() }));
          setName('');
          setKind('open');
          document.getElementById(nameId)?.focus();
        },
        onError: (error) => {
          if (!namesField(error, fields)) showError(error);
        },
      },
    );
  };

  const errorOf = (field: string) =>
    problem?.field === field ? problem.message : fieldError(add.error, field);

  return (
    <form className="settings-add-stage" onSubmit={submit} noValidate>
      <h4>{t('stages.addTitle')}</h4>
      <div className="settings-add-stage-fields">
        <Field
          id={nameId}
          label={t('stages.name')}
          value={name}
          onChange={(e) => setName(e.target.value)}
          error={errorOf('name')}
          maxLength={80}
          placeholder={t('stages.namePlaceholder')}
        />
        <Field
          label={t('stages.probabilityPercent')}
          type="number"
          inputMode="numeric"
          min={0}
          max={100}
          value={probability}
          onChange={(e) => setProbability(e.target.value)}
          error={errorOf('probability')}
        />
        <Field
          label={t('stages.rottingDaysLabel')}
          type="number"
          inputMode="numeric"
          min={1}
          max={3650}
          value={rottingDays}
          onChange={(e) => setRottingDays(e.target.value)}
          error={errorOf('rottingDays')}
          hint={t('stages.rottingHint')}
        />
        <div className="field">
          <label htmlFor="settings-add-stage-kind">{t('stages.kindLabel')}</label>
          <select
            id="settings-add-stage-kind"
            value={kind}
            onChange={(e) => setKind(e.target.value as Stage['kind'])}
          >
            {(['open', 'won', 'lost'] as const).map((k) => (
              <option key={k} value={k} disabled={taken(k)}>
                {t(`stages.kind.${k}`)}
                {taken(k) ? ` (${t('stages.kindTaken')})` : ''}
              </option>
            ))}
          </select>
          {errorOf('kind') && (
            <p className="field-error" role="alert">
              {errorOf('kind')}
            </p>
          )}
        </div>
        <Button type="submit" variant="primary" disabled={add.isPending}>
          {add.isPending ? t('state.working') : t('stages.add')}
        </Button>
      </div>
    </form>
  );
}
