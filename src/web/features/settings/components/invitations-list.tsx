import { useTranslation } from 'react-i18next';
import { Button } from '../../../components/ui/button';
import { useToast } from '../../../components/ui/toast';
import { formatDate } from '../../../lib/format';
import type { Team } from '../../../lib/queries/people';
import { useCurrentUser, userTimeZone } from '../../session/use-me';
import { useInvitations } from '../api/invitations';
import { useRevokeInvitation } from '../api/revoke-invitation';
import { ErrorState, LoadingState } from './states';
import { useErrorToast } from './use-error-toast';

/** Invitations not yet accepted and not expired; each can be revoked. */
export function InvitationsList({ teams }: { teams: Team[] }) {
  const { t, i18n } = useTranslation('settings');
  const me = useCurrentUser();
  const toast = useToast();
  const showError = useErrorToast();
  const invitations = useInvitations(me.role !== 'rep');
  const revoke = useRevokeInvitation();
  const now = Date.now();
  const pending = (invitations.data ?? []).filter(
    (inv) => !inv.acceptedAt && Date.parse(inv.expiresAt) > now,
  );
  const teamName = (id: string | null) => teams.find((team) => team.id === id)?.name;

  return (
    <section className="settings-subsection" aria-labelledby="settings-invitations-title">
      <h3 id="settings-invitations-title">{t('invitations.title')}</h3>
      {invitations.isPending ? (
        <LoadingState />
      ) : invitations.isError ? (
        <ErrorState error={invitations.error} onRetry={() => void invitations.refetch()} />
      ) : pending.length === 0 ? (
        <p className="muted">{t('invitations.empty')}</p>
      ) : (
        <ul className="settings-invitations">
          {pending.map((inv) => (
            <li key={inv.id} className="settings-invitation">
              <div>
                <strong>{inv.email}</strong>
                <span className="muted small">
                  {' · '}
                  {t(`roles.${inv.role}`)}
                  {teamName(inv.teamId) && ` · ${teamName(inv.teamId)}`}
                  {' · '}
                  {t('invitations.expires', {
                    date: formatDate(inv.expiresAt, i18n.language, userTimeZone(me)),
                  })}
                </span>
              </div>
              <Button
                variant="ghost"
                disabled={revoke.isPending && revoke.variables === inv.id}
                aria-label={t('invitations.revokeFor', { email: inv.email })}
                onClick={() =>
                  revoke.mutate(inv.id, {
                    onSuccess: () => toast.show(t('invitations.revoked', { email: inv.email })),
                    onError: showError,
                  })
                }
              >
                {t('invitations.revoke')}
              </Button>
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
