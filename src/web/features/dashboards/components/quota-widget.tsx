import { useEffect } from 'react';
import { useTranslation } from 'react-i18next';
import { addDays } from '../../../../domain/local-day.js';
import { relativeChange } from '../../../../domain/dashboards/previous-period.js';
import { formatDate, formatMoney, formatNumber, formatPercent } from '../../../lib/format';
import { useTeams } from '../../../lib/queries/people';
import { useCurrentUser } from '../../session/use-me';
import { useQuotaStatus, type QuotaStatus } from '../api/quota-status';
import { ChangeBadge } from './change-badge';
import { WidgetState } from './widget-state';
import type { WidgetBodyProps } from './widget-types';

/**
 * Quota attainment of the caller (or the owner in the filters), or of a team: the one in the
 * filters, else the first the caller leads. The quota period holds the filters' last day (today
 * at the latest), and is compared with the quota period before it.
 */
export function QuotaWidget({ widget, title, filters, today, onTable }: WidgetBodyProps) {
  const { t, i18n } = useTranslation('dashboards');
  const lang = i18n.language;
  const me = useCurrentUser();
  const teams = useTeams();
  const periodUnit = widget.options.periodUnit ?? 'quarter';
  const team = widget.options.subject === 'team';
  const teamId = team
    ? (filters.teamId ?? teams.data?.find((x) => x.managerId === me.id)?.id)
    : undefined;
  const subject = team ? { teamId } : { userId: filters.ownerId };
  const date = filters.to < today ? filters.to : today;
  const ready = !team || teamId !== undefined;
  const now = useQuotaStatus({ ...subject, periodUnit, date }, ready);
  const before = now.data ? addDays(now.data.period.from, -1) : date;
  const prev = useQuotaStatus({ ...subject, periodUnit, date: before }, ready && !!now.data);
  const amount = (q: QuotaStatus, v: number) =>
    q.kind === 'amount'
      ? formatMoney(Math.round(v), q.currency ?? 'USD', lang, true)
      : formatNumber(v, lang);

  useEffect(() => {
    const q = now.data;
    if (!q) return onTable(null);
    onTable({
      header: [
        'metric',
        'from',
        'to',
        'kind',
        'currency',
        'target',
        'achieved',
        'attainment',
        'expectedByNow',
        'gap',
        'coverage',
        'previousAttainment',
      ],
      rows: [
        [
          title,
          q.period.from,
          q.period.to,
          q.kind,
          q.currency,
          q.target,
          q.achieved,
          q.attainment,
          q.expectedByNow,
          q.gap,
          q.coverage,
          prev.data?.attainment ?? null,
        ],
      ],
    });
  }, [now.data, prev.data, title, onTable]);

  if (team && teams.data && teamId === undefined)
    return <p className="muted">{t('widget.noTeam')}</p>;
  return (
    <WidgetState query={now}>
      {() => {
        const q = now.data;
        if (!q) return <p className="muted">{t('widget.noQuota')}</p>;
        return (
          <div className="dash-number">
            <span className="dash-number-value" data-testid={`number-${widget.id}`}>
              {q.attainment === null ? '–' : formatPercent(q.attainment, lang)}
            </span>
            <ChangeBadge change={relativeChange(q.attainment, prev.data?.attainment ?? null)} />
            <p className="muted small">
              {amount(q, q.achieved)} / {amount(q, q.target)} · {formatDate(q.period.from, lang)} –{' '}
              {formatDate(q.period.to, lang)}
            </p>
            <p className="muted small">
              {t('widget.pace', {
                pace: amount(q, q.achieved),
                expected: amount(q, q.expectedByNow),
              })}
            </p>
          </div>
        );
      }}
    </WidgetState>
  );
}
