import { useId, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { Button } from '../../../components/ui/button';
import { Dialog } from '../../../components/ui/dialog';
import { Field } from '../../../components/ui/field';
import { useToast } from '../../../components/ui/toast';
import type { Team, User } from '../../../lib/queries/people';
import { useCreateTeam } from '../api/create-team';
import { useUpdateTeam } from '../api/update-team';
import { fieldError, namesField } from '../api-errors';
import { useErrorToast } from './use-error-toast';

type Props = { team: Team | null; open: boolean; users: User[]; onClose: () => void };

/** Creates a team (team = null) or edits one: name, manager (a manager or admin) and members. */
export function TeamDialog({ team, open, users, onClose }: Props) {
  const { t } = useTranslation('settings');
  const toast = useToast();
  const showError = useErrorToast();
  const create = useCreateTeam();
  const update = useUpdateTeam();
  const save = team ? update : create;
  const managerId = useId();
  const [name, setName] = useState(team?.name ?? '');
  const [manager, setManager] = useState(team?.managerId ?? '');
  const [members, setMembers] = useState<string[]>(team?.memberIds ?? []);
  const [nameError, setNameError] = useState<string>();
  const leaders = users.filter((u) => u.role !== 'rep' && u.active);

  const toggle = (id: string) =>
    setMembers((all) => (all.includes(id) ? all.filter((x) => x !== id) : [...all, id]));

  const submit = (e: FormEvent) => {
    e.preventDefault();
    if (!name.trim()) return setNameError(t('teams.nameRequired'));
    setNameError(undefined);
    const input = { name: name.trim(), managerId: manager || null, memberIds: members };
    const options = {
      onSuccess: () => {
        toast.show(
          team ? t('teams.saved', { name: input.name }) : t('teams.created', { name: input.name }),
        );
        onClose();
      },
      onError: (error: unknown) => {
        if (!namesField(error, ['name', 'managerId', 'memberIds'])) showError(error);
      },
    };
    if (team) update.mutate({ ...input, id: team.id, version: team.version }, options);
    else create.mutate(input, options);
  };

  return (
    <Dialog open={open} title={team ? t('teams.editTitle') : t('teams.newTitle')} onClose={onClose}>
      <form onSubmit={submit} noValidate>
        <Field
          label={t('teams.name')}
          value={name}
          onChange={(e) => setName(e.target.value)}
          error={nameError ?? fieldError(save.error, 'name')}
          maxLength={120}
          required
          autoFocus
        />
        <div className="field">
          <label htmlFor={managerId}>{t('teams.manager')}</label>
          <select id={managerId} value={manager} onChange={(e) => setManager(e.target.value)}>
            <option value="">{t('teams.noManager')}</option>
            {leaders.map((u) => (
              <option key={u.id} value={u.id}>
                {u.name} ({t(`roles.${u.role}`)})
              </option>
            ))}
          </select>
          <p className="field-hint">{t('teams.managerHint')}</p>
          {fieldError(save.error, 'managerId') && (
            <p className="field-error" role="alert">
              {fieldError(save.error, 'managerId')}
            </p>
          )}
        </div>
        <fieldset className="settings-members">
          <legend>{t('teams.membersLabel', { count: members.length })}</legend>
          <div className="settings-members-list">
            {users
              .filter((u) => u.active || members.includes(u.id))
              .map((u) => (
                <label key={u.id} className="settings-check">
                  <input
                    type="checkbox"
                    checked={members.includes(u.id)}
                    onChange={() => toggle(u.id)}
                  />
                  <span>
                    {u.name} <span className="muted small">{t(`roles.${u.role}`)}</span>
                  </span>
                </label>
              ))}
          </div>
          {fieldError(save.error, 'memberIds') && (
            <p className="field-error" role="alert">
              {fieldError(save.error, 'memberIds')}
            </p>
          )}
        </fieldset>
        <div className="dialog-actions">
          <Button onClick={onClose}>{t('actions.cancel')}</Button>
          <Button type="submit" variant="primary" disabled={save.isPending}>
            {save.isPending ? t('state.working') : team ? t('actions.save') : t('teams.create')}
          </Button>
        </div>
      </form>
    </Dialog>
  );
}
