import { useId, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { Button } from '../../../components/ui/button';
import { Dialog } from '../../../components/ui/dialog';
import { Field } from '../../../components/ui/field';
import type { Team } from '../../../lib/queries/people';
import { useCurrentUser } from '../../session/use-me';
import { useCreateInvitation, type InvitationCreated } from '../api/create-invitation';
import type { Invitation } from '../api/invitations';
import { fieldError, namesField } from '../api-errors';
import { InviteLink } from './invite-link';
import { useErrorToast } from './use-error-toast';

type Props = { open: boolean; onClose: () => void; teams: Team[] };

/** Invite by email with a role and an optional team; then hand over the link shown. */
export function InviteDialog({ open, onClose, teams }: Props) {
  const { t } = useTranslation('settings');
  const me = useCurrentUser();
  const showError = useErrorToast();
  const create = useCreateInvitation();
  const roleId = useId();
  const teamId = useId();
  const [email, setEmail] = useState('');
  const [role, setRole] = useState<Invitation['role']>('rep');
  const [team, setTeam] = useState('');
  const [created, setCreated] = useState<InvitationCreated | null>(null);
  // Managers invite reps into the teams they lead; admins invite anyone anywhere.
  const isAdmin = me.role === 'admin';
  const teamChoices = isAdmin ? teams : teams.filter((x) => x.managerId === me.id);

  const reset = () => {
    setEmail('');
    setRole('rep');
    setTeam('');
    setCreated(null);
    create.reset();
  };
  const close = () => {
    reset();
    onClose();
  };

  const submit = (e: FormEvent) => {
    e.preventDefault();
    create.mutate(
      { email: email.trim(), role, teamId: team || null },
      {
        onSuccess: setCreated,
        onError: (error) => {
          if (!namesField(error, ['email', 'role', 'teamId'])) showError(error);
        },
      },
    );
  };

  return (
    <Dialog open={open} title={t('invite.title')} onClose={close}>
      {created ? (
        <>
          <p role="status">{t('invite.created', { email: created.email })}</p>
          {/* The address the admin uses is the one the invitee can reach (the API sees only its Host). */}
          <InviteLink url={`${window.location.origin}/invite/${created.token}`} />
          <div className="dialog-actions">
            <Button onClick={reset}>{t('invite.another')}</Button>
            <Button variant="primary" onClick={close}>
              {t('invite.done')}
            </Button>
          </div>
        </>
      ) : (
        <form onSubmit={submit} noValidate>
          <Field
            label={t('invite.email')}
            type="email"
            autoComplete="off"
            value={email}
            onChange={(e) => setEmail(e.target.value)}
            error={fieldError(create.error, 'email')}
            required
            autoFocus
          />
          <div className="field">
            <label htmlFor={roleId}>{t('invite.role')}</label>
            <select
              id={roleId}
              value={role}
              onChange={(e) => setRole(e.target.value as Invitation['role'])}
            >
              {(['rep', 'manager', 'admin'] as const).map((r) => (
                <option key={r} value={r} disabled={!isAdmin && r !== 'rep'}>
                  {t(`roles.${r}`)}
                </option>
              ))}
            </select>
            {!isAdmin && <p className="field-hint">{t('invite.managerHint')}</p>}
            {fieldError(create.error, 'role') && (
              <p className="field-error" role="alert">
                {fieldError(create.error, 'role')}
              </p>
            )}
          </div>
          <div className="field">
            <label htmlFor={teamId}>{t('invite.team')}</label>
            <select id={teamId} value={team} onChange={(e) => setTeam(e.target.value)}>
              <option value="">{t('invite.noTeam')}</option>
              {teamChoices.map((x) => (
                <option key={x.id} value={x.id}>
                  {x.name}
                </option>
              ))}
            </select>
            {fieldError(create.error, 'teamId') && (
              <p className="field-error" role="alert">
                {fieldError(create.error, 'teamId')}
              </p>
            )}
          </div>
          <div className="dialog-actions">
            <Button onClick={close}>{t('actions.cancel')}</Button>
            <Button type="submit" variant="primary" disabled={create.isPending}>
              {create.isPending ? t('state.working') : t('invite.send')}
            </Button>
          </div>
        </form>
      )}
    </Dialog>
  );
}
