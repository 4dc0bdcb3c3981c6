import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { Money } from '../../../components/ui/money';
import { useStageName } from '../../../lib/queries/pipelines';
import type { AttentionDeal } from '../api/attention';
import { AttentionReasons } from './attention-reasons';

/** Deals needing attention, most promising first, each with why. */
export function AttentionList({
  deals,
  showOwner,
}: {
  deals: AttentionDeal[];
  showOwner: boolean;
}) {
  const { t } = useTranslation('activities');
  const stageName = useStageName();
  if (deals.length === 0) return <p className="activities-empty">{t('attention.none')}</p>;
  return (
    <ul className="activities-attention">
      {deals.map((deal) => (
        <li key={deal.id} className="activities-attention-deal" data-deal-id={deal.id}>
          <div className="activities-attention-head">
            <Link to={`/deals/${deal.id}`} className="activities-attention-title">
              {deal.title}
            </Link>
            <span className="activities-attention-value">
              <Money value={deal.value} currency={deal.currency} />
              <span className="muted small">
                {' '}
                · {t('attention.weighted')} <Money value={deal.weighted} currency={deal.currency} />
              </span>
            </span>
          </div>
          <p className="activities-attention-meta muted small">
            <span>
              {t('attention.stage')}: {stageName(deal.stageName)}
            </span>
            {showOwner && (
              <span>
                {' '}
                · {t('attention.owner')}: {deal.ownerName}
              </span>
            )}
          </p>
          <AttentionReasons reasons={deal.reasons} />
        </li>
      ))}
    </ul>
  );
}
