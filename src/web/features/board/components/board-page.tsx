import { useEffect, useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate, useParams, useSearchParams } from 'react-router';
import { Button } from '../../../components/ui/button';
import { EmptyState } from '../../../components/ui/empty-state';
import { usePipelines, useStageName } from '../../../lib/queries/pipelines';
import { useCurrentUser, userTimeZone } from '../../session/use-me';
import { useBoard } from '../api/use-board';
import { apiFilters, hasFilters, readFilters } from '../lib/board-filters';
import '../board.css';
import { BoardColumns } from './board-columns';
import { BoardEmpty } from './board-empty';
import { BoardFiltersBar } from './board-filters';

const LAST_PIPELINE = 'pipewright.board.pipeline';

const todayIn = (timeZone: string) =>
  new Intl.DateTimeFormat('en-CA', { timeZone }).format(new Date());

/** /board/:pipelineId? — the pipeline as columns of cards; without an id, the last or first one. */
export function BoardPage() {
  const { t } = useTranslation('board');
  const stageName = useStageName();
  const { pipelineId } = useParams();
  const navigate = useNavigate();
  const [params] = useSearchParams();
  const me = useCurrentUser();
  const pipelines = usePipelines();
  const filters = useMemo(() => readFilters(params), [params]);
  const forApi = useMemo(() => apiFilters(filters, me.id), [filters, me.id]);
  const board = useBoard(pipelineId, forApi);
  const search = params.toString() ? `?${params.toString()}` : '';

  const list = pipelines.data;
  const current = list?.find((p) => p.id === pipelineId);
  const fallback =
    list && (list.find((p) => p.id === localStorage.getItem(LAST_PIPELINE)) ?? list[0]);
  useEffect(() => {
    if (!pipelineId && fallback)
      navigate({ pathname: `/board/${fallback.id}`, search }, { replace: true });
  }, [pipelineId, fallback, navigate, search]);
  useEffect(() => {
    if (current) localStorage.setItem(LAST_PIPELINE, current.id);
  }, [current]);

  const sources = useMemo(() => {
    const all = board.data?.columns.flatMap((c) => c.deals.map((d) => d.source)) ?? [];
    return [...new Set(all.filter((s): s is string => !!s))].sort();
  }, [board.data]);

  if (pipelines.isPending) return <p className="page-loading">{t('loading')}</p>;
  if (pipelines.isError) {
    return (
      <div className="page-loading" role="alert">
        {t('loadError')}{' '}
        <Button onClick={() => pipelines.refetch()}>{t('actions.retry', { ns: 'common' })}</Button>
      </div>
    );
  }
  if (list?.length === 0) {
    return (
      <EmptyState title={t('noPipelines.title')}>
        <p>{t('noPipelines.body')}</p>
        <Link to="/settings">{t('noPipelines.action')}</Link>
      </EmptyState>
    );
  }
  if (pipelineId && !current) {
    return (
      <EmptyState title={t('pipelineMissing.title')}>
        <p>{t('pipelineMissing.body')}</p>
        {list?.[0] && (
          <Link to={`/board/${list[0].id}${search}`}>{t('pipelineMissing.action')}</Link>
        )}
      </EmptyState>
    );
  }

  return (
    <div className="board-page">
      <div className="board-header">
        <h1>{t('title')}</h1>
        <label className="board-pipeline">
          <span className="visually-hidden">{t('pipeline')}</span>
          <select
            value={pipelineId ?? ''}
            onChange={(e) => navigate({ pathname: `/board/${e.target.value}`, search })}
          >
            {list?.map((p) => (
              <option key={p.id} value={p.id}>
                {stageName(p.name)}
              </option>
            ))}
          </select>
        </label>
        <BoardFiltersBar filters={filters} sources={sources} />
      </div>
      {board.data && <BoardEmpty board={board.data} filtered={hasFilters(filters)} />}
      <div className="board-body">
        {board.isError && !board.data ? (
          <div className="page-loading" role="alert">
            {t('loadError')}{' '}
            <Button onClick={() => board.refetch()}>{t('actions.retry', { ns: 'common' })}</Button>
          </div>
        ) : board.data ? (
          <BoardColumns
            board={board.data}
            filters={forApi}
            disabled={board.isPlaceholderData}
            today={todayIn(userTimeZone(me))}
          />
        ) : (
          <p className="page-loading">{t('loading')}</p>
        )}
      </div>
    </div>
  );
}
