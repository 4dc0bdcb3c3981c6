import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { formatDateTime, formatMoney, formatNumber, formatPercent } from '../../../lib/format';
import type { CsvCell } from '../../../../domain/csv';
import type { Column, ReportTable, TableRow } from '../model/report-tables';

type Props = {
  table: ReportTable;
  caption: string;
  timeZone: string;
  /** A drillable cell (a leaderboard's won, a channel's created or won) opens its deals. */
  onDrillRow?: ((row: TableRow, column: string) => void) | undefined;
};

/** A report as a table: columns formatted for the user's language, deal rows as links. */
export function TableView({ table, caption, timeZone, onDrillRow }: Props) {
  const { t, i18n } = useTranslation('dashboards');
  const lang = i18n.language;
  const show = (cell: CsvCell, c: Column | undefined) => {
    if (cell === null || cell === undefined || cell === '') return <span className="muted">–</span>;
    if (typeof cell === 'string')
      return c?.format === 'datetime' ? formatDateTime(cell, lang, timeZone) : cell;
    switch (c?.format) {
      case 'percent':
        return formatPercent(cell, lang);
      case 'money':
        return formatMoney(Math.round(cell), c.currency ?? 'USD', lang);
      case 'days':
        return formatNumber(Math.round(cell * 10) / 10, lang);
      default:
        return formatNumber(cell, lang);
    }
  };
  if (table.rows.length === 0) return <p className="muted">{t('widget.noData')}</p>;
  return (
    <div className="dash-table-wrap" role="region" aria-label={caption} tabIndex={0}>
      <table className="reports-table dash-table">
        <caption className="visually-hidden">{caption}</caption>
        <thead>
          <tr>
            {table.columns.map((c) => (
              <th
                key={c.key}
                scope="col"
                className={
                  c.format === 'text' || c.format === 'datetime' ? undefined : 'reports-num'
                }
              >
                {t(`columns.${c.key}`)}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {table.rows.map((row, r) => (
            <tr key={r}>
              {row.cells.map((cell, i) => {
                const c = table.columns[i];
                const numeric = c && c.format !== 'text' && c.format !== 'datetime';
                let content = show(cell, c);
                if (i === 0 && row.dealId)
                  content = <Link to={`/deals/${row.dealId}`}>{content}</Link>;
                if (c && row.drills?.[c.key] && onDrillRow) {
                  content = (
                    <button
                      type="button"
                      className="dash-drill-link"
                      onClick={() => onDrillRow(row, c.key)}
                      aria-label={t('widget.showDeals', {
                        title: `${String(row.cells[0])}: ${t(`columns.${c.key}`)}`,
                      })}
                    >
                      {content}
                    </button>
                  );
                }
                return i === 0 ? (
                  <th key={i} scope="row">
                    {content}
                  </th>
                ) : (
                  <td key={i} className={numeric ? 'reports-num' : undefined}>
                    {content}
                  </td>
                );
              })}
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
