import { lazy, Suspense, useCallback, useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, Navigate, useNavigate, useParams, useSearchParams } from 'react-router';
import { Button } from '../../../components/ui/button';
import { EmptyState } from '../../../components/ui/empty-state';
import { usePipelines, useStageName } from '../../../lib/queries/pipelines';
import { useFunnel, type FunnelFilters as Filters } from '../api/use-funnel';
import '../deals.css';
import { funnelRows, hasDeals } from '../model/funnel-rows';
import { filterEntries, filtersFromSearch } from '../model/list-params';
import { FilterPanel } from './filter-panel';
import { FunnelFilters } from './funnel-filters';
import { FunnelTable } from './funnel-table';
import { SelectField } from './select-field';

// The chart (and ECharts with it) loads after the numbers, which the table already shows.
const FunnelChart = lazy(async () => ({ default: (await import('./funnel-chart')).FunnelChart }));

/** A pipeline's funnel: deals reaching each open stage, the share going on, and won. */
export function FunnelPage() {
  const { t } = useTranslation('deals');
  const { t: common } = useTranslation();
  const stageName = useStageName();
  const { pipelineId } = useParams();
  const navigate = useNavigate();
  const [search, setSearch] = useSearchParams();
  const pipelines = usePipelines();
  const filters = useMemo((): Filters => {
    const { ownerId, teamId, source } = filtersFromSearch(search);
    return { ...(ownerId && { ownerId }), ...(teamId && { teamId }), ...(source && { source }) };
  }, [search]);
  const funnel = useFunnel(pipelineId, filters);
  // From the URL as it is now (see use-list-state): typed source and picked owner never race.
  const setFilters = useCallback(
    (patch: Partial<Filters>, replace = false) => {
      const now = filtersFromSearch(new URLSearchParams(window.location.search));
      setSearch(new URLSearchParams(filterEntries({ ...now, ...patch })), {
        replace,
        flushSync: !replace,
      });
    },
    [setSearch],
  );

  if (pipelines.isPending) return <p className="page-loading">{common('state.loading')}</p>;
  if (pipelines.isError)
    return <EmptyState title={t('funnel.loadError')}>{pipelines.error.message}</EmptyState>;
  const first = pipelines.data[0];
  if (!first)
    return (
      <EmptyState title={t('funnel.noPipelinesTitle')}>
        <p>{t('funnel.noPipelinesBody')}</p>
        <Link to="/settings">{common('nav.settings')}</Link>
      </EmptyState>
    );
  const pipeline = pipelines.data.find((p) => p.id === pipelineId);
  if (!pipeline) return <Navigate to={`/funnel/${first.id}?${search.toString()}`} replace />;

  const name = stageName(pipeline.name);
  const data = funnel.data?.pipelineId === pipeline.id ? funnel.data : undefined;
  const rows = data ? funnelRows(data.stages) : [];

  return (
    <div className="deals-page deals-funnel">
      <header className="page-header">
        <h1>{t('funnel.title')}</h1>
      </header>
      <FilterPanel
        className="deals-funnel-controls"
        count={Object.keys(filters).length}
        before={
          <SelectField
            label={t('funnel.pipeline')}
            className="deals-funnel-pipeline"
            value={pipeline.id}
            onChange={(e) => navigate(`/funnel/${e.target.value}?${search.toString()}`)}
          >
            {pipelines.data.map((p) => (
              <option key={p.id} value={p.id}>
                {stageName(p.name)}
              </option>
            ))}
          </SelectField>
        }
      >
        <FunnelFilters filters={filters} onChange={setFilters} />
      </FilterPanel>
      <p className="muted small deals-funnel-explain">{t('funnel.explain')}</p>
      {funnel.isError ? (
        <EmptyState title={t('funnel.loadError')}>
          <p>{funnel.error.message}</p>
          <Button onClick={() => void funnel.refetch()}>{common('actions.retry')}</Button>
        </EmptyState>
      ) : !data ? (
        <p className="page-loading">{common('state.loading')}</p>
      ) : !hasDeals(rows) ? (
        <EmptyState title={t('funnel.emptyTitle')}>
          <p>{t('funnel.emptyBody')}</p>
          <Link to={`/board/${pipeline.id}`}>{t('empty.openBoard')}</Link>
        </EmptyState>
      ) : (
        <div className="deals-funnel-body" aria-busy={funnel.isFetching}>
          <div className="card deals-funnel-card">
            <Suspense fallback={<p className="muted">{t('funnel.chartLoading')}</p>}>
              <FunnelChart rows={rows} label={t('funnel.chartLabel', { pipeline: name })} />
            </Suspense>
          </div>
          <FunnelTable rows={rows} pipelineName={name} />
        </div>
      )}
    </div>
  );
}
