import { useTranslation } from 'react-i18next';
import { Button } from '../../../components/ui/button';
import { ApiError } from '../../../lib/api-client';

export function Loading() {
  const { t } = useTranslation('activities');
  return (
    <p className="activities-loading" role="status">
      {t('state.loading')}
    </p>
  );
}

export function LoadError({ error, onRetry }: { error: unknown; onRetry: () => void }) {
  const { t } = useTranslation('activities');
  return (
    <div className="activities-error" role="alert">
      <p>{error instanceof ApiError ? error.message : t('state.loadFailed')}</p>
      <Button onClick={onRetry}>{t('state.retry')}</Button>
    </div>
  );
}
