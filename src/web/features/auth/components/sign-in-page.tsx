import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { Navigate, useLocation, useNavigate } from 'react-router';
import { Button } from '../../../components/ui/button';
import { Field } from '../../../components/ui/field';
import { ApiError } from '../../../lib/api-client';
import { LanguageSwitch } from '../../../app/language-switch';
import { useMe } from '../../session/use-me';
import { useLogin } from '../api/auth-api';

export function SignInPage() {
  const { t } = useTranslation('auth');
  const me = useMe();
  const login = useLogin();
  const navigate = useNavigate();
  const location = useLocation();
  const [email, setEmail] = useState('');
  const [password, setPassword] = useState('');
  const from = (location.state as { from?: string } | null)?.from ?? '/board';

  if (me.data) return <Navigate to={from} replace />;
  const error = login.error instanceof ApiError ? login.error : null;

  const submit = (e: FormEvent) => {
    e.preventDefault();
    login.mutate({ email, password }, { onSuccess: () => navigate(from, { replace: true }) });
  };

  return (
    <main className="auth-page" id="main">
      <form className="auth-card" onSubmit={submit} noValidate>
        <h1>{t('signIn.title')}</h1>
        <Field
          label={t('signIn.email')}
          type="email"
          autoComplete="username"
          value={email}
          onChange={(e) => setEmail(e.target.value)}
          error={error?.field === 'email' ? error.message : undefined}
          required
          autoFocus
        />
        <Field
          label={t('signIn.password')}
          type="password"
          autoComplete="current-password"
          value={password}
          onChange={(e) => setPassword(e.target.value)}
          error={error && error.field !== 'email' ? error.message : undefined}
          required
        />
        <Button variant="primary" type="submit" disabled={login.isPending}>
          {login.isPending ? t('signIn.submitting') : t('signIn.submit')}
        </Button>
        <p className="muted small">{t('signIn.demoHint')}</p>
        <LanguageSwitch />
      </form>
    </main>
  );
}
