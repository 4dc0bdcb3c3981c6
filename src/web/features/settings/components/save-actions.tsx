import { useTranslation } from 'react-i18next';
import { Button } from '../../../components/ui/button';

/** The save button at the foot of a settings form. */
export function SaveActions({ pending }: { pending: boolean }) {
  const { t } = useTranslation('settings');
  return (
    <div className="settings-actions">
      <Button type="submit" variant="primary" disabled={pending}>
        {pending ? t('state.saving') : t('actions.save')}
      </Button>
    </div>
  );
}
