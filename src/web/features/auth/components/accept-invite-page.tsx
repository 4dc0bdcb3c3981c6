import { useQuery } from '@tanstack/react-query';
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate, useParams } from 'react-router';
import { Button } from '../../../components/ui/button';
import { Field } from '../../../components/ui/field';
import { ApiError } from '../../../lib/api-client';
import { fetchInvitation, useAcceptInvitation } from '../api/auth-api';

export function AcceptInvitePage() {
  const { t } = useTranslation('auth');
  const token = useParams().token ?? '';
  const invitation = useQuery({
    queryKey: ['invitation', token],
    queryFn: () => fetchInvitation(token),
  });
  const accept = useAcceptInvitation(token);
  const navigate = useNavigate();
  const [name, setName] = useState('');
  const [password, setPassword] = useState('');
  const error = accept.error instanceof ApiError ? accept.error : null;

  const submit = (e: FormEvent) => {
    e.preventDefault();
    accept.mutate({ name, password }, { onSuccess: () => navigate('/board', { replace: true }) });
  };

  if (invitation.isPending) return <main className="auth-page" id="main" aria-busy="true" />;
  if (!invitation.data) {
    return (
      <main className="auth-page" id="main">
        <div className="auth-card">
          <p role="alert">{t('invite.invalid')}</p>
        </div>
      </main>
    );
  }
  const { workspaceName, email, role } = invitation.data;
  return (
    <main className="auth-page" id="main">
      <form className="auth-card" onSubmit={submit} noValidate>
        <h1>{t('invite.title', { workspace: workspaceName })}</h1>
        <p>{t('invite.subtitle', { role: t(`roles.${role}`, { defaultValue: role }), email })}</p>
        <Field
          label={t('invite.name')}
          value={name}
          onChange={(e) => setName(e.target.value)}
          error={error?.field === 'name' ? error.message : undefined}
          required
          autoFocus
        />
        <Field
          label={t('invite.password')}
          type="password"
          autoComplete="new-password"
          value={password}
          onChange={(e) => setPassword(e.target.value)}
          error={error && error.field !== 'name' ? error.message : undefined}
          required
        />
        <Button variant="primary" type="submit" disabled={accept.isPending}>
          {t('invite.submit')}
        </Button>
      </form>
    </main>
  );
}
