import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { Navigate, useLocation } from 'react-router';
import { useEffect } from 'react';
import { rememberLanguage } from '../i18n';
import { useMe } from '../features/session/use-me';

/** Sends anonymous visitors to sign in (and back afterwards); applies the user's language. */
export function RequireAuth({ children }: { children: ReactNode }) {
  const me = useMe();
  const location = useLocation();
  const { t, i18n } = useTranslation();
  const locale = me.data?.locale;
  // Apply the saved language when it arrives from the server (sign-in, another device), not on
  // every local switch: the switch saves it, and the refetch then agrees.
  useEffect(() => {
    if (locale && locale !== i18n.language) rememberLanguage(locale);
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [locale]);
  if (me.isPending) return <div className="page-loading">{t('state.loading')}</div>;
  if (!me.data)
    return <Navigate to="/sign-in" replace state={{ from: location.pathname + location.search }} />;
  return <>{children}</>;
}
