import { useTranslation } from 'react-i18next';
import { Button } from '../../../components/ui/button';
import { useToast } from '../../../components/ui/toast';
import { ApiError } from '../../../lib/api-client';
import { isFieldError } from '../form-errors';

/** Errors the form shows beside a field stay there; anything else becomes a toast. */
export function useCreateFailed(fields: string[]) {
  const { t } = useTranslation('records');
  const toast = useToast();
  return (err: unknown) => {
    if (!isFieldError(err, fields))
      toast.show(err instanceof ApiError ? err.message : t('inline.failed'), 'error');
  };
}

type QuickAddActionsProps = {
  onCancel: () => void;
  pending: boolean;
  disabled?: boolean;
  submitLabel: string;
};

/** Cancel and submit at the foot of a quick-add form. */
export function QuickAddActions({
  onCancel,
  pending,
  disabled,
  submitLabel,
}: QuickAddActionsProps) {
  const { t } = useTranslation('records');
  return (
    <div className="dialog-actions">
      <Button onClick={onCancel}>{t('inline.cancel')}</Button>
      <Button variant="primary" type="submit" disabled={pending || !!disabled}>
        {pending ? t('inline.saving') : submitLabel}
      </Button>
    </div>
  );
}
