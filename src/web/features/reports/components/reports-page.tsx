import { useCallback, useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, Navigate, useNavigate, useParams, useSearchParams } from 'react-router';
import { EmptyState } from '../../../components/ui/empty-state';
import { formatDate } from '../../../lib/format';
import { usePipelines } from '../../../lib/queries/pipelines';
import { useCurrentUser, userTimeZone } from '../../session/use-me';
import { useKeyNumbers, type KeyNumbers } from '../api/key-numbers';
import type { ReportFilters as Filters } from '../api/report-query';
import { todayIn } from '../model/report-periods';
import { rangeOf, readSearch, writeSearch, type ReportSearch } from '../model/report-search';
import '../reports.css';
import { CustomersSection } from '../../post-purchase/customers-section';
import { BoardAtSection } from './board-at-section';
import { ChannelsSection } from './channels-section';
import { ConversionSection } from './conversion-section';
import { CsvLink } from './csv-link';
import { KeyNumberTiles } from './key-number-tiles';
import { LeaderboardSection } from './leaderboard-section';
import { ReportFilters } from './report-filters';
import { SectionBody } from './section-states';
import { TrendsSection } from './trends-section';
import { WaterfallSection } from './waterfall-section';

const isEmpty = (k: KeyNumbers) =>
  k.created === 0 && k.won === 0 && k.lost === 0 && k.openAtEnd.length === 0;

/** Key numbers, stage conversion, waterfall and trends of one pipeline over one period. */
export function ReportsPage() {
  const { t, i18n } = useTranslation('reports');
  const { t: common } = useTranslation();
  const { pipelineId } = useParams();
  const navigate = useNavigate();
  const [params, setParams] = useSearchParams();
  const pipelines = usePipelines();
  const timeZone = userTimeZone(useCurrentUser());
  const search = useMemo(() => readSearch(params), [params]);
  const today = todayIn(timeZone);
  const range = rangeOf(search, today);
  const setSearch = useCallback(
    (patch: Partial<ReportSearch>) =>
      setParams(
        writeSearch({ ...readSearch(new URLSearchParams(window.location.search)), ...patch }),
      ),
    [setParams],
  );
  const filters: Filters = {
    pipelineId: pipelineId ?? '',
    ...range,
    ownerId: search.ownerId,
    teamId: search.teamId,
    source: search.source,
  };
  const known = !!pipelines.data?.some((p) => p.id === pipelineId);
  const keyNumbers = useKeyNumbers(filters, known);

  if (pipelines.isPending) return <p className="page-loading">{common('state.loading')}</p>;
  if (pipelines.isError)
    return <EmptyState title={t('loadError')}>{pipelines.error.message}</EmptyState>;
  const first = pipelines.data[0];
  if (!first)
    return (
      <EmptyState title={t('noPipelines.title')}>
        <p>{t('noPipelines.body')}</p>
        <Link to="/settings">{common('nav.settings')}</Link>
      </EmptyState>
    );
  if (!known) return <Navigate to={`/reports/${first.id}?${params.toString()}`} replace />;

  const lang = i18n.language;
  return (
    <div className="reports-page">
      <header className="page-header">
        <h1>{t('title')}</h1>
      </header>
      <ReportFilters
        pipelines={pipelines.data}
        pipelineId={filters.pipelineId}
        onPipeline={(id) => navigate(`/reports/${id}?${params.toString()}`)}
        search={search}
        range={range}
        onChange={setSearch}
      />
      <p className="muted small">
        {t('periodSummary', {
          from: formatDate(range.from, lang),
          to: formatDate(range.to, lang),
          zone: timeZone,
        })}{' '}
        {t('explain')}
      </p>
      <section className="card reports-section" aria-labelledby="reports-key-numbers">
        <header className="reports-section-head">
          <h2 id="reports-key-numbers">{t('tiles.label')}</h2>
          <div className="reports-section-tools">
            <CsvLink report="key-numbers" params={filters} title={t('tiles.label')} />
          </div>
        </header>
        <SectionBody query={keyNumbers}>
          {() => keyNumbers.data && <KeyNumberTiles k={keyNumbers.data} />}
        </SectionBody>
      </section>
      {keyNumbers.data && isEmpty(keyNumbers.data) ? (
        <EmptyState title={t('empty.title')}>
          <p>{t('empty.body')}</p>
          <Link to={`/board/${filters.pipelineId}`}>{t('empty.openBoard')}</Link>
        </EmptyState>
      ) : (
        <>
          <ConversionSection
            filters={filters}
            mode={search.mode}
            onMode={(mode) => setSearch({ mode })}
          />
          <WaterfallSection filters={filters} />
          <TrendsSection
            filters={filters}
            unit={search.unit}
            onUnit={(unit) => setSearch({ unit })}
          />
          <ChannelsSection filters={filters} />
          <LeaderboardSection filters={filters} />
          <CustomersSection from={filters.from} to={filters.to} />
          <BoardAtSection filters={filters} timeZone={timeZone} today={today} />
        </>
      )}
    </div>
  );
}
