import { useTranslation } from 'react-i18next';
import { useTeams, useUsers } from '../../../lib/queries/people';
import type { FunnelFilters as Filters } from '../api/use-funnel';
import { SelectField } from './select-field';
import { TextFilter } from './text-filter';
import { TeamOptions, UserOptions } from './user-options';

type Props = { filters: Filters; onChange: (patch: Partial<Filters>, replace?: boolean) => void };

const orUndefined = (v: string) => v || undefined;

/** The board's cheap filters: owner, team, source. */
export function FunnelFilters({ filters, onChange }: Props) {
  const { t } = useTranslation('deals');
  const users = useUsers();
  const teams = useTeams();
  return (
    <>
      <SelectField
        label={t('filters.owner')}
        value={filters.ownerId ?? ''}
        onChange={(e) => onChange({ ownerId: orUndefined(e.target.value) })}
      >
        <option value="">{t('filters.anyOwner')}</option>
        <UserOptions users={users.data} />
      </SelectField>
      <SelectField
        label={t('filters.team')}
        value={filters.teamId ?? ''}
        onChange={(e) => onChange({ teamId: orUndefined(e.target.value) })}
      >
        <option value="">{t('filters.anyTeam')}</option>
        <TeamOptions teams={teams.data} />
      </SelectField>
      <TextFilter
        label={t('filters.source')}
        placeholder={t('filters.sourcePlaceholder')}
        value={filters.source ?? ''}
        onCommit={(source) => onChange({ source: orUndefined(source) }, true)}
      />
    </>
  );
}
