import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { Field } from '../../../components/ui/field';
import { usePipelines, useStageName } from '../../../lib/queries/pipelines';
import { useToast } from '../../../components/ui/toast';
import { useUpdateWorkspace } from '../api/update-workspace';
import type { Workspace } from '../api/workspace';
import { fieldError } from '../api-errors';
import { CurrencySelect } from './currency-select';
import { SaveActions } from './save-actions';
import { TimeZoneSelect } from './time-zone-select';
import { useSaveErrorToast } from './use-error-toast';

const visibilities = ['all', 'team', 'own'] as const;
const fields = [
  'name',
  'dealVisibility',
  'defaultCurrency',
  'timezone',
  'renewalLeadDays',
  'postPurchasePipelineId',
];

type Props = { workspace: Workspace; canEdit: boolean };

export function WorkspaceForm({ workspace, canEdit }: Props) {
  const { t } = useTranslation('settings');
  const toast = useToast();
  const showError = useSaveErrorToast(fields);
  const update = useUpdateWorkspace();
  const [name, setName] = useState(workspace.name);
  const [visibility, setVisibility] = useState(workspace.dealVisibility);
  const [currency, setCurrency] = useState(workspace.defaultCurrency);
  const [timezone, setTimezone] = useState(workspace.timezone);
  const [leadDays, setLeadDays] = useState(String(workspace.renewalLeadDays));
  const [afterTheWin, setAfterTheWin] = useState(workspace.postPurchasePipelineId ?? '');
  const pipelines = usePipelines();
  const pipelineName = useStageName();
  const [nameError, setNameError] = useState<string>();
  const error = update.error;

  const submit = (e: FormEvent) => {
    e.preventDefault();
    if (!name.trim()) return setNameError(t('workspace.nameRequired'));
    setNameError(undefined);
    update.mutate(
      {
        version: workspace.version,
        name: name.trim(),
        dealVisibility: visibility,
        defaultCurrency: currency,
        timezone,
        renewalLeadDays: Number(leadDays),
        postPurchasePipelineId: afterTheWin || null,
      },
      {
        onSuccess: () => toast.show(t('workspace.saved')),
        onError: showError,
      },
    );
  };

  return (
    <form className="card settings-form" onSubmit={submit} noValidate>
      <Field
        label={t('workspace.name')}
        value={name}
        onChange={(e) => setName(e.target.value)}
        error={nameError ?? fieldError(error, 'name')}
        disabled={!canEdit}
        maxLength={120}
      />
      <fieldset className="settings-radios" disabled={!canEdit}>
        <legend>{t('workspace.visibility')}</legend>
        {visibilities.map((v) => (
          <label key={v} className="settings-radio">
            <input
              type="radio"
              name="dealVisibility"
              value={v}
              checked={visibility === v}
              onChange={() => setVisibility(v)}
            />
            <span>
              <strong>{t(`workspace.visibilityOptions.${v}`)}</strong>
              <span className="muted small">{t(`workspace.visibilityHelp.${v}`)}</span>
            </span>
          </label>
        ))}
        {fieldError(error, 'dealVisibility') && (
          <p className="field-error" role="alert">
            {fieldError(error, 'dealVisibility')}
          </p>
        )}
      </fieldset>
      <CurrencySelect
        label={t('workspace.currency')}
        value={currency}
        onChange={setCurrency}
        disabled={!canEdit}
        error={fieldError(error, 'defaultCurrency')}
      />
      <p className="field-hint settings-after-field">{t('workspace.currencyHint')}</p>
      <TimeZoneSelect
        label={t('workspace.timezone')}
        value={timezone}
        onChange={setTimezone}
        disabled={!canEdit}
        error={fieldError(error, 'timezone')}
      />
      <Field
        label={t('workspace.renewalLeadDays')}
        type="number"
        min={1}
        max={365}
        value={leadDays}
        onChange={(e) => setLeadDays(e.target.value)}
        disabled={!canEdit}
        error={fieldError(error, 'renewalLeadDays')}
        hint={t('workspace.renewalLeadDaysHint')}
      />
      <div className="field">
        <label htmlFor="ws-after-the-win">{t('workspace.postPurchasePipeline')}</label>
        <select
          id="ws-after-the-win"
          value={afterTheWin}
          onChange={(e) => setAfterTheWin(e.target.value)}
          disabled={!canEdit}
          aria-describedby="ws-after-the-win-hint"
        >
          <option value="">{t('workspace.postPurchaseNone')}</option>
          {pipelines.data?.map((p) => (
            <option key={p.id} value={p.id}>
              {pipelineName(p.name)}
            </option>
          ))}
        </select>
        <p id="ws-after-the-win-hint" className="field-hint">
          {t('workspace.postPurchaseHint')}
        </p>
        {fieldError(error, 'postPurchasePipelineId') && (
          <p className="field-error" role="alert">
            {fieldError(error, 'postPurchasePipelineId')}
          </p>
        )}
      </div>
      {canEdit && <SaveActions pending={update.isPending} />}
    </form>
  );
}
