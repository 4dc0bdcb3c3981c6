import { useId } from 'react';
import { useTranslation } from 'react-i18next';
import { useTeams, useUsers } from '../../../lib/queries/people';
import type { AttentionScope } from '../api/attention';

/** 'mine', 'all', 'user:<id>' or 'team:<id>'. */
export type ScopeValue = string;

export function scopeFromValue(value: ScopeValue): AttentionScope | null {
  if (value === 'mine') return null;
  if (value.startsWith('user:')) return { ownerId: value.slice(5) };
  if (value.startsWith('team:')) return { teamId: value.slice(5) };
  return {};
}

/** For managers and admins: whose deals needing attention to list. */
export function AttentionScopeSelect({
  value,
  onChange,
}: {
  value: ScopeValue;
  onChange: (value: ScopeValue) => void;
}) {
  const { t } = useTranslation('activities');
  const id = useId();
  const users = useUsers();
  const teams = useTeams();
  return (
    <span className="activities-scope">
      <label htmlFor={id}>{t('attention.whose')}</label>
      <select id={id} value={value} onChange={(e) => onChange(e.target.value)}>
        <option value="mine">{t('attention.mine')}</option>
        <option value="all">{t('attention.everyone')}</option>
        {users.data && users.data.length > 0 && (
          <optgroup label={t('attention.people')}>
            {users.data
              .filter((u) => u.active)
              .map((u) => (
                <option key={u.id} value={`user:${u.id}`}>
                  {u.name}
                </option>
              ))}
          </optgroup>
        )}
        {teams.data && teams.data.length > 0 && (
          <optgroup label={t('attention.teams')}>
            {teams.data.map((team) => (
              <option key={team.id} value={`team:${team.id}`}>
                {team.name}
              </option>
            ))}
          </optgroup>
        )}
      </select>
    </span>
  );
}
