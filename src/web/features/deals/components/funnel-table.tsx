import { useTranslation } from 'react-i18next';
import { Money } from '../../../components/ui/money';
import { formatNumber, formatPercent } from '../../../lib/format';
import { useStageName } from '../../../lib/queries/pipelines';
import type { FunnelRow } from '../model/funnel-rows';

/** The chart's numbers as a table, for screen readers and for reading exact values. */
export function FunnelTable({ rows, pipelineName }: { rows: FunnelRow[]; pipelineName: string }) {
  const { t, i18n } = useTranslation('deals');
  const stageName = useStageName();
  const lang = i18n.language;
  const dash = <span className="muted">{t('funnel.noneYet')}</span>;

  return (
    <div
      className="deals-table-wrap deals-funnel-table-wrap"
      role="region"
      aria-label={t('funnel.tableCaption', { pipeline: pipelineName })}
      tabIndex={0}
    >
      <table className="deals-table deals-funnel-table" data-testid="funnel-table">
        <caption>{t('funnel.tableCaption', { pipeline: pipelineName })}</caption>
        <thead>
          <tr>
            <th scope="col">{t('funnel.stage')}</th>
            <th scope="col" className="deals-num">
              {t('funnel.reached')}
            </th>
            <th scope="col" className="deals-num">
              {t('funnel.toNext')}
            </th>
            <th scope="col" className="deals-num">
              {t('funnel.openNow')}
            </th>
            <th scope="col" className="deals-num">
              {t('funnel.openValue')}
            </th>
          </tr>
        </thead>
        <tbody>
          {rows.map((row) => (
            <tr
              key={row.stageId}
              data-stage-id={row.stageId}
              className={row.kind === 'won' ? 'deals-funnel-won' : undefined}
            >
              <th scope="row">{stageName(row.name)}</th>
              <td className="deals-num">{formatNumber(row.reachedCount, lang)}</td>
              <td className="deals-num">
                {row.toNext === null ? dash : formatPercent(row.toNext, lang)}
              </td>
              <td className="deals-num">
                {row.kind === 'open' ? formatNumber(row.openCount, lang) : dash}
              </td>
              <td className="deals-num">
                {row.openTotals.length
                  ? row.openTotals.map((total) => (
                      <div key={total.currency}>
                        <Money value={total.value} currency={total.currency} />
                      </div>
                    ))
                  : dash}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
