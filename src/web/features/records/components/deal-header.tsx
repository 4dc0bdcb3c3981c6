import { useTranslation } from 'react-i18next';
import { Money } from '../../../components/ui/money';
import { daysSince } from '../../../lib/format';
import type { Deal } from '../../../lib/queries/deal-types';
import { usePipelines, useStageName } from '../../../lib/queries/pipelines';
import type { DealPatch } from '../api/use-update-deal';
import { DeleteDealButton } from './delete-deal-button';
import { textEditor } from './editors';
import { InlineField } from './inline-field';

type DealHeaderProps = { deal: Deal; save: (patch: DealPatch) => Promise<void> };

export function DealHeader({ deal, save }: DealHeaderProps) {
  const { t } = useTranslation('records');
  const pipelines = usePipelines();
  const stageName = useStageName();
  const stage = pipelines.data?.flatMap((p) => p.stages).find((s) => s.id === deal.stageId);
  const days = daysSince(deal.stageEnteredAt);

  return (
    <header className="rec-header">
      <div className="rec-header-main">
        <InlineField
          variant="title"
          label={t('fields.title')}
          fields={['title']}
          display={<h1 data-testid="deal-title">{deal.title}</h1>}
          start={() => deal.title}
          editor={textEditor('text', { maxLength: 200, className: 'rec-title-input' })}
          toPatch={(title) => (title.trim() ? { title } : t('inline.required'))}
          save={save}
        />
        <p className="rec-header-meta">
          <Money value={deal.value} currency={deal.currency} />
          <span className={`rec-status rec-status-${deal.status}`}>
            {t(`common:status.${deal.status}`)}
          </span>
          {stage && deal.status === 'open' && (
            <span>{t('deal.daysInStage', { count: days, stage: stageName(stage.name) })}</span>
          )}
          <span className="muted">{t('deal.ownedBy', { name: deal.ownerName })}</span>
        </p>
      </div>
      <DeleteDealButton deal={deal} />
    </header>
  );
}
