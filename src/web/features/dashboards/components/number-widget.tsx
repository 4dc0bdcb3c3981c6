import { useEffect } from 'react';
import { useTranslation } from 'react-i18next';
import { formatDate, formatMoney, formatNumber, formatPercent } from '../../../lib/format';
import { previousPeriod, relativeChange } from '../../../../domain/dashboards/previous-period.js';
import { useKeyNumbers } from '../../reports/api/key-numbers';
import {
  drillOf,
  formatOf,
  valueOf,
  type KeyMetric,
  type NumberFormat,
} from '../model/number-value';
import { ChangeBadge } from './change-badge';
import { WidgetState } from './widget-state';
import type { WidgetBodyProps } from './widget-types';

/** Writes a number of the widget's kind in the user's language. */
export function useNumberText() {
  const { t, i18n } = useTranslation('dashboards');
  const lang = i18n.language;
  return (value: number | null, format: NumberFormat, currency: string) => {
    if (value === null) return '–';
    switch (format) {
      case 'percent':
        return formatPercent(value, lang);
      case 'money':
        return formatMoney(value, currency, lang, true);
      case 'days':
        return t('reports:tiles.days', {
          count: value,
          value: formatNumber(Math.round(value * 10) / 10, lang),
        });
      default:
        return formatNumber(value, lang);
    }
  };
}

/** A key number of the period, its change against the period before, and the deals behind it. */
export function NumberWidget({
  widget,
  title,
  filters,
  range,
  onTable,
  onDrill,
}: WidgetBodyProps & { metric: KeyMetric }) {
  const metric = (widget as { metric: KeyMetric }).metric;
  const { t, i18n } = useTranslation('dashboards');
  const lang = i18n.language;
  const text = useNumberText();
  const before = previousPeriod(range);
  const now = useKeyNumbers(filters, true);
  const prev = useKeyNumbers({ ...filters, ...before }, true);
  const value = now.data ? valueOf(now.data, metric) : null;
  const earlier = prev.data ? valueOf(prev.data, metric) : null;
  const currency = now.data?.baseCurrency ?? 'USD';
  const format = formatOf[metric];

  useEffect(() => {
    if (!now.data || !prev.data) return onTable(null);
    onTable({
      header: [
        'metric',
        'from',
        'to',
        'value',
        'previousFrom',
        'previousTo',
        'previousValue',
        'change',
      ].map((k) => (k === 'value' && format === 'money' ? `value (${currency})` : k)),
      rows: [
        [
          title,
          range.from,
          range.to,
          value,
          before.from,
          before.to,
          earlier,
          relativeChange(value, earlier),
        ],
      ],
    });
  }, [
    now.data,
    prev.data,
    value,
    earlier,
    title,
    range.from,
    range.to,
    before.from,
    before.to,
    currency,
    format,
    onTable,
  ]);

  return (
    <WidgetState query={now}>
      {() => (
        <div className="dash-number">
          <button
            type="button"
            className="dash-number-value"
            onClick={() => onDrill({ title, params: { ...filters, metric: drillOf[metric] } })}
            data-testid={`number-${widget.id}`}
          >
            {text(value, format, currency)}
            <span className="visually-hidden"> {t('widget.showDeals', { title })}</span>
          </button>
          <ChangeBadge
            change={relativeChange(value, earlier)}
            lowerIsBetter={metric === 'lost' || metric === 'cycleDays'}
          />
          <p className="muted small">
            {prev.data
              ? t('widget.previous', {
                  value: text(earlier, format, currency),
                  from: formatDate(before.from, lang),
                  to: formatDate(before.to, lang),
                })
              : t('widget.loading')}
          </p>
        </div>
      )}
    </WidgetState>
  );
}
