import { useTranslation } from 'react-i18next';
import { useTeams, useUsers } from '../../../lib/queries/people';
import { SelectField } from './select-field';
import { TextFilter } from './text-filter';
import { TeamOptions, UserOptions } from './user-options';

/** An emptied filter is no filter. */
export const orUndefined = (v: string) => v || undefined;

type OwnerTeam = { ownerId?: string | undefined; teamId?: string | undefined };

type OwnerTeamProps = { filters: OwnerTeam; onChange: (patch: OwnerTeam) => void };

/** "Whose deals": an owner select and a team select, shared by the list and the funnel. */
export function OwnerTeamFilters({ filters, onChange }: OwnerTeamProps) {
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
    </>
  );
}

type SourceProps = {
  value: string | undefined;
  /** The id of a <datalist> of known sources. */
  list?: string | undefined;
  onCommit: (source: string | undefined) => void;
};

export function SourceFilter({ value, list, onCommit }: SourceProps) {
  const { t } = useTranslation('deals');
  return (
    <TextFilter
      label={t('filters.source')}
      placeholder={t('filters.sourcePlaceholder')}
      list={list}
      value={value ?? ''}
      onCommit={(source) => onCommit(orUndefined(source))}
    />
  );
}
