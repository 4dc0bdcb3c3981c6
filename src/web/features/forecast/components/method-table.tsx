import { useTranslation } from 'react-i18next';
import { formatMoney, formatNumber } from '../../../lib/format';
import type { Forecast } from '../api/forecast';

/** The three methods side by side, then the learned P10–P90 band of the amount. */
export function MethodTable({ f }: { f: Forecast }) {
  const { t, i18n } = useTranslation('forecast');
  const lang = i18n.language;
  const money = (v: number) => formatMoney(Math.round(v), f.currency, lang);
  const deals = (v: number) => formatNumber(Math.round(v * 10) / 10, lang);
  const rows: [string, number, number][] = [
    [t('methods.won'), f.won.count, f.won.amount],
    [t('methods.stageWeighted'), f.stageWeighted.count, f.stageWeighted.amount],
    [t('methods.commit'), f.category.commit.count, f.category.commit.amount],
    [t('methods.bestCase'), f.category.bestCase.count, f.category.bestCase.amount],
    [t('methods.learned'), f.learned.expected.count, f.learned.expected.amount],
    [t('methods.learnedP50'), f.learned.count.p50, f.learned.amount.p50],
  ];
  const { p10, p90 } = f.learned.amount;
  // The band's scale runs to the largest number shown, so every marker fits.
  const top = Math.max(p90, ...rows.map((r) => r[2]), 1);
  const at = (v: number) => `${(100 * v) / top}%`;
  return (
    <>
      <table className="forecast-methods" aria-label={t('methods.label')}>
        <thead>
          <tr>
            <th scope="col">{t('methods.method')}</th>
            <th scope="col">{t('methods.deals')}</th>
            <th scope="col">{t('methods.amount')}</th>
          </tr>
        </thead>
        <tbody>
          {rows.map(([label, count, amount]) => (
            <tr key={label}>
              <th scope="row">{label}</th>
              <td>{deals(count)}</td>
              <td>{money(amount)}</td>
            </tr>
          ))}
        </tbody>
      </table>
      <figure className="forecast-band" aria-label={t('band.label')}>
        <div className="forecast-band-track">
          <div
            className="forecast-band-range"
            style={{ left: at(p10), width: `calc(${at(p90)} - ${at(p10)})` }}
          />
          {rows.slice(1).map(([label, , amount]) => (
            <span
              key={label}
              className="forecast-band-mark"
              style={{ left: at(amount) }}
              title={`${label}: ${money(amount)}`}
            />
          ))}
        </div>
        <figcaption className="muted small">
          {t('band.summary', {
            runs: formatNumber(f.learned.runs, lang),
            p10: money(p10),
            p90: money(p90),
          })}
        </figcaption>
      </figure>
    </>
  );
}
