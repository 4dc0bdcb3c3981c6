import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Button } from '../../../components/ui/button';
import { EmptyState } from '../../../components/ui/empty-state';
import { useToast } from '../../../components/ui/toast';
import { ApiError } from '../../../lib/api-client';
import { useTeams, useUsers, type Team } from '../../../lib/queries/people';
import { useCurrentUser } from '../../session/use-me';
import { useDeleteTeam } from '../api/delete-team';
import { ConfirmDialog } from './confirm-dialog';
import { ErrorState, LoadingState, ReadOnlyNote } from './states';
import { TeamDialog } from './team-dialog';

/** Teams: a manager and members; with "own + team" visibility they decide who sees which deals. */
export function TeamsSettings() {
  const { t } = useTranslation('settings');
  const me = useCurrentUser();
  const isAdmin = me.role === 'admin';
  const teams = useTeams();
  const users = useUsers();
  const toast = useToast();
  const remove = useDeleteTeam();
  const [editing, setEditing] = useState<Team | 'new' | null>(null);
  const [deleting, setDeleting] = useState<Team | null>(null);
  const nameOf = (id: string) => users.data?.find((u) => u.id === id)?.name ?? '…';

  return (
    <section className="settings-section" aria-labelledby="settings-teams-title">
      <header className="settings-header">
        <h2 id="settings-teams-title">{t('teams.title')}</h2>
        {isAdmin && (
          <Button variant="primary" onClick={() => setEditing('new')}>
            + {t('teams.new')}
          </Button>
        )}
      </header>
      <p className="settings-intro muted">{t('teams.intro')}</p>
      {!isAdmin && <ReadOnlyNote>{t('teams.readOnly')}</ReadOnlyNote>}
      {teams.isPending ? (
        <LoadingState />
      ) : teams.isError ? (
        <ErrorState error={teams.error} onRetry={() => void teams.refetch()} />
      ) : teams.data.length === 0 ? (
        <EmptyState title={t('teams.emptyTitle')}>
          <p>{isAdmin ? t('teams.emptyBody') : t('teams.emptyBodyReadOnly')}</p>
        </EmptyState>
      ) : (
        <ul className="settings-cards">
          {teams.data.map((team) => (
            <li key={team.id} className="card settings-team">
              <h3>{team.name}</h3>
              <p className="small">
                <span className="muted">{t('teams.manager')}: </span>
                {team.managerId ? nameOf(team.managerId) : t('teams.noManager')}
              </p>
              <p className="small">
                <span className="muted">
                  {t('teams.members', { count: team.memberIds.length })}:{' '}
                </span>
                {team.memberIds.length ? team.memberIds.map(nameOf).join(', ') : '—'}
              </p>
              {isAdmin && (
                <div className="settings-actions">
                  <Button
                    onClick={() => setEditing(team)}
                    aria-label={t('teams.editNamed', { name: team.name })}
                  >
                    {t('actions.edit')}
                  </Button>
                  <Button
                    variant="danger"
                    aria-label={t('teams.deleteNamed', { name: team.name })}
                    onClick={() => {
                      remove.reset();
                      setDeleting(team);
                    }}
                  >
                    {t('actions.delete')}
                  </Button>
                </div>
              )}
            </li>
          ))}
        </ul>
      )}
      <TeamDialog
        key={editing === 'new' ? 'new' : (editing?.id ?? 'none')}
        team={editing === 'new' ? null : editing}
        open={editing !== null}
        users={users.data ?? []}
        onClose={() => setEditing(null)}
      />
      <ConfirmDialog
        open={deleting !== null}
        title={t('teams.deleteTitle', { name: deleting?.name ?? '' })}
        confirmLabel={t('actions.delete')}
        pending={remove.isPending}
        error={
          remove.error instanceof ApiError
            ? remove.error.message
            : remove.error
              ? t('errors.network')
              : null
        }
        onClose={() => setDeleting(null)}
        onConfirm={() =>
          deleting &&
          remove.mutate(deleting.id, {
            onSuccess: () => {
              toast.show(t('teams.deleted', { name: deleting.name }));
              setDeleting(null);
            },
          })
        }
      >
        <p>{t('teams.deleteBody')}</p>
      </ConfirmDialog>
    </section>
  );
}
