import { useTranslation } from 'react-i18next';
import { useTeams, useUsers } from '../../../lib/queries/people';
import type { Me } from '../../session/use-me';

/** "owner:ID" or "team:ID"; '' is the caller's own pipeline. */
export type ScopeValue = string;

/**
 * The pipelines the caller may review: their own; a manager's led teams and their members; an
 * admin's every team and person. Reps review only themselves, so they get no picker.
 */
export function ScopePicker({
  me,
  value,
  onChange,
}: {
  me: Me;
  value: ScopeValue;
  onChange: (v: ScopeValue) => void;
}) {
  const { t } = useTranslation('review');
  const teams = useTeams();
  const users = useUsers();
  if (me.role === 'rep') return null;
  const led = (teams.data ?? []).filter((x) => me.role === 'admin' || x.managerId === me.id);
  const members = new Set(led.flatMap((x) => x.memberIds));
  const people = (users.data ?? []).filter(
    (u) => u.id !== me.id && (me.role === 'admin' || members.has(u.id)),
  );
  return (
    <label>
      {t('scope')}
      <select value={value} onChange={(e) => onChange(e.target.value)}>
        <option value="">{t('me')}</option>
        {led.length > 0 && (
          <optgroup label={t('teams')}>
            {led.map((x) => (
              <option key={x.id} value={`team:${x.id}`}>
                {x.name}
              </option>
            ))}
          </optgroup>
        )}
        {people.length > 0 && (
          <optgroup label={t('people')}>
            {people.map((u) => (
              <option key={u.id} value={`owner:${u.id}`}>
                {u.name}
              </option>
            ))}
          </optgroup>
        )}
      </select>
    </label>
  );
}
