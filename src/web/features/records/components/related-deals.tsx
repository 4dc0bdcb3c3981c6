import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { Button } from '../../../components/ui/button';
import { Money } from '../../../components/ui/money';
import { usePipelines, useStageName } from '../../../lib/queries/pipelines';
import { useRelatedDeals } from '../api/use-related-deals';

type RelatedDealsProps = { relation: { companyId: string } | { contactId: string } };

/** The deals of a company or a contact: title, stage and value, newest first. */
export function RelatedDeals({ relation }: RelatedDealsProps) {
  const { t } = useTranslation('records');
  const deals = useRelatedDeals(relation);
  const pipelines = usePipelines();
  const stageName = useStageName();
  const stages = new Map(pipelines.data?.flatMap((p) => p.stages).map((s) => [s.id, s.name]));
  const rows = deals.data?.pages.flatMap((p) => p.data) ?? [];

  return (
    <section className="card rec-card" aria-labelledby="related-deals">
      <h2 id="related-deals">{t('related.deals')}</h2>
      {deals.isPending && <p className="muted">{t('common:state.loading')}</p>}
      {deals.isError && (
        <p>
          {t('related.failed')}{' '}
          <Button onClick={() => void deals.refetch()}>{t('common:actions.retry')}</Button>
        </p>
      )}
      {deals.isSuccess && !rows.length && <p className="muted">{t('related.noDeals')}</p>}
      <ul className="rec-related">
        {rows.map((deal) => (
          <li key={deal.id}>
            <Link to={`/deals/${deal.id}`}>{deal.title}</Link>
            <span className="rec-related-meta">
              <Money value={deal.value} currency={deal.currency} />
              <span className={`rec-status rec-status-${deal.status}`}>
                {deal.status === 'open'
                  ? stageName(stages.get(deal.stageId) ?? '')
                  : t(`common:status.${deal.status}`)}
              </span>
            </span>
          </li>
        ))}
      </ul>
      {deals.hasNextPage && (
        <Button onClick={() => void deals.fetchNextPage()} disabled={deals.isFetchingNextPage}>
          {deals.isFetchingNextPage ? t('common:state.loading') : t('common:actions.loadMore')}
        </Button>
      )}
    </section>
  );
}
