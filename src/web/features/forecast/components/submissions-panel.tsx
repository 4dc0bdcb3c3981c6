import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { EmptyState } from '../../../components/ui/empty-state';
import { formatDateTime, formatMoney, formatNumber } from '../../../lib/format';
import { useTeams, useUsers } from '../../../lib/queries/people';
import { useCurrentUser, userTimeZone } from '../../session/use-me';
import { useSubmissions, type SubmissionList } from '../api/submissions';
import { periodHolding, periodStartOf, todayIn, type PeriodPick } from '../lib/periods';
import { PeriodPicker } from './period-picker';
import { SubmissionForm } from './submission-form';

type Amounts = { count: number; amount: number };

/** Weekly forecast calls: submit a number, see the roll-up and every submission ever made. */
export function SubmissionsPanel() {
  const { t, i18n } = useTranslation('forecast');
  const lang = i18n.language;
  const me = useCurrentUser();
  const currency = me.workspace.defaultCurrency;
  const [pick, setPick] = useState<PeriodPick>(() =>
    periodHolding('month', todayIn(me.workspace.timezone)),
  );
  const period = { periodUnit: pick.unit, periodStart: periodStartOf(pick) };
  const list = useSubmissions(period);
  const users = useUsers();
  const teams = useTeams();
  const led = (teams.data ?? []).filter((x) => me.role === 'admin' || x.managerId === me.id);
  const userName = (id: string | null) => users.data?.find((u) => u.id === id)?.name ?? '…';
  const teamName = (id: string | null) => teams.data?.find((x) => x.id === id)?.name ?? '…';
  const both = (v: Amounts) =>
    t('submissions.both', {
      count: formatNumber(v.count, lang),
      amount: formatMoney(v.amount, currency, lang),
    });
  const data: SubmissionList | undefined = list.data;
  return (
    <section className="forecast-section" aria-labelledby="forecast-submissions-title">
      <h2 id="forecast-submissions-title">{t('submissions.title')}</h2>
      <p className="muted small">{t('submissions.explain')}</p>
      <PeriodPicker label={t('submissions.period')} value={pick} onChange={setPick} />
      <SubmissionForm period={period} currency={currency} teams={led} />
      {list.isError && <p role="alert">{list.error.message}</p>}
      {data && data.data.length === 0 && <EmptyState title={t('submissions.empty')} />}
      {data && data.data.length > 0 && (
        <>
          <dl className="forecast-rollup" aria-label={t('submissions.rollup')}>
            <div>
              <dt>{t('submissions.repsTotal', { count: data.rollup.reps.people })}</dt>
              <dd>{both(data.rollup.reps)}</dd>
            </div>
            {data.rollup.teams.map((team) => (
              <div key={team.teamId}>
                <dt>{t('submissions.teamRollup', { name: teamName(team.teamId) })}</dt>
                <dd>
                  {both(team.members)}
                  {' · '}
                  {team.adjusted
                    ? t('submissions.adjusted', { value: both(team.adjusted) })
                    : t('submissions.notAdjusted')}
                </dd>
              </div>
            ))}
          </dl>
          <table className="forecast-methods" aria-label={t('submissions.history')}>
            <thead>
              <tr>
                <th scope="col">{t('submissions.when')}</th>
                <th scope="col">{t('submissions.who')}</th>
                <th scope="col">{t('submissions.for')}</th>
                <th scope="col">{t('submissions.count')}</th>
                <th scope="col">{t('submissions.amount', { currency })}</th>
                <th scope="col">{t('submissions.note')}</th>
              </tr>
            </thead>
            <tbody>
              {data.data.map((s) => (
                <tr key={s.id}>
                  <th scope="row">{formatDateTime(s.submittedAt, lang, userTimeZone(me))}</th>
                  <td>{userName(s.submittedBy)}</td>
                  <td>
                    {s.teamId
                      ? t('submissions.teamAdjusted', { name: teamName(s.teamId) })
                      : userName(s.userId)}
                  </td>
                  <td>{formatNumber(s.count, lang)}</td>
                  <td>{formatMoney(s.amount, s.currency, lang)}</td>
                  <td className="forecast-note">{s.note ?? ''}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </>
      )}
    </section>
  );
}
