import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { addDays, startOfLocalDay } from '../../../../domain/local-day';
import { Money } from '../../../components/ui/money';
import { formatNumber } from '../../../lib/format';
import { useStageName } from '../../../lib/queries/pipelines';
import { useBoardAt } from '../api/board-at';
import type { ReportFilters } from '../api/report-query';
import { CsvLink } from './csv-link';
import { SectionBody } from './section-states';

type Props = { filters: ReportFilters; timeZone: string; today: string };

/** The board as it stood at the end of a chosen day (time travel), as a table. */
export function BoardAtSection({ filters, timeZone, today }: Props) {
  const { t, i18n } = useTranslation('reports');
  const stageName = useStageName();
  // The period's last day, or today while the period is still running.
  const [day, setDay] = useState<string | null>(null);
  const date = day ?? (filters.to < today ? filters.to : today);
  // The last instant of the day in the user's zone: every change of that day is on the board.
  const at = new Date(startOfLocalDay(addDays(date, 1), timeZone).getTime() - 1).toISOString();
  const { pipelineId, ownerId, teamId, source } = filters;
  const params = { pipelineId, ownerId, teamId, source, at };
  const query = useBoardAt(params);
  const lang = i18n.language;

  return (
    <section className="card reports-section" aria-labelledby="reports-board-at">
      <header className="reports-section-head">
        <h2 id="reports-board-at">{t('boardAt.title')}</h2>
        <div className="reports-section-tools">
          <div className="field reports-inline-field">
            <label htmlFor="reports-board-date">{t('boardAt.date')}</label>
            <input
              id="reports-board-date"
              type="date"
              value={date}
              max={today}
              onChange={(e) => e.target.value && setDay(e.target.value)}
            />
          </div>
          <CsvLink report="board-at" params={params} title={t('boardAt.title')} />
        </div>
      </header>
      <p className="muted small">{t('boardAt.explain')}</p>
      <SectionBody query={query}>
        {() => (
          <div
            className="reports-table-wrap"
            role="region"
            aria-label={t('boardAt.title')}
            tabIndex={0}
          >
            <table className="reports-table" data-testid="board-at-table">
              <thead>
                <tr>
                  <th scope="col">{t('conversion.stage')}</th>
                  <th scope="col" className="reports-num">
                    {t('boardAt.deals')}
                  </th>
                  <th scope="col" className="reports-num">
                    {t('boardAt.value')}
                  </th>
                </tr>
              </thead>
              <tbody>
                {query.data?.columns.map((c) => (
                  <tr key={c.stageId}>
                    <th scope="row">{stageName(c.name)}</th>
                    <td className="reports-num">{formatNumber(c.count, lang)}</td>
                    <td className="reports-num">
                      {c.totals.length === 0 ? (
                        <span className="muted">{t('none')}</span>
                      ) : (
                        c.totals.map((total) => (
                          <div key={total.currency}>
                            <Money value={total.value} currency={total.currency} />
                          </div>
                        ))
                      )}
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        )}
      </SectionBody>
    </section>
  );
}
