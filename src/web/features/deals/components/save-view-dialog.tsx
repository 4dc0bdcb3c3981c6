import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { Button } from '../../../components/ui/button';
import { Dialog } from '../../../components/ui/dialog';
import { Field } from '../../../components/ui/field';
import { useToast } from '../../../components/ui/toast';
import { ApiError } from '../../../lib/api-client';
import { useCreateView, type SavedView } from '../api/use-views';
import { viewConfigOf, type DealListState } from '../model/list-params';

type Props = {
  open: boolean;
  state: DealListState;
  onClose: () => void;
  onSaved: (view: SavedView) => void;
};

/** Name and sharing of a new view holding the current filters, sort and columns. */
export function SaveViewDialog({ open, state, onClose, onSaved }: Props) {
  const { t } = useTranslation('deals');
  const { t: common } = useTranslation();
  const toast = useToast();
  const create = useCreateView();
  const [name, setName] = useState('');
  const [shared, setShared] = useState(false);
  const error = create.error instanceof ApiError ? create.error : null;
  // Errors about the name sit by the field; anything else goes to a toast.
  const nameError =
    error && (error.field === 'name' || error.code === 'duplicate') ? error.message : undefined;

  const submit = (e: FormEvent) => {
    e.preventDefault();
    create.mutate(
      { name, shared, config: viewConfigOf(state) },
      {
        onSuccess: (view) => {
          toast.show(t('views.saved', { name: view.name }));
          setName('');
          setShared(false);
          create.reset();
          onSaved(view);
        },
        onError: (err) => {
          if (!(err instanceof ApiError && (err.field === 'name' || err.code === 'duplicate')))
            toast.show(err.message, 'error');
        },
      },
    );
  };

  return (
    <Dialog open={open} title={t('views.dialogTitle')} onClose={onClose}>
      <form onSubmit={submit} noValidate>
        <Field
          label={t('views.name')}
          value={name}
          onChange={(e) => setName(e.target.value)}
          error={nameError}
          maxLength={100}
          required
          autoFocus
        />
        <label className="deals-checkbox">
          <input type="checkbox" checked={shared} onChange={(e) => setShared(e.target.checked)} />
          {t('views.sharedLabel')}
        </label>
        <p className="field-hint">{t('views.sharedHint')}</p>
        <div className="dialog-actions">
          <Button onClick={onClose}>{common('actions.cancel')}</Button>
          <Button variant="primary" type="submit" disabled={create.isPending || !name.trim()}>
            {create.isPending ? common('state.saving') : common('actions.save')}
          </Button>
        </div>
      </form>
    </Dialog>
  );
}
