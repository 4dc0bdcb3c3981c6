import { useCallback, useId, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useSearchParams } from 'react-router';
import { Button } from '../../../components/ui/button';
import { useTeams, useUsers } from '../../../lib/queries/people';
import { useCurrentUser } from '../../session/use-me';
import { activeFilterCount, filterKeys, hasFilters, type BoardFilters } from '../lib/board-filters';
import { AmountInput, DateFilter, DebouncedInput, MineToggle, SelectFilter } from './filter-inputs';

type Props = { filters: BoardFilters; sources: string[] };

/** Search, "My deals" and a panel of filters; every choice is written to the URL. */
export function BoardFiltersBar({ filters, sources }: Props) {
  const { t } = useTranslation('board');
  const me = useCurrentUser();
  const users = useUsers();
  const teams = useTeams();
  const [params, setParams] = useSearchParams();
  const [open, setOpen] = useState(() => activeFilterCount(filters) > 0);
  const panelId = useId();
  const sourcesId = useId();
  // react-router hands a functional update the params of the render that made the setter, so a
  // debounced commit would undo a filter chosen meanwhile: edit the latest params instead.
  const latest = useRef(params);
  latest.current = params;

  const update = useCallback(
    (edit: (next: URLSearchParams) => void) => {
      const next = new URLSearchParams(latest.current);
      edit(next);
      latest.current = next;
      setParams(next, { replace: true });
    },
    [setParams],
  );
  const set = useCallback(
    (key: keyof BoardFilters, value: string | number | boolean | undefined) =>
      update((next) => {
        if (value === undefined || value === '' || value === false) next.delete(key);
        else next.set(key, value === true ? '1' : String(value));
      }),
    [update],
  );
  const clear = () => update((next) => filterKeys.forEach((key) => next.delete(key)));
  const commitSearch = useCallback((q: string) => set('q', q.trim()), [set]);
  const count = activeFilterCount(filters);
  const currency = me.workspace.defaultCurrency;

  return (
    <>
      <div className="board-filters-row" role="search" aria-label={t('filters.label')}>
        <DebouncedInput
          label={t('filters.search')}
          className="board-search"
          hideLabel
          type="search"
          placeholder={t('filters.searchPlaceholder')}
          value={filters.q ?? ''}
          onCommit={commitSearch}
        />
        <MineToggle
          label={t('filters.mine')}
          value={!!filters.mine}
          onChange={(v) => set('mine', v)}
        />
        <Button aria-expanded={open} aria-controls={panelId} onClick={() => setOpen(!open)}>
          {t('filters.toggle')}
          {count > 0 && (
            <span className="board-filter-badge">{t('filters.activeCount', { count })}</span>
          )}
        </Button>
        {hasFilters(filters) && (
          <Button variant="ghost" onClick={clear}>
            {t('filters.clear')}
          </Button>
        )}
      </div>
      <div
        id={panelId}
        className="board-filters-panel"
        role="group"
        aria-label={t('filters.toggle')}
        hidden={!open}
      >
        <SelectFilter
          label={t('filters.owner')}
          value={filters.mine ? me.id : (filters.ownerId ?? '')}
          disabled={filters.mine}
          onChange={(v) => set('ownerId', v)}
          options={[
            { value: '', label: t('filters.anyOwner') },
            ...(users.data ?? []).map((u) => ({ value: u.id, label: u.name })),
          ]}
        />
        <SelectFilter
          label={t('filters.team')}
          value={filters.teamId ?? ''}
          onChange={(v) => set('teamId', v)}
          options={[
            { value: '', label: t('filters.anyTeam') },
            ...(teams.data ?? []).map((team) => ({ value: team.id, label: team.name })),
          ]}
        />
        <DebouncedInput
          label={t('filters.source')}
          value={filters.source ?? ''}
          list={sourcesId}
          placeholder={t('filters.anySource')}
          autoComplete="off"
          onCommit={(source) => set('source', source.trim())}
        />
        <datalist id={sourcesId}>
          {sources.map((source) => (
            <option key={source} value={source} />
          ))}
        </datalist>
        <AmountInput
          label={t('filters.valueMin', { currency })}
          currency={currency}
          value={filters.valueMin}
          onCommit={(minor) => set('valueMin', minor)}
        />
        <AmountInput
          label={t('filters.valueMax', { currency })}
          currency={currency}
          value={filters.valueMax}
          onCommit={(minor) => set('valueMax', minor)}
        />
        <DateFilter
          label={t('filters.closeFrom')}
          value={filters.closeFrom}
          onChange={(v) => set('closeFrom', v)}
        />
        <DateFilter
          label={t('filters.closeTo')}
          value={filters.closeTo}
          onChange={(v) => set('closeTo', v)}
        />
      </div>
    </>
  );
}
