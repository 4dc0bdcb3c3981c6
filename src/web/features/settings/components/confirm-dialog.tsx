import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { Button } from '../../../components/ui/button';
import { Dialog } from '../../../components/ui/dialog';

type ConfirmDialogProps = {
  open: boolean;
  title: string;
  confirmLabel: string;
  pending?: boolean;
  error?: string | null;
  onConfirm: () => void;
  onClose: () => void;
  children?: ReactNode;
};

/** Asks before something that cannot be undone; the API's refusal shows inside. */
export function ConfirmDialog(props: ConfirmDialogProps) {
  const { open, title, confirmLabel, pending, error, onConfirm, onClose, children } = props;
  const { t } = useTranslation('settings');
  return (
    <Dialog open={open} title={title} onClose={onClose}>
      {children}
      {error && (
        <p className="field-error settings-dialog-error" role="alert">
          {error}
        </p>
      )}
      <div className="dialog-actions">
        <Button onClick={onClose}>{t('actions.cancel')}</Button>
        <Button variant="danger" onClick={onConfirm} disabled={pending}>
          {pending ? t('state.working') : confirmLabel}
        </Button>
      </div>
    </Dialog>
  );
}
