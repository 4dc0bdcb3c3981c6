import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { formatMoney, formatNumber, formatPercent } from '../../../lib/format';
import {
  useLeaderboard,
  type Leaderboard,
  type LeaderParams,
  type LeaderSort,
} from '../api/leaderboard';
import type { ReportFilters } from '../api/report-query';
import { CsvLink } from './csv-link';
import { unconvertedText } from './money-in-base';
import { SectionBody } from './section-states';

const SORTS: LeaderSort[] = ['won', 'winRate', 'wonValue', 'cycleDays', 'openWeighted'];

/** Wins, value, win rate, cycle and weighted pipeline per owner or team; the server sorts. */
export function LeaderboardSection({ filters }: { filters: ReportFilters }) {
  const { t } = useTranslation('reports');
  const [by, setBy] = useState<LeaderParams['by']>('owner');
  const [sort, setSort] = useState<LeaderSort>('wonValue');
  const params: LeaderParams = { ...filters, by, sort };
  const query = useLeaderboard(params);
  return (
    <section className="card reports-section" aria-labelledby="reports-leaderboard">
      <header className="reports-section-head">
        <h2 id="reports-leaderboard">{t('leaderboard.title')}</h2>
        <div className="reports-section-tools">
          <div className="field reports-inline-field">
            <label htmlFor="reports-leader-by">{t('leaderboard.by')}</label>
            <select
              id="reports-leader-by"
              value={by}
              onChange={(e) => setBy(e.target.value as LeaderParams['by'])}
            >
              <option value="owner">{t('leaderboard.byOwner')}</option>
              <option value="team">{t('leaderboard.byTeam')}</option>
            </select>
          </div>
          <CsvLink report="leaderboard" params={params} title={t('leaderboard.title')} />
        </div>
      </header>
      <SectionBody query={query}>
        {() => query.data && <LeaderboardTable report={query.data} sort={sort} onSort={setSort} />}
      </SectionBody>
    </section>
  );
}

type TableProps = { report: Leaderboard; sort: LeaderSort; onSort: (s: LeaderSort) => void };

function LeaderboardTable({ report, sort, onSort }: TableProps) {
  const { t, i18n } = useTranslation('reports');
  const lang = i18n.language;
  const base = report.baseCurrency;
  const none = <span className="muted">{t('none')}</span>;
  const money = (m: Leaderboard['rows'][number]['wonValue']) => (
    <>
      {formatMoney(m.total, base, lang)}
      {m.unconverted.length > 0 && (
        <span className="reports-apart muted small">
          {t('channels.apart', { amounts: unconvertedText(m.unconverted, lang) })}
        </span>
      )}
    </>
  );
  const days = (d: number | null) =>
    d === null
      ? none
      : t('tiles.days', { count: d, value: formatNumber(Math.round(d * 10) / 10, lang) });

  return (
    <div>
      <p className="muted small">{t('leaderboard.explain', { currency: base })}</p>
      {report.rows.length === 0 ? (
        <p className="muted">{t('leaderboard.empty')}</p>
      ) : (
        <div
          className="reports-table-wrap"
          role="region"
          aria-label={t('leaderboard.tableCaption')}
          tabIndex={0}
        >
          <table className="reports-table" data-testid="leaderboard-table">
            <caption className="visually-hidden">{t('leaderboard.tableCaption')}</caption>
            <thead>
              <tr>
                <th scope="col">{t('leaderboard.name')}</th>
                {SORTS.map((s) => (
                  <th
                    key={s}
                    scope="col"
                    className="reports-num"
                    aria-sort={
                      s === sort ? (s === 'cycleDays' ? 'ascending' : 'descending') : undefined
                    }
                  >
                    <button type="button" className="reports-sort" onClick={() => onSort(s)}>
                      {t(`leaderboard.${s}`)}
                      {s === sort ? (s === 'cycleDays' ? ' ▲' : ' ▼') : ''}
                    </button>
                  </th>
                ))}
              </tr>
            </thead>
            <tbody>
              {report.rows.map((r) => (
                <tr key={r.id}>
                  <th scope="row">{r.name}</th>
                  <td className="reports-num">{formatNumber(r.won, lang)}</td>
                  <td className="reports-num">
                    {r.winRate === null ? none : formatPercent(r.winRate, lang)}
                  </td>
                  <td className="reports-num">{money(r.wonValue)}</td>
                  <td className="reports-num">{days(r.cycleDays)}</td>
                  <td className="reports-num">{money(r.openWeighted)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </div>
  );
}
