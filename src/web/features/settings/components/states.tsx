import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { Button } from '../../../components/ui/button';
import { ApiError } from '../../../lib/api-client';

export function LoadingState() {
  const { t } = useTranslation('settings');
  return (
    <p className="settings-loading" role="status">
      {t('state.loading')}
    </p>
  );
}

export function ErrorState({ error, onRetry }: { error: unknown; onRetry: () => void }) {
  const { t } = useTranslation('settings');
  return (
    <div className="settings-error" role="alert">
      <p>{error instanceof ApiError ? error.message : t('state.loadFailed')}</p>
      <Button onClick={onRetry}>{t('state.retry')}</Button>
    </div>
  );
}

/** Tells people without the right role why the controls are read-only. */
export function ReadOnlyNote({ children }: { children: ReactNode }) {
  return (
    <p className="settings-note" role="note">
      <span aria-hidden="true">🔒 </span>
      {children}
    </p>
  );
}
