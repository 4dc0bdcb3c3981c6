import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Button } from '../../../components/ui/button';
import { useToast } from '../../../components/ui/toast';
import { ApiError } from '../../../lib/api-client';
import type { Team, User } from '../../../lib/queries/people';
import { useUpdateUser } from '../api/update-user';
import { ConfirmDialog } from './confirm-dialog';
import { useErrorToast } from './use-error-toast';

const roles = ['admin', 'manager', 'rep'] as const;

type Props = { user: User; teams: Team[]; isAdmin: boolean; isSelf: boolean };

/** A person: admins change the role at once and deactivate (after asking) or reactivate. */
export function UserRow({ user, teams, isAdmin, isSelf }: Props) {
  const { t } = useTranslation('settings');
  const toast = useToast();
  const showError = useErrorToast();
  const update = useUpdateUser();
  const [confirming, setConfirming] = useState(false);
  const canChange = isAdmin && !isSelf;
  const teamNames = teams.filter((team) => user.teamIds.includes(team.id)).map((x) => x.name);

  const setActive = (active: boolean) =>
    update.mutate(
      { id: user.id, version: user.version, active },
      {
        onSuccess: () => {
          setConfirming(false);
          toast.show(
            active
              ? t('users.reactivated', { name: user.name })
              : t('users.deactivated', { name: user.name }),
          );
        },
        onError: (error) => {
          if (!active) return; // shown inside the dialog
          showError(error);
        },
      },
    );

  return (
    <tr className={user.active ? undefined : 'settings-inactive'}>
      <th scope="row">
        {user.name}
        {isSelf && <span className="muted small"> ({t('users.you')})</span>}
      </th>
      <td className="settings-email">{user.email}</td>
      <td>
        {canChange ? (
          <select
            aria-label={t('users.roleOf', { name: user.name })}
            value={user.role}
            disabled={update.isPending}
            onChange={(e) =>
              update.mutate(
                { id: user.id, version: user.version, role: e.target.value as User['role'] },
                {
                  onSuccess: (saved) =>
                    toast.show(
                      t('users.roleChanged', { name: saved.name, role: t(`roles.${saved.role}`) }),
                    ),
                  onError: showError,
                },
              )
            }
          >
            {roles.map((role) => (
              <option key={role} value={role}>
                {t(`roles.${role}`)}
              </option>
            ))}
          </select>
        ) : (
          t(`roles.${user.role}`)
        )}
      </td>
      <td>{teamNames.length ? teamNames.join(', ') : <span className="muted">—</span>}</td>
      <td>
        <span
          className={`settings-badge ${user.active ? 'settings-active' : 'settings-deactivated'}`}
        >
          {user.active ? t('users.active') : t('users.inactive')}
        </span>
      </td>
      {isAdmin && (
        <td className="settings-row-actions">
          {canChange &&
            (user.active ? (
              <Button
                variant="ghost"
                onClick={() => {
                  update.reset();
                  setConfirming(true);
                }}
              >
                {t('users.deactivate')}
              </Button>
            ) : (
              <Button variant="ghost" onClick={() => setActive(true)} disabled={update.isPending}>
                {t('users.reactivate')}
              </Button>
            ))}
          <ConfirmDialog
            open={confirming}
            title={t('users.deactivateTitle', { name: user.name })}
            confirmLabel={t('users.deactivate')}
            pending={update.isPending}
            error={
              update.error instanceof ApiError
                ? update.error.message
                : update.error
                  ? t('errors.network')
                  : null
            }
            onClose={() => setConfirming(false)}
            onConfirm={() => setActive(false)}
          >
            <p>{t('users.deactivateBody')}</p>
          </ConfirmDialog>
        </td>
      )}
    </tr>
  );
}
