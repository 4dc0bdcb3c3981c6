import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { formatMoney, formatNumber } from '../../../lib/format';
import type { Waterfall, WaterfallBar } from '../api/waterfall';

type Props = {
  bar: WaterfallBar;
  currency: string;
  titles: Waterfall['deals'];
  onClose: () => void;
};

/** The deals behind one waterfall bar, each a link to its record. */
export function BarDeals({ bar, currency, titles, onClose }: Props) {
  const { t, i18n } = useTranslation('reports');
  const titleOf = useMemo(() => new Map(titles.map((d) => [d.id, d.title])), [titles]);
  const deals = bar.dealIds
    .map((id) => ({ id, title: titleOf.get(id) ?? id }))
    .sort((a, b) => a.title.localeCompare(b.title));
  const heading = t('waterfall.dealsBehind', {
    bar: t(`waterfall.bars.${bar.bar}`),
    amount: formatMoney(bar.amount, currency, i18n.language),
  });
  return (
    <div className="reports-bar-deals" role="region" aria-label={heading}>
      <div className="reports-bar-deals-head">
        <h3>{heading}</h3>
        <button type="button" className="btn btn-ghost" onClick={onClose}>
          {t('waterfall.close')}
        </button>
      </div>
      {bar.dealCount > deals.length && (
        <p className="muted small">
          {t('waterfall.firstOf', {
            shown: formatNumber(deals.length, i18n.language),
            count: formatNumber(bar.dealCount, i18n.language),
          })}
        </p>
      )}
      {deals.length === 0 ? (
        <p className="muted">{t('waterfall.noDeals')}</p>
      ) : (
        <ul data-testid="bar-deals">
          {deals.map((d) => (
            <li key={d.id}>
              <Link to={`/deals/${d.id}`}>{d.title}</Link>
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}
