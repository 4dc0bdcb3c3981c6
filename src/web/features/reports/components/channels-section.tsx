import { lazy, Suspense, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { formatMoney, formatNumber, formatPercent } from '../../../lib/format';
import { channelParams, useChannels, type Channels } from '../api/channels';
import type { ReportFilters } from '../api/report-query';
import { CsvLink } from './csv-link';
import { roundedMoney, unconvertedText } from './money-in-base';
import { SectionBody } from './section-states';

const ChannelsChart = lazy(async () => ({
  default: (await import('./channels-chart')).ChannelsChart,
}));

/** Funnel versus pipeline per source channel: a chart of won value and spend, then the table. */
export function ChannelsSection({ filters }: { filters: ReportFilters }) {
  const { t } = useTranslation('reports');
  const query = useChannels(filters);
  return (
    <section className="card reports-section" aria-labelledby="reports-channels">
      <header className="reports-section-head">
        <h2 id="reports-channels">{t('channels.title')}</h2>
        <div className="reports-section-tools">
          <CsvLink report="channels" params={channelParams(filters)} title={t('channels.title')} />
        </div>
      </header>
      <SectionBody query={query}>
        {() => query.data && <ChannelsBody report={query.data} />}
      </SectionBody>
    </section>
  );
}

function ChannelsBody({ report }: { report: Channels }) {
  const { t, i18n } = useTranslation('reports');
  const lang = i18n.language;
  const base = report.baseCurrency;
  const none = <span className="muted">{t('none')}</span>;
  const n = (v: number) => formatNumber(v, lang);
  const cost = (v: number | null) => (v === null ? none : roundedMoney(v, base, lang));
  const withApart = (main: ReactNode, unconverted: { currency: string; minor: number }[]) =>
    unconverted.length === 0 ? (
      main
    ) : (
      <>
        {main}
        <span className="reports-apart muted small">
          {t('channels.apart', { amounts: unconvertedText(unconverted, lang) })}
        </span>
      </>
    );
  const heads = [
    'leadsCreated',
    'leadsQualified',
    'dealsCreated',
    'dealsWon',
    'wonValue',
    'spend',
    'costPerLead',
    'costPerWonDeal',
    'returnOnSpend',
  ] as const;

  return (
    <div>
      <p className="muted small">{t('channels.explain', { currency: base })}</p>
      {report.channels.length === 0 ? (
        <p className="muted">{t('channels.empty')}</p>
      ) : (
        <>
          <Suspense fallback={<p className="muted">{t('conversion.chartLoading')}</p>}>
            <ChannelsChart report={report} />
          </Suspense>
          <div
            className="reports-table-wrap"
            role="region"
            aria-label={t('channels.tableCaption')}
            tabIndex={0}
          >
            <table className="reports-table" data-testid="channels-table">
              <caption className="visually-hidden">{t('channels.tableCaption')}</caption>
              <thead>
                <tr>
                  <th scope="col">{t('channels.channel')}</th>
                  {heads.map((h) => (
                    <th key={h} scope="col" className="reports-num">
                      {t(`channels.${h}`)}
                    </th>
                  ))}
                </tr>
              </thead>
              <tbody>
                {report.channels.map((c) => (
                  <tr key={c.channel ?? ''}>
                    <th scope="row">{c.channel ?? t('channels.noSource')}</th>
                    <td className="reports-num">{n(c.leadsCreated)}</td>
                    <td className="reports-num">{n(c.leadsQualified)}</td>
                    <td className="reports-num">{n(c.dealsCreated)}</td>
                    <td className="reports-num">{n(c.dealsWon)}</td>
                    <td className="reports-num">
                      {withApart(formatMoney(c.wonValue.total, base, lang), c.wonValue.unconverted)}
                    </td>
                    <td className="reports-num">
                      {c.spend === null ? (
                        <span className="muted">{t('channels.noSpend')}</span>
                      ) : (
                        withApart(formatMoney(c.spend.total, base, lang), c.spend.unconverted)
                      )}
                    </td>
                    <td className="reports-num">{cost(c.costPerLead)}</td>
                    <td className="reports-num">{cost(c.costPerWonDeal)}</td>
                    <td className="reports-num">
                      {c.returnOnSpend === null ? none : formatPercent(c.returnOnSpend, lang)}
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        </>
      )}
    </div>
  );
}
