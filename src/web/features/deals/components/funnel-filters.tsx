import type { FunnelFilters as Filters } from '../api/use-funnel';
import { OwnerTeamFilters, SourceFilter } from './owner-team-filters';

type Props = { filters: Filters; onChange: (patch: Partial<Filters>, replace?: boolean) => void };

/** The board's cheap filters: owner, team, source. */
export function FunnelFilters({ filters, onChange }: Props) {
  return (
    <>
      <OwnerTeamFilters filters={filters} onChange={onChange} />
      <SourceFilter value={filters.source} onCommit={(source) => onChange({ source }, true)} />
    </>
  );
}
