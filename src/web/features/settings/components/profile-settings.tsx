import { useEffect, useRef } from 'react';
import { useTranslation } from 'react-i18next';
import { useCurrentUser } from '../../session/use-me';
import { useUser } from '../api/user';
import { ProfileForm } from './profile-form';
import { ErrorState, LoadingState } from './states';

/** Everyone's own name, language and time zone. */
export function ProfileSettings() {
  const { t } = useTranslation('settings');
  const me = useCurrentUser();
  const user = useUser(me.id);
  const { refetch } = user;
  const lastLocale = useRef(me.locale);
  // The language switch in the top bar saves the locale too: read the new version after it.
  useEffect(() => {
    if (lastLocale.current === me.locale) return;
    lastLocale.current = me.locale;
    void refetch();
  }, [me.locale, refetch]);

  return (
    <section className="settings-section" aria-labelledby="settings-profile-title">
      <header className="settings-header">
        <h2 id="settings-profile-title">{t('profile.title')}</h2>
      </header>
      {/* The form starts from fresh data (not the cache), so it holds the current version. */}
      {user.isPending || (user.isFetching && !user.isFetchedAfterMount) ? (
        <LoadingState />
      ) : user.isError ? (
        <ErrorState error={user.error} onRetry={() => void user.refetch()} />
      ) : (
        <ProfileForm user={user.data} workspaceZone={me.workspace.timezone} />
      )}
    </section>
  );
}
