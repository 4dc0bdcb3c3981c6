import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Button } from '../../../components/ui/button';
import { EmptyState } from '../../../components/ui/empty-state';
import { useTeams, useUsers } from '../../../lib/queries/people';
import { useCurrentUser } from '../../session/use-me';
import { InvitationsList } from './invitations-list';
import { InviteDialog } from './invite-dialog';
import { ErrorState, LoadingState, ReadOnlyNote } from './states';
import { UserRow } from './user-row';

/** People of the workspace; admins change roles and deactivate, admins and managers invite. */
export function UsersSettings() {
  const { t } = useTranslation('settings');
  const me = useCurrentUser();
  const isAdmin = me.role === 'admin';
  const canInvite = me.role !== 'rep';
  const users = useUsers();
  const teams = useTeams();
  const [inviting, setInviting] = useState(false);
  const teamList = teams.data ?? [];

  return (
    <section className="settings-section" aria-labelledby="settings-users-title">
      <header className="settings-header">
        <h2 id="settings-users-title">{t('users.title')}</h2>
        {canInvite && (
          <Button variant="primary" onClick={() => setInviting(true)}>
            + {t('users.invite')}
          </Button>
        )}
      </header>
      {!isAdmin && (
        <ReadOnlyNote>{canInvite ? t('users.managerNote') : t('users.readOnly')}</ReadOnlyNote>
      )}
      {users.isPending ? (
        <LoadingState />
      ) : users.isError ? (
        <ErrorState error={users.error} onRetry={() => void users.refetch()} />
      ) : users.data.length === 0 ? (
        <EmptyState title={t('users.emptyTitle')}>
          <p>{t('users.emptyBody')}</p>
        </EmptyState>
      ) : (
        <div className="settings-table-wrap">
          <table className="settings-table">
            <caption className="visually-hidden">{t('users.title')}</caption>
            <thead>
              <tr>
                <th scope="col">{t('users.name')}</th>
                <th scope="col">{t('users.email')}</th>
                <th scope="col">{t('users.role')}</th>
                <th scope="col">{t('users.teams')}</th>
                <th scope="col">{t('users.status')}</th>
                {isAdmin && (
                  <th scope="col">
                    <span className="visually-hidden">{t('users.actions')}</span>
                  </th>
                )}
              </tr>
            </thead>
            <tbody>
              {users.data.map((user) => (
                <UserRow
                  key={user.id}
                  user={user}
                  teams={teamList}
                  isAdmin={isAdmin}
                  isSelf={user.id === me.id}
                />
              ))}
            </tbody>
          </table>
        </div>
      )}
      {canInvite && <InvitationsList teams={teamList} />}
      <InviteDialog open={inviting} onClose={() => setInviting(false)} teams={teamList} />
    </section>
  );
}
