import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { Button } from '../../../components/ui/button';
import { EmptyState } from '../../../components/ui/empty-state';
import { ApiError } from '../../../lib/api-client';

type RecordLoadStateProps = {
  error: Error | null;
  notFound: string;
  back: { to: string; label: string };
  retry: () => void;
};

/** Loading, not found (or not visible) and failed, the same on every record page. */
export function RecordLoadState({ error, notFound, back, retry }: RecordLoadStateProps) {
  const { t } = useTranslation('records');
  if (!error) return <div className="page-loading">{t('common:state.loading')}</div>;
  const missing = error instanceof ApiError && error.status === 404;
  return (
    <EmptyState title={missing ? notFound : t('common:state.error')}>
      {missing ? (
        <>
          <p>{t('common:state.notFoundBody')}</p>
          <Link to={back.to}>{back.label}</Link>
        </>
      ) : (
        <Button onClick={retry}>{t('common:actions.retry')}</Button>
      )}
    </EmptyState>
  );
}
