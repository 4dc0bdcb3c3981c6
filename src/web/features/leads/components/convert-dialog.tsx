import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import { Button } from '../../../components/ui/button';
import { Dialog } from '../../../components/ui/dialog';
import { Field } from '../../../components/ui/field';
import { ApiError } from '../../../lib/api-client';
import { parseMoney } from '../../../lib/format';
import { usePipelines } from '../../../lib/queries/pipelines';
import { useCurrentUser } from '../../session/use-me';
import { useConvertLead, type Criterion, type Lead } from '../api/leads';

type Props = { lead: Lead; criteria: Criterion[]; open: boolean; onClose: () => void };

/** Lead → contact, company and deal, with the criteria still missing said up front. */
export function ConvertDialog({ lead, criteria, open, onClose }: Props) {
  const { t } = useTranslation('leads');
  const navigate = useNavigate();
  const me = useCurrentUser();
  const pipelines = usePipelines();
  const convert = useConvertLead();
  const [title, setTitle] = useState(lead.companyName ?? lead.name);
  const [pipelineId, setPipelineId] = useState('');
  const [amount, setAmount] = useState('');
  const currency = me.workspace.defaultCurrency;
  const [override, setOverride] = useState(false);
  const missing = criteria.filter((c) => c.required && lead.criteria[c.key]?.state !== 'yes');
  const mayOverride = me.role !== 'rep';
  const error = convert.error instanceof ApiError ? convert.error : null;
  // The first pipeline (Sales) until the user picks another.
  const chosenPipeline = pipelineId || (pipelines.data?.[0]?.id ?? '');

  const submit = (e: FormEvent) => {
    e.preventDefault();
    convert.mutate(
      {
        id: lead.id,
        version: lead.version,
        ...(title.trim() && { dealTitle: title.trim() }),
        ...(chosenPipeline && { pipelineId: chosenPipeline }),
        value: parseMoney(amount, currency) ?? 0,
        currency,
        skipCriteria: override,
      },
      { onSuccess: (result) => void navigate(`/deals/${result.dealId}`) },
    );
  };

  return (
    <Dialog open={open} title={t('convertTitle', { name: lead.name })} onClose={onClose}>
      <form onSubmit={submit} noValidate className="leads-form">
        <p className="muted">{t('convertHint')}</p>
        {missing.length > 0 && (
          <div className="leads-missing" role="alert">
            <p>{t('missing', { labels: missing.map((c) => c.label).join(', ') })}</p>
            {mayOverride && (
              <label>
                <input
                  type="checkbox"
                  checked={override}
                  onChange={(e) => setOverride(e.target.checked)}
                />{' '}
                {t('override')}
              </label>
            )}
          </div>
        )}
        <Field
          label={t('dealTitle')}
          value={title}
          onChange={(e) => setTitle(e.target.value)}
          error={error?.field === 'dealTitle' ? error.message : undefined}
        />
        <div className="field">
          <label htmlFor="leads-pipeline">{t('pipeline')}</label>
          <select
            id="leads-pipeline"
            value={chosenPipeline}
            onChange={(e) => setPipelineId(e.target.value)}
          >
            {(pipelines.data ?? []).map((p) => (
              <option key={p.id} value={p.id}>
                {p.name}
              </option>
            ))}
          </select>
        </div>
        <Field
          label={`${t('value')} (${currency})`}
          inputMode="decimal"
          value={amount}
          onChange={(e) => setAmount(e.target.value)}
          error={error?.field === 'value' ? error.message : undefined}
        />
        {error && error.field !== 'dealTitle' && error.field !== 'value' && (
          <p className="field-error" role="alert">
            {error.message}
          </p>
        )}
        <div className="dialog-actions">
          <Button onClick={onClose}>{t('cancel')}</Button>
          <Button
            type="submit"
            variant="primary"
            disabled={convert.isPending || (missing.length > 0 && !override)}
          >
            {t('convert')}
          </Button>
        </div>
      </form>
    </Dialog>
  );
}
