import { useTranslation } from 'react-i18next';
import { formatNumber, formatPercent } from '../../../lib/format';
import { useStageName } from '../../../lib/queries/pipelines';
import type { StageConversion } from '../api/stage-conversion';

const OUTCOMES = ['deals', 'forward', 'back', 'won', 'lost', 'movedOut', 'stayed'] as const;

/** The chart's numbers, time in stage, and the weakest stage marked (not by colour alone). */
export function ConversionTable({ report }: { report: StageConversion }) {
  const { t, i18n } = useTranslation('reports');
  const stageName = useStageName();
  const lang = i18n.language;
  const cohort = report.mode === 'cohort';
  const stages = cohort ? report.stages : report.stages.filter((s) => s.kind === 'open');
  const none = <span className="muted">{t('none')}</span>;
  const days = (d: number | null | undefined) =>
    d === null || d === undefined ? none : formatNumber(Math.round(d * 10) / 10, lang);

  return (
    <div
      className="reports-table-wrap"
      role="region"
      aria-label={t('conversion.tableCaption')}
      tabIndex={0}
    >
      <table className="reports-table" data-testid="conversion-table">
        <caption className="visually-hidden">{t('conversion.tableCaption')}</caption>
        <thead>
          <tr>
            <th scope="col">{t('conversion.stage')}</th>
            {cohort ? (
              <>
                <th scope="col" className="reports-num">
                  {t('conversion.reached')}
                </th>
                <th scope="col" className="reports-num">
                  {t('conversion.toNext')}
                </th>
              </>
            ) : (
              OUTCOMES.map((o) => (
                <th key={o} scope="col" className="reports-num">
                  {t(`conversion.outcomes.${o}`)}
                </th>
              ))
            )}
            <th scope="col" className="reports-num">
              {t('conversion.medianDays')}
            </th>
            <th scope="col" className="reports-num">
              {t('conversion.p75Days')}
            </th>
          </tr>
        </thead>
        <tbody>
          {stages.map((s) => {
            const weakest = s.stageId === report.weakestStageId;
            return (
              <tr key={s.stageId} className={weakest ? 'reports-weakest' : undefined}>
                <th scope="row">
                  {stageName(s.name)}
                  {weakest && <span className="reports-badge">{t('conversion.weakest')}</span>}
                </th>
                {cohort ? (
                  <>
                    <td className="reports-num">{formatNumber(s.reached ?? 0, lang)}</td>
                    <td className="reports-num">
                      {s.conversionToNext === null ? none : formatPercent(s.conversionToNext, lang)}
                    </td>
                  </>
                ) : (
                  OUTCOMES.map((o) => (
                    <td key={o} className="reports-num">
                      {formatNumber(s.active?.[o] ?? 0, lang)}
                    </td>
                  ))
                )}
                <td className="reports-num">{days(s.time?.median)}</td>
                <td className="reports-num">{days(s.time?.p75)}</td>
              </tr>
            );
          })}
        </tbody>
      </table>
    </div>
  );
}
