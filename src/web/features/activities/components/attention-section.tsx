import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useAttention, type AttentionDeal } from '../api/attention';
import { AttentionList } from './attention-list';
import { AttentionScopeSelect, scopeFromValue } from './attention-scope-select';
import { Loading, LoadError } from './load-states';

type Props = { mine: AttentionDeal[]; canChooseOwner: boolean };

/** The caller's own deals from My day; managers may look at a person's or a team's instead. */
export function AttentionSection({ mine, canChooseOwner }: Props) {
  const { t } = useTranslation('activities');
  const [scopeValue, setScopeValue] = useState('mine');
  const scope = scopeFromValue(scopeValue);
  const other = useAttention(scope ?? {}, scope !== null);
  const deals = scope === null ? mine : (other.data?.data ?? []);
  const total = scope === null ? mine.length : (other.data?.total ?? 0);

  return (
    <section className="activities-section" aria-labelledby="activities-attention-title">
      <div className="activities-section-head">
        <h2 id="activities-attention-title">
          {t('attention.title')}{' '}
          <span className="activities-count activities-count-warning">
            {t('attention.count', { count: total })}
          </span>
        </h2>
        {canChooseOwner && <AttentionScopeSelect value={scopeValue} onChange={setScopeValue} />}
      </div>
      {scope !== null && other.isPending ? (
        <Loading />
      ) : scope !== null && other.isError ? (
        <LoadError error={other.error} onRetry={() => void other.refetch()} />
      ) : (
        <>
          <AttentionList deals={deals} showOwner={scope !== null} />
          {total > deals.length && (
            <p className="muted small">{t('attention.more', { shown: deals.length, total })}</p>
          )}
        </>
      )}
    </section>
  );
}
