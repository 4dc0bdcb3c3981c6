import { useId } from 'react';
import { useTranslation } from 'react-i18next';
import { Button } from '../../../components/ui/button';
import { usePipelines, useStageName } from '../../../lib/queries/pipelines';
import { useMe } from '../../session/use-me';
import { currencyChoices } from '../model/amount-input';
import { activeFilterCount, type DealFilters } from '../model/list-params';
import type { ListStateApi } from '../use-list-state';
import { AmountFilter } from './amount-filter';
import { FilterPanel } from './filter-panel';
import { orUndefined, OwnerTeamFilters, SourceFilter } from './owner-team-filters';
import { SelectField } from './select-field';
import { TextFilter } from './text-filter';
import { StageOptions } from './user-options';

type Props = Pick<ListStateApi, 'setFilters' | 'clearFilters'> & {
  filters: DealFilters;
  sources: string[];
};

/** Every filter of the list, written to the URL; on a phone they fold behind a toggle. */
export function DealsFilters({ filters, sources, setFilters, clearFilters }: Props) {
  const { t } = useTranslation('deals');
  const { t: common } = useTranslation();
  const stageName = useStageName();
  const pipelines = usePipelines();
  const me = useMe();
  const dateId = useId();
  const sourceListId = useId();
  const count = activeFilterCount(filters);
  const currencies = currencyChoices(me.data?.workspace.defaultCurrency ?? 'VND');
  const stageOutside = (pipelineId: string) =>
    !!filters.stageId &&
    !pipelines.data?.find((p) => p.id === pipelineId)?.stages.some((s) => s.id === filters.stageId);

  return (
    <FilterPanel count={count}>
      <TextFilter
        label={t('filters.search')}
        type="search"
        placeholder={t('filters.searchPlaceholder')}
        value={filters.q ?? ''}
        onCommit={(q) => setFilters({ q: orUndefined(q) }, { replace: true })}
      />
      <SelectField
        label={t('filters.pipeline')}
        value={filters.pipelineId ?? ''}
        onChange={(e) => {
          const pipelineId = e.target.value;
          setFilters({
            pipelineId: orUndefined(pipelineId),
            ...(pipelineId && stageOutside(pipelineId) ? { stageId: undefined } : {}),
          });
        }}
      >
        <option value="">{t('filters.allPipelines')}</option>
        {pipelines.data?.map((p) => (
          <option key={p.id} value={p.id}>
            {stageName(p.name)}
          </option>
        ))}
      </SelectField>
      <SelectField
        label={t('filters.stage')}
        value={filters.stageId ?? ''}
        onChange={(e) => setFilters({ stageId: orUndefined(e.target.value) })}
      >
        <option value="">{t('filters.anyStage')}</option>
        <StageOptions pipelines={pipelines.data} pipelineId={filters.pipelineId} />
      </SelectField>
      <OwnerTeamFilters filters={filters} onChange={(patch) => setFilters(patch)} />
      <SelectField
        label={t('filters.status')}
        value={filters.status ?? ''}
        onChange={(e) =>
          setFilters({ status: orUndefined(e.target.value) as DealFilters['status'] })
        }
      >
        <option value="">{t('filters.anyStatus')}</option>
        {(['open', 'won', 'lost'] as const).map((s) => (
          <option key={s} value={s}>
            {common(`status.${s}`)}
          </option>
        ))}
      </SelectField>
      <SourceFilter
        value={filters.source}
        list={sourceListId}
        onCommit={(source) => setFilters({ source }, { replace: true })}
      />
      <datalist id={sourceListId}>
        {sources.map((s) => (
          <option key={s} value={s} />
        ))}
      </datalist>
      <SelectField
        label={t('filters.currency')}
        value={filters.currency ?? ''}
        onChange={(e) => {
          const currency = orUndefined(e.target.value);
          // Amounts mean nothing in another currency, so they go with it.
          setFilters({ currency, valueMin: undefined, valueMax: undefined });
        }}
      >
        <option value="">{t('filters.anyCurrency')}</option>
        {currencies.map((c) => (
          <option key={c} value={c}>
            {c}
          </option>
        ))}
      </SelectField>
      <div className="deals-amounts">
        <AmountFilter
          label={t('filters.valueMin')}
          minor={filters.valueMin}
          currency={filters.currency}
          onCommit={(valueMin) => setFilters({ valueMin })}
        />
        <AmountFilter
          label={t('filters.valueMax')}
          minor={filters.valueMax}
          currency={filters.currency}
          onCommit={(valueMax) => setFilters({ valueMax })}
        />
        {!filters.currency && (
          <p className="field-hint deals-amounts-hint">{t('filters.valueNeedsCurrency')}</p>
        )}
      </div>
      <div className="field deals-field">
        <label htmlFor={`${dateId}-from`}>{t('filters.closeFrom')}</label>
        <input
          id={`${dateId}-from`}
          type="date"
          value={filters.closeFrom ?? ''}
          onChange={(e) => setFilters({ closeFrom: orUndefined(e.target.value) })}
        />
      </div>
      <div className="field deals-field">
        <label htmlFor={`${dateId}-to`}>{t('filters.closeTo')}</label>
        <input
          id={`${dateId}-to`}
          type="date"
          value={filters.closeTo ?? ''}
          onChange={(e) => setFilters({ closeTo: orUndefined(e.target.value) })}
        />
      </div>
      <div className="deals-filters-actions">
        <Button variant="ghost" onClick={clearFilters} disabled={!count}>
          {t('filters.clear')}
        </Button>
      </div>
    </FilterPanel>
  );
}
