import { useQueryClient, type QueryClient } from '@tanstack/react-query';
import { dealKeys } from '../../../lib/queries/deal-types';
import { pipelinesQuery, type Pipeline } from '../../../lib/queries/pipelines';

/** Puts the pipeline the API answered with into the cache, so the next edit sends its new version. */
export function replacePipeline(client: QueryClient, updated: Pipeline): void {
  client.setQueryData(pipelinesQuery.queryKey, (all) =>
    all?.map((p) => (p.id === updated.id ? updated : p)),
  );
}

/** Pipelines and stages show up on the board and on every deal: refresh both after a change. */
export function useRefreshPipelines() {
  const client = useQueryClient();
  return () =>
    Promise.all([
      client.invalidateQueries({ queryKey: pipelinesQuery.queryKey }),
      client.invalidateQueries({ queryKey: dealKeys.all }),
    ]);
}
