import { lazy, Suspense, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Money } from '../../../components/ui/money';
import { formatNumber } from '../../../lib/format';
import type { ReportFilters } from '../api/report-query';
import { useWaterfall, type Waterfall, type WaterfallBar } from '../api/waterfall';
import { BarDeals } from './bar-deals';
import { CsvLink } from './csv-link';
import { SectionBody } from './section-states';

const WaterfallChart = lazy(async () => ({
  default: (await import('./waterfall-chart')).WaterfallChart,
}));

// Start and End always show; a change bar only when something happened in it.
const shownBars = (bars: WaterfallBar[]) =>
  bars.filter((b) => b.bar === 'start' || b.bar === 'end' || b.amount > 0);

export function WaterfallSection({ filters }: { filters: ReportFilters }) {
  const { t } = useTranslation('reports');
  const query = useWaterfall(filters);
  return (
    <section className="card reports-section" aria-labelledby="reports-waterfall">
      <header className="reports-section-head">
        <h2 id="reports-waterfall">{t('waterfall.title')}</h2>
        <div className="reports-section-tools">
          <CsvLink report="waterfall" params={filters} title={t('waterfall.title')} />
        </div>
      </header>
      <p className="muted small">{t('waterfall.explain')}</p>
      <SectionBody query={query}>
        {() => query.data && <WaterfallBody report={query.data} />}
      </SectionBody>
    </section>
  );
}

function WaterfallBody({ report }: { report: Waterfall }) {
  const { t, i18n } = useTranslation('reports');
  const [picked, setPicked] = useState<string | null>(null);
  const [selected, setSelected] = useState<WaterfallBar['bar'] | null>(null);
  const first = report.currencies[0];
  if (!first) return <p className="muted">{t('waterfall.noValue')}</p>;
  const current = report.currencies.find((c) => c.currency === picked) ?? first;
  const bars = shownBars(current.bars);
  const bar = bars.find((b) => b.bar === selected) ?? null;

  return (
    <div>
      {report.currencies.length > 1 && (
        <div className="field reports-inline-field">
          <label htmlFor="reports-currency">{t('waterfall.currency')}</label>
          <select
            id="reports-currency"
            value={current.currency}
            onChange={(e) => {
              setPicked(e.target.value);
              setSelected(null);
            }}
          >
            {report.currencies.map((c) => (
              <option key={c.currency}>{c.currency}</option>
            ))}
          </select>
        </div>
      )}
      <Suspense fallback={<p className="muted">{t('conversion.chartLoading')}</p>}>
        <WaterfallChart bars={bars} currency={current.currency} onSelect={setSelected} />
      </Suspense>
      <ul className="reports-bars" aria-label={t('waterfall.title')}>
        {bars.map((b) => (
          <li key={b.bar}>
            <button
              type="button"
              className={`reports-bar-button${b.bar === selected ? ' is-selected' : ''}`}
              aria-pressed={b.bar === selected}
              onClick={() => setSelected(b.bar === selected ? null : b.bar)}
            >
              <span>{t(`waterfall.bars.${b.bar}`)}</span>
              <Money value={b.amount} currency={current.currency} />
              <span className="muted small">{formatNumber(b.dealCount, i18n.language)}</span>
            </button>
          </li>
        ))}
      </ul>
      {bar && (
        <BarDeals
          bar={bar}
          currency={current.currency}
          titles={report.deals}
          onClose={() => setSelected(null)}
        />
      )}
    </div>
  );
}
