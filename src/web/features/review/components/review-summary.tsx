import { useTranslation } from 'react-i18next';
import type { PipelineReview } from '../../../../contracts/review';
import { formatDate, formatMoney } from '../../../lib/format';

/** Quota status for the month and the forecast now against a week ago. */
export function ReviewSummary({ r }: { r: PipelineReview }) {
  const { t, i18n } = useTranslation('review');
  const lang = i18n.language;
  const q = r.quota;
  const f = r.forecast;
  const unconverted = new Set([
    ...f.stageWeighted.now.unconverted,
    ...f.stageWeighted.weekAgo.unconverted,
  ]).size;
  const money = (v: number) => formatMoney(v, f.currency, lang);
  const quotaAmount = (v: number) =>
    q?.kind === 'count' ? t('quota.deals', { count: v }) : formatMoney(v, f.currency, lang);
  const signed = (v: number, show: (n: number) => string) =>
    `${v >= 0 ? '+' : '−'}${show(Math.abs(v))}`;
  const submitted = (s: PipelineReview['forecast']['submitted']['now']) =>
    s ? money(s.amount) : t('forecast.none');
  return (
    <div className="review-summary">
      <section className="review-tile" aria-labelledby="review-quota">
        <h2 id="review-quota">{t('quota.title')}</h2>
        {q ? (
          <>
            <p className="review-tile-value">
              {t('quota.attainment', {
                achieved: quotaAmount(q.achieved),
                target: quotaAmount(q.target),
              })}
            </p>
            {q.target > 0 && (
              <meter min={0} max={q.target} value={Math.min(q.achieved, q.target)} />
            )}
            <p className="muted small">{t('quota.gap', { gap: quotaAmount(q.gap) })}</p>
          </>
        ) : (
          <p className="muted">{t('quota.none')}</p>
        )}
      </section>
      <section className="review-tile" aria-labelledby="review-forecast">
        <h2 id="review-forecast">{t('forecast.title')}</h2>
        <p className="muted small">
          {t('forecast.period', {
            from: formatDate(f.period.from, lang),
            to: formatDate(f.period.to, lang),
          })}
        </p>
        <table className="review-forecast">
          <thead>
            <tr>
              <th />
              <th scope="col">{t('forecast.now')}</th>
              <th scope="col">{t('forecast.weekAgo')}</th>
              <th scope="col">{t('forecast.change')}</th>
            </tr>
          </thead>
          <tbody>
            <tr>
              <th scope="row">{t('forecast.weighted')}</th>
              <td>{money(f.stageWeighted.now.amount)}</td>
              <td>{money(f.stageWeighted.weekAgo.amount)}</td>
              <td>{signed(f.stageWeighted.change.amount, money)}</td>
            </tr>
            <tr>
              <th scope="row">{t('forecast.submitted')}</th>
              <td>{submitted(f.submitted.now)}</td>
              <td>{submitted(f.submitted.weekAgo)}</td>
              <td>
                {f.submitted.now && f.submitted.weekAgo
                  ? signed(f.submitted.now.amount - f.submitted.weekAgo.amount, money)
                  : t('forecast.none')}
              </td>
            </tr>
          </tbody>
        </table>
        {unconverted > 0 && (
          <p className="muted small">{t('unconverted', { count: unconverted })}</p>
        )}
      </section>
    </div>
  );
}
