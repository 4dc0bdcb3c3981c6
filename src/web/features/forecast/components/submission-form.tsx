import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { Button } from '../../../components/ui/button';
import { Field } from '../../../components/ui/field';
import { useToast } from '../../../components/ui/toast';
import { ApiError } from '../../../lib/api-client';
import { parseMoney } from '../../../lib/format';
import type { QuotaPeriod } from '../api/quotas';
import { useSubmitForecast } from '../api/submit-forecast';
import { fieldError } from '../lib/field-error';
import { parseTarget } from '../lib/targets';

type Props = {
  period: QuotaPeriod;
  currency: string;
  /** Teams whose adjusted number the caller may submit (those they lead; all for an admin). */
  teams: { id: string; name: string }[];
};

/** The caller's number for the period, or a led team's adjusted one. */
export function SubmissionForm({ period, currency, teams }: Props) {
  const { t } = useTranslation('forecast');
  const toast = useToast();
  const submit = useSubmitForecast();
  const [teamId, setTeamId] = useState('');
  const [count, setCount] = useState('');
  const [amount, setAmount] = useState('');
  const [note, setNote] = useState('');
  const [local, setLocal] = useState<{ count?: string; amount?: string }>({});

  const send = (e: FormEvent) => {
    e.preventDefault();
    const c = parseTarget(count, 'count', currency);
    const a = parseMoney(amount, currency);
    const problems = {
      ...(c === null && { count: t('submissions.countInvalid') }),
      ...(a === null && { amount: t('submissions.amountInvalid') }),
    };
    setLocal(problems);
    if (c === null || a === null) return;
    submit.mutate(
      {
        ...period,
        ...(teamId && { teamId }),
        count: c,
        amount: a,
        ...(note.trim() && { note: note.trim() }),
      },
      {
        onSuccess: () => {
          setNote('');
          toast.show(t('submissions.saved'));
        },
      },
    );
  };
  const error = submit.error;
  const general =
    error instanceof ApiError && !['count', 'amount', 'note', 'teamId'].includes(error.field ?? '')
      ? error.message
      : undefined;
  return (
    <form className="forecast-form" onSubmit={send} noValidate aria-label={t('submissions.new')}>
      {teams.length > 0 && (
        <div className="field">
          <label htmlFor="submission-for">{t('submissions.for')}</label>
          <select id="submission-for" value={teamId} onChange={(e) => setTeamId(e.target.value)}>
            <option value="">{t('submissions.mine')}</option>
            {teams.map((team) => (
              <option key={team.id} value={team.id}>
                {t('submissions.teamAdjusted', { name: team.name })}
              </option>
            ))}
          </select>
          {fieldError(error, 'teamId') && (
            <p className="field-error" role="alert">
              {fieldError(error, 'teamId')}
            </p>
          )}
        </div>
      )}
      <Field
        label={t('submissions.count')}
        inputMode="numeric"
        value={count}
        onChange={(e) => setCount(e.target.value)}
        error={local.count ?? fieldError(error, 'count')}
      />
      <Field
        label={t('submissions.amount', { currency })}
        inputMode="decimal"
        value={amount}
        onChange={(e) => setAmount(e.target.value)}
        error={local.amount ?? fieldError(error, 'amount')}
      />
      <Field
        label={t('submissions.note')}
        value={note}
        maxLength={2000}
        onChange={(e) => setNote(e.target.value)}
        error={fieldError(error, 'note')}
      />
      <Button
        type="submit"
        variant="primary"
        disabled={submit.isPending || !count.trim() || !amount.trim()}
      >
        {t('submissions.submit')}
      </Button>
      {general && (
        <p className="field-error" role="alert">
          {general}
        </p>
      )}
    </form>
  );
}
