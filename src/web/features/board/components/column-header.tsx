import { useTranslation } from 'react-i18next';
import { formatMoney, formatNumber } from '../../../lib/format';
import type { BoardColumn } from '../../../lib/queries/deal-types';
import { useStageName } from '../../../lib/queries/pipelines';

/** Stage name, deal count, and per currency its total and weighted value (never summed across). */
export function ColumnHeader({ column, headingId }: { column: BoardColumn; headingId: string }) {
  const { t, i18n } = useTranslation('board');
  const stageName = useStageName();
  const { stage } = column;
  return (
    <header className="board-column-header">
      <div className="board-column-heading">
        <h2 id={headingId}>
          {stage.kind !== 'open' && (
            <span className="board-column-kind" aria-hidden="true">
              {stage.kind === 'won' ? '✓' : '✕'}
            </span>
          )}
          {stageName(stage.name)}
          {stage.kind !== 'open' && (
            <span className="visually-hidden"> ({t(`column.${stage.kind}`)})</span>
          )}
        </h2>
        <span className="board-column-count" title={t('column.deals', { count: column.count })}>
          <span data-testid="column-count" data-count={column.count} aria-hidden="true">
            {formatNumber(column.count, i18n.language)}
          </span>
          <span className="visually-hidden"> {t('column.deals', { count: column.count })}</span>
        </span>
      </div>
      <div className="board-column-totals" data-testid="column-total">
        {column.totals.map((total) => (
          <p key={total.currency} className="board-column-total" data-currency={total.currency}>
            <span className="board-column-value">
              {formatMoney(total.value, total.currency, i18n.language)}
            </span>{' '}
            <span className="board-column-weighted" title={t('column.weightedTitle')}>
              {t('column.weighted')} {formatMoney(total.weighted, total.currency, i18n.language)}
            </span>
          </p>
        ))}
      </div>
    </header>
  );
}
