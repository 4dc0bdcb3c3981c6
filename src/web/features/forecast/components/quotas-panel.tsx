import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { EmptyState } from '../../../components/ui/empty-state';
import { useTeams, useUsers } from '../../../lib/queries/people';
import { useCurrentUser } from '../../session/use-me';
import { useQuotas } from '../api/quotas';
import { periodHolding, periodStartOf, todayIn, type PeriodPick } from '../lib/periods';
import { PeriodPicker } from './period-picker';
import { QuotaForm } from './quota-form';
import { QuotaRow } from './quota-row';

/** Quotas of a period with their attainment; managers and admins set, change and delete them. */
export function QuotasPanel() {
  const { t } = useTranslation('forecast');
  const me = useCurrentUser();
  const currency = me.workspace.defaultCurrency;
  const canEdit = me.role !== 'rep';
  const [pick, setPick] = useState<PeriodPick>(() =>
    periodHolding('month', todayIn(me.workspace.timezone)),
  );
  const period = { periodUnit: pick.unit, periodStart: periodStartOf(pick) };
  const quotas = useQuotas(period);
  const users = useUsers();
  const teams = useTeams();
  const nameOf = (q: { userId: string | null; teamId: string | null }) =>
    q.userId
      ? (users.data?.find((u) => u.id === q.userId)?.name ?? '…')
      : t('quotas.teamName', { name: teams.data?.find((x) => x.id === q.teamId)?.name ?? '…' });
  return (
    <section className="forecast-section" aria-labelledby="forecast-quotas-title">
      <h2 id="forecast-quotas-title">{t('quotas.title')}</h2>
      <p className="muted small">{canEdit ? t('quotas.explain') : t('quotas.explainRep')}</p>
      <PeriodPicker label={t('quotas.period')} value={pick} onChange={setPick} />
      {canEdit && <QuotaForm period={period} currency={currency} />}
      {quotas.isError && <p role="alert">{quotas.error.message}</p>}
      {quotas.data?.length === 0 && <EmptyState title={t('quotas.empty')} />}
      {quotas.data && quotas.data.length > 0 && (
        <table className="forecast-methods" aria-label={t('quotas.title')}>
          <thead>
            <tr>
              <th scope="col">{t('quotas.subject')}</th>
              <th scope="col">{t('quotas.kind')}</th>
              <th scope="col">{t('quotas.target')}</th>
              <th scope="col">{t('quotas.achieved')}</th>
              <th scope="col">{t('quotas.attainment')}</th>
              {canEdit && <th scope="col">{t('quotas.actions')}</th>}
            </tr>
          </thead>
          <tbody>
            {quotas.data.map((q) => (
              <QuotaRow
                key={q.id}
                quota={q}
                name={nameOf(q)}
                canEdit={canEdit}
                currency={currency}
              />
            ))}
          </tbody>
        </table>
      )}
    </section>
  );
}
