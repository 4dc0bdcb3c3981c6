import { useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { useParams } from 'react-router';
import { dealKeys, type Deal } from '../../../lib/queries/deal-types';
import { activityKeys } from '../api/activity-keys';
import { useDeal } from '../api/use-deal';
import { useUpdateDeal, type DealPatch } from '../api/use-update-deal';
import '../records.css';
import { useConflictWatch } from '../use-record-save';
import { ConflictBanner } from './conflict-banner';
import { DealFields } from './deal-fields';
import { DealHeader } from './deal-header';
import { AfterTheWin } from '../../post-purchase/after-the-win';
import { DealLinks } from './deal-links';
import { DealTimeline } from './deal-timeline';
import { RecordLoadState } from './record-load-state';
import { StageBar } from './stage-bar';

export function DealPage() {
  const { t } = useTranslation('records');
  const { id = '' } = useParams();
  const deal = useDeal(id);

  if (!deal.data) {
    return (
      <RecordLoadState
        error={deal.error}
        notFound={t('deal.notFound')}
        back={{ to: '/deals', label: t('deal.backToDeals') }}
        retry={() => void deal.refetch()}
      />
    );
  }
  return <DealView deal={deal.data} />;
}

function DealView({ deal }: { deal: Deal }) {
  const client = useQueryClient();
  const update = useUpdateDeal(deal.id);
  const conflicts = useConflictWatch();
  const save = (patch: DealPatch) =>
    conflicts.watch(update.mutateAsync({ ...patch, version: deal.version })).then(() => undefined);
  const reload = () => {
    conflicts.clear();
    void client.invalidateQueries({ queryKey: dealKeys.one(deal.id) });
    void client.invalidateQueries({
      queryKey: activityKeys.timeline({ kind: 'deals', id: deal.id }),
    });
  };

  return (
    <article className="rec-page">
      {conflicts.conflict && <ConflictBanner onReload={reload} />}
      <DealHeader deal={deal} save={save} />
      <StageBar deal={deal} save={save} watch={conflicts.watch} />
      <div className="rec-columns">
        <div className="rec-main">
          <DealFields deal={deal} save={save} />
          <DealLinks deal={deal} save={save} />
          <AfterTheWin deal={deal} />
        </div>
        <DealTimeline deal={deal} />
      </div>
    </article>
  );
}
