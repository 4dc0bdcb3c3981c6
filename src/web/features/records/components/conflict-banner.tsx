import { useTranslation } from 'react-i18next';
import { Button } from '../../../components/ui/button';

/** Shown when a save met a newer version: reload brings their changes, open editors stay. */
export function ConflictBanner({ onReload }: { onReload: () => void }) {
  const { t } = useTranslation('records');
  return (
    <div className="rec-conflict" role="alert">
      <p>
        <strong>{t('conflict.title')}</strong> {t('conflict.body')}
      </p>
      <Button variant="primary" onClick={onReload}>
        {t('conflict.reload')}
      </Button>
    </div>
  );
}
