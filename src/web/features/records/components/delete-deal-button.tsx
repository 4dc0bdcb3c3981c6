import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import { Button } from '../../../components/ui/button';
import { Dialog } from '../../../components/ui/dialog';
import { useToast } from '../../../components/ui/toast';
import { ApiError } from '../../../lib/api-client';
import type { Deal } from '../../../lib/queries/deal-types';
import { useDeleteDeal } from '../api/use-delete-deal';

/** Delete, after saying plainly what goes with it. */
export function DeleteDealButton({ deal }: { deal: Deal }) {
  const { t } = useTranslation('records');
  const [open, setOpen] = useState(false);
  const remove = useDeleteDeal(deal.id);
  const toast = useToast();
  const navigate = useNavigate();

  const confirm = () =>
    remove.mutate(undefined, {
      onSuccess: () => {
        toast.show(t('delete.done', { title: deal.title }));
        navigate('/deals', { replace: true });
      },
      onError: (err) =>
        toast.show(err instanceof ApiError ? err.message : t('inline.failed'), 'error'),
    });

  return (
    <>
      <Button variant="danger" onClick={() => setOpen(true)}>
        {t('delete.button')}
      </Button>
      <Dialog open={open} title={t('delete.title')} onClose={() => setOpen(false)}>
        <p>{t('delete.body', { title: deal.title })}</p>
        <div className="dialog-actions">
          <Button onClick={() => setOpen(false)} autoFocus>
            {t('inline.cancel')}
          </Button>
          <Button variant="danger" onClick={confirm} disabled={remove.isPending}>
            {remove.isPending ? t('delete.deleting') : t('delete.confirm')}
          </Button>
        </div>
      </Dialog>
    </>
  );
}
