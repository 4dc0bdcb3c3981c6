import { useTranslation } from 'react-i18next';
import { formatMoney, formatNumber, formatPercent } from '../../../lib/format';
import { useMyQuota } from '../api/quota-status';

/** The caller's quota for the period: attainment, pace, gap and coverage. */
export function QuotaTile({ periodUnit }: { periodUnit: 'month' | 'quarter' | 'year' }) {
  const { t, i18n } = useTranslation('forecast');
  const lang = i18n.language;
  const quota = useMyQuota(periodUnit);
  if (quota.isPending || quota.isError) return null;
  const q = quota.data;
  if (!q) return <p className="muted small">{t('quota.none')}</p>;
  const value = (v: number) =>
    q.kind === 'amount' && q.currency
      ? formatMoney(Math.round(v), q.currency, lang)
      : formatNumber(Math.round(v * 10) / 10, lang);
  return (
    <section className="forecast-quota" aria-label={t('quota.title')}>
      <h2>{t('quota.title')}</h2>
      <p className="forecast-quota-value">
        {t('quota.attainment', {
          achieved: value(q.achieved),
          target: value(q.target),
          share: q.attainment === null ? '—' : formatPercent(q.attainment, lang),
        })}
      </p>
      <meter min={0} max={1} value={Math.min(q.attainment ?? 0, 1)} aria-hidden="true" />
      <p className="muted small">
        {t('quota.pace', { pace: (q.pace >= 0 ? '+' : '') + value(q.pace) })}
      </p>
      <p className="muted small">{t('quota.gap', { gap: value(q.gap) })}</p>
      <p className="muted small">
        {t('quota.coverage', {
          coverage: q.coverage === null ? '—' : formatPercent(q.coverage, lang),
        })}
      </p>
    </section>
  );
}
