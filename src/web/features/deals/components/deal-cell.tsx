import type { TFunction } from 'i18next';
import { Link } from 'react-router';
import { Money } from '../../../components/ui/money';
import { daysSince, formatDate, formatDateTime } from '../../../lib/format';
import type { Deal } from '../../../lib/queries/deal-types';
import type { ListColumn } from '../model/deal-columns';

export type CellContext = {
  t: TFunction<'deals'>;
  common: TFunction;
  lang: string;
  timeZone: string | undefined;
  stageName: (stageId: string) => string;
  pipelineName: (pipelineId: string) => string;
};

const none = (x: CellContext) => <span className="muted">{x.t('table.none')}</span>;

/** The content of one cell; the title is the row's link to the deal. */
export function DealCell({ column, deal, x }: { column: ListColumn; deal: Deal; x: CellContext }) {
  switch (column) {
    case 'title':
      return <Link to={`/deals/${deal.id}`}>{deal.title}</Link>;
    case 'pipeline':
      return <>{x.pipelineName(deal.pipelineId)}</>;
    case 'stage':
      return <>{x.stageName(deal.stageId)}</>;
    case 'value':
      return <Money value={deal.value} currency={deal.currency} />;
    case 'currency':
      return <>{deal.currency}</>;
    case 'owner':
      return <>{deal.ownerName}</>;
    case 'company':
      return deal.companyId && deal.companyName ? (
        <Link to={`/companies/${deal.companyId}`}>{deal.companyName}</Link>
      ) : (
        none(x)
      );
    case 'expectedCloseDate':
      return deal.expectedCloseDate ? <>{formatDate(deal.expectedCloseDate, x.lang)}</> : none(x);
    case 'source':
      return deal.source ? <>{deal.source}</> : none(x);
    case 'status':
      return (
        <span className={`deals-status deals-status-${deal.status}`}>
          {x.common(`status.${deal.status}`)}
        </span>
      );
    case 'probability':
      return <>{deal.effectiveProbability}%</>;
    case 'createdAt':
      return <>{formatDate(deal.createdAt, x.lang, x.timeZone)}</>;
    case 'nextStep':
      if (deal.noNextStep) {
        return (
          <span className="deals-no-next">
            <span aria-hidden="true">⚠ </span>
            {x.t('table.noNextStep')}
          </span>
        );
      }
      if (!deal.nextActivity || deal.status !== 'open') return none(x);
      return (
        <span
          className={
            Date.parse(deal.nextActivity.dueAt) < Date.now() ? 'deals-next-late' : undefined
          }
        >
          {deal.nextActivity.subject}
          <span className="muted small">
            {' · '}
            {deal.nextActivity.allDay
              ? formatDate(deal.nextActivity.dueAt, x.lang, x.timeZone)
              : formatDateTime(deal.nextActivity.dueAt, x.lang, x.timeZone)}
          </span>
        </span>
      );
    case 'stageEnteredAt':
      // Only open deals are still waiting in their stage.
      return deal.status === 'open' ? (
        <>{x.t('table.days', { count: daysSince(deal.stageEnteredAt) })}</>
      ) : (
        none(x)
      );
  }
}
