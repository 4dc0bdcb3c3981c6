import { useId, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { Button } from '../../../components/ui/button';
import { Dialog } from '../../../components/ui/dialog';
import { useToast } from '../../../components/ui/toast';
import { ApiError } from '../../../lib/api-client';
import type { DealPatch } from '../api/use-update-deal';
import { isConflict } from '../use-record-save';
import { orNull } from './editors';

type LostReasonDialogProps = {
  open: boolean;
  onClose: () => void;
  save: (patch: DealPatch) => Promise<void>;
};

/** Marking a deal lost asks why (optional), as the reports group lost deals by reason. */
export function LostReasonDialog({ open, onClose, save }: LostReasonDialogProps) {
  const { t } = useTranslation('records');
  return (
    <Dialog open={open} title={t('lost.title')} onClose={onClose}>
      <LostReasonForm onClose={onClose} save={save} />
    </Dialog>
  );
}

function LostReasonForm({ onClose, save }: Omit<LostReasonDialogProps, 'open'>) {
  const { t } = useTranslation('records');
  const toast = useToast();
  const id = useId();
  const [reason, setReason] = useState('');
  const [error, setError] = useState<string | null>(null);
  const [saving, setSaving] = useState(false);

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    setSaving(true);
    try {
      await save({ status: 'lost', lostReason: orNull(reason) });
      onClose();
    } catch (err) {
      if (err instanceof ApiError && (err.field === 'lostReason' || err.field === 'status')) {
        setError(err.message);
      } else if (isConflict(err)) {
        setError(t('inline.conflict'));
      } else toast.show(err instanceof ApiError ? err.message : t('inline.failed'), 'error');
    } finally {
      setSaving(false);
    }
  };

  return (
    <form onSubmit={submit} noValidate>
      <div className="field">
        <label htmlFor={id}>{t('fields.lostReason')}</label>
        <textarea
          id={id}
          rows={3}
          maxLength={500}
          value={reason}
          onChange={(e) => setReason(e.target.value)}
          aria-invalid={error ? true : undefined}
          aria-describedby={error ? `${id}-error` : undefined}
          autoFocus
        />
        {error && (
          <p id={`${id}-error`} className="field-error" role="alert">
            {error}
          </p>
        )}
      </div>
      <div className="dialog-actions">
        <Button onClick={onClose}>{t('inline.cancel')}</Button>
        <Button variant="danger" type="submit" disabled={saving}>
          {saving ? t('inline.saving') : t('lost.confirm')}
        </Button>
      </div>
    </form>
  );
}
