import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { Button } from '../../../components/ui/button';

type Query = { isError: boolean; error: Error | null; refetch: () => unknown; data?: unknown };

/** One widget's loading and error states; the children once its data is there. */
export function WidgetState({ query, children }: { query: Query; children: () => ReactNode }) {
  const { t } = useTranslation('dashboards');
  if (query.isError)
    return (
      <div className="dash-widget-error" role="alert">
        <p>
          {t('widget.error')} <span className="muted small">{query.error?.message}</span>
        </p>
        <Button onClick={() => void query.refetch()}>{t('widget.retry')}</Button>
      </div>
    );
  if (query.data === undefined)
    return (
      <p className="muted dash-widget-loading" aria-busy="true">
        {t('widget.loading')}
      </p>
    );
  return <>{children()}</>;
}
