import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { Button } from '../../../components/ui/button';
import { Field } from '../../../components/ui/field';
import { useToast } from '../../../components/ui/toast';
import { ApiError } from '../../../lib/api-client';
import { useTeams, useUsers } from '../../../lib/queries/people';
import { useCreateQuota } from '../api/create-quota';
import type { QuotaPeriod } from '../api/quotas';
import { fieldError } from '../lib/field-error';
import { parseTarget, type TargetKind } from '../lib/targets';

/** A new quota for a person or a team in the chosen period (managers and admins). */
export function QuotaForm({ period, currency }: { period: QuotaPeriod; currency: string }) {
  const { t } = useTranslation('forecast');
  const toast = useToast();
  const users = useUsers();
  const teams = useTeams();
  const create = useCreateQuota();
  const [subject, setSubject] = useState('');
  const [kind, setKind] = useState<TargetKind>('amount');
  const [target, setTarget] = useState('');
  const [targetError, setTargetError] = useState<string>();

  const submit = (e: FormEvent) => {
    e.preventDefault();
    const value = parseTarget(target, kind, currency);
    if (value === null) return setTargetError(t('quotas.targetInvalid'));
    setTargetError(undefined);
    const [type, id] = subject.split(':');
    create.mutate(
      {
        ...period,
        ...(type === 'team' ? { teamId: id } : type === 'user' ? { userId: id } : {}),
        kind,
        target: value,
      },
      {
        onSuccess: () => {
          setTarget('');
          toast.show(t('quotas.saved'));
        },
      },
    );
  };
  const error = create.error;
  const subjectError =
    fieldError(error, 'userId') ?? fieldError(error, 'teamId') ?? fieldError(error, 'periodStart');
  const other =
    error instanceof ApiError &&
    !['userId', 'teamId', 'periodStart', 'target', 'kind'].includes(error.field ?? '')
      ? error.message
      : undefined;
  return (
    <form className="forecast-form" onSubmit={submit} noValidate aria-label={t('quotas.new')}>
      <div className="field">
        <label htmlFor="quota-subject">{t('quotas.subject')}</label>
        <select
          id="quota-subject"
          value={subject}
          onChange={(e) => setSubject(e.target.value)}
          aria-invalid={subjectError ? true : undefined}
          aria-describedby={subjectError ? 'quota-subject-error' : undefined}
        >
          <option value="">{t('quotas.choose')}</option>
          <optgroup label={t('quotas.people')}>
            {users.data
              ?.filter((u) => u.active)
              .map((u) => (
                <option key={u.id} value={`user:${u.id}`}>
                  {u.name}
                </option>
              ))}
          </optgroup>
          <optgroup label={t('quotas.teams')}>
            {teams.data?.map((team) => (
              <option key={team.id} value={`team:${team.id}`}>
                {team.name}
              </option>
            ))}
          </optgroup>
        </select>
        {subjectError && (
          <p id="quota-subject-error" className="field-error" role="alert">
            {subjectError}
          </p>
        )}
      </div>
      <div className="field">
        <label htmlFor="quota-kind">{t('quotas.kind')}</label>
        <select
          id="quota-kind"
          value={kind}
          onChange={(e) => setKind(e.target.value as TargetKind)}
        >
          <option value="amount">{t('quotas.kinds.amount', { currency })}</option>
          <option value="count">{t('quotas.kinds.count')}</option>
        </select>
      </div>
      <Field
        label={t('quotas.target')}
        inputMode={kind === 'amount' ? 'decimal' : 'numeric'}
        value={target}
        onChange={(e) => setTarget(e.target.value)}
        error={targetError ?? fieldError(error, 'target') ?? fieldError(error, 'kind')}
      />
      <Button type="submit" variant="primary" disabled={create.isPending || !target.trim()}>
        {t('quotas.add')}
      </Button>
      {other && (
        <p className="field-error" role="alert">
          {other}
        </p>
      )}
    </form>
  );
}
