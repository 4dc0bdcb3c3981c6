import { useSortable } from '@dnd-kit/sortable';
import { CSS } from '@dnd-kit/utilities';
import { memo } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { Money } from '../../../components/ui/money';
import { daysSince, formatDate } from '../../../lib/format';
import type { BoardColumn, Deal } from '../../../lib/queries/deal-types';
import { useCurrentUser, userTimeZone } from '../../session/use-me';

type Stage = BoardColumn['stage'];

type BodyProps = { deal: Deal; stage: Stage; today: string };

/**
 * What a card shows; also the picture under the pointer while it is dragged. Memoised: a drag
 * re-renders every sortable card on each pointer move, and this part does not change then.
 */
export const DealCardBody = memo(function DealCardBody({ deal, stage, today }: BodyProps) {
  const { t, i18n } = useTranslation('board');
  const days = daysSince(deal.stageEnteredAt);
  const rotting = stage.kind === 'open' && stage.rottingDays !== null && days > stage.rottingDays;
  const close = deal.expectedCloseDate;
  const overdue = close !== null && deal.status === 'open' && close < today;
  const zone = userTimeZone(useCurrentUser());
  return (
    <>
      <span className="board-card-title">{deal.title}</span>
      {deal.companyName && <span className="board-card-company">{deal.companyName}</span>}
      <span className="board-card-value">
        <Money value={deal.value} currency={deal.currency} />
      </span>
      <span className="board-card-meta">
        <span className="board-card-owner">{t('card.owner', { name: deal.ownerName })}</span>
        <span className={overdue ? 'board-card-overdue' : undefined}>
          {close === null
            ? t('card.noCloseDate')
            : t(overdue ? 'card.overdue' : 'card.closes', {
                date: formatDate(close, i18n.language),
              })}
        </span>
        <span
          className={rotting ? 'board-card-rotting' : undefined}
          title={rotting ? t('card.rotting', { count: days }) : undefined}
        >
          {t('card.daysInStage', { count: days })}
        </span>
      </span>
      <NextStepLine deal={deal} lang={i18n.language} zone={zone} />
    </>
  );
});

/** "Next: 12 Mar" (red when overdue), or a "No next step" badge with a text label, not color alone. */
function NextStepLine({ deal, lang, zone }: { deal: Deal; lang: string; zone: string }) {
  const { t } = useTranslation('board');
  if (deal.noNextStep) {
    return (
      <span className="board-card-no-next">
        <span aria-hidden="true">⚠ </span>
        {t('card.noNextStep')}
      </span>
    );
  }
  const next = deal.nextActivity;
  if (!next || deal.status !== 'open') return null;
  const late = Date.parse(next.dueAt) < Date.now();
  const date = new Intl.DateTimeFormat(lang === 'vi' ? 'vi-VN' : 'en-US', {
    day: 'numeric',
    month: 'short',
    timeZone: zone,
  }).format(new Date(next.dueAt));
  return (
    <span className={`board-card-next${late ? ' board-card-overdue' : ''}`} title={next.subject}>
      {t(late ? 'card.nextOverdue' : 'card.next', { date })}
    </span>
  );
}

type CardProps = { deal: Deal; stage: Stage; today: string; disabled: boolean };

/** A card: a link to the deal that can also be picked up (mouse, touch, or Space). */
export const DealCard = memo(function DealCard({ deal, stage, today, disabled }: CardProps) {
  const { t } = useTranslation('board');
  const { attributes, listeners, setNodeRef, transform, transition, isDragging } = useSortable({
    id: deal.id,
    disabled,
  });
  return (
    <Link
      ref={setNodeRef}
      to={`/deals/${deal.id}`}
      className={`board-card${isDragging ? ' is-placeholder' : ''}`}
      data-deal-id={deal.id}
      style={{ transform: CSS.Translate.toString(transform), transition }}
      // A native link drag would steal the pointer from dnd-kit.
      draggable={false}
      aria-roledescription={t('dnd.roleDescription')}
      aria-describedby={attributes['aria-describedby']}
      {...listeners}
    >
      <DealCardBody deal={deal} stage={stage} today={today} />
    </Link>
  );
});
