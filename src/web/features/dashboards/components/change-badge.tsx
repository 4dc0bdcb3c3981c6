import { useTranslation } from 'react-i18next';
import { formatPercent } from '../../../lib/format';

/** The change against the previous period, coloured by whether it is good news. */
export function ChangeBadge({
  change,
  lowerIsBetter = false,
}: {
  change: number | null;
  lowerIsBetter?: boolean;
}) {
  const { t, i18n } = useTranslation('dashboards');
  if (change === null)
    return <span className="dash-change muted small">{t('widget.noChange')}</span>;
  const good = change === 0 ? null : change > 0 !== lowerIsBetter;
  const arrow = change > 0 ? '▲' : change < 0 ? '▼' : '■';
  return (
    <span className={`dash-change small${good === null ? '' : good ? ' is-good' : ' is-bad'}`}>
      <span aria-hidden="true">{arrow} </span>
      {change > 0 ? '+' : ''}
      {formatPercent(change, i18n.language)}
    </span>
  );
}
