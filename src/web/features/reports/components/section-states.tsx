import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { Button } from '../../../components/ui/button';

type Query = { isError: boolean; error: Error | null; refetch: () => unknown; data?: unknown };

/** A report section's loading and error states; the children once its data is there. */
export function SectionBody({ query, children }: { query: Query; children: () => ReactNode }) {
  const { t } = useTranslation('reports');
  const { t: common } = useTranslation();
  if (query.isError)
    return (
      <div className="reports-error" role="alert">
        <p>
          {t('loadError')} {query.error?.message}
        </p>
        <Button onClick={() => void query.refetch()}>{common('actions.retry')}</Button>
      </div>
    );
  if (query.data === undefined) return <p className="muted">{common('state.loading')}</p>;
  return <>{children()}</>;
}
