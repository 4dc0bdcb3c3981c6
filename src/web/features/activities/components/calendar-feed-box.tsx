import { useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Button } from '../../../components/ui/button';
import { Dialog } from '../../../components/ui/dialog';
import { useToast } from '../../../components/ui/toast';
import { ApiError } from '../../../lib/api-client';
import { useCreateCalendarFeed, useDeleteCalendarFeed } from '../api/calendar-feed';

type Confirm = 'rotate' | 'off' | null;

/** The private ICS link for Google Calendar or Outlook: get, copy, rotate, turn off. */
export function CalendarFeedBox() {
  const { t } = useTranslation('activities');
  const toast = useToast();
  const create = useCreateCalendarFeed();
  const remove = useDeleteCalendarFeed();
  const [url, setUrl] = useState<string | null>(null);
  const [confirm, setConfirm] = useState<Confirm>(null);
  const inputId = useId();
  const errorToast = (error: unknown) =>
    toast.show(error instanceof ApiError ? error.message : t('state.loadFailed'), 'error');

  const getLink = () =>
    create.mutate(undefined, {
      onSuccess: (feed) => {
        setUrl(feed.url);
        setConfirm(null);
      },
      onError: errorToast,
    });
  const turnOff = () =>
    remove.mutate(undefined, {
      onSuccess: () => {
        setUrl(null);
        setConfirm(null);
        toast.show(t('feed.offDone'));
      },
      onError: errorToast,
    });
  const copy = async () => {
    if (!url) return;
    try {
      await navigator.clipboard.writeText(url);
      toast.show(t('feed.copied'));
    } catch {
      toast.show(t('feed.copyFailed'), 'error');
    }
  };

  return (
    <section className="card activities-feed" aria-labelledby="activities-feed-title">
      <h2 id="activities-feed-title">{t('feed.title')}</h2>
      <p>{t('feed.body')}</p>
      <p className="activities-feed-private">{t('feed.private')}</p>
      {url && (
        <div className="activities-feed-link">
          <label htmlFor={inputId}>{t('feed.linkLabel')}</label>
          <span className="activities-feed-row">
            <input
              id={inputId}
              type="text"
              readOnly
              value={url}
              onFocus={(e) => e.target.select()}
              data-testid="calendar-feed-url"
            />
            <Button variant="primary" onClick={() => void copy()}>
              {t('feed.copy')}
            </Button>
          </span>
        </div>
      )}
      <div className="activities-feed-actions">
        {url ? (
          <Button onClick={() => setConfirm('rotate')}>{t('feed.rotate')}</Button>
        ) : (
          <Button variant="primary" onClick={getLink} disabled={create.isPending}>
            {create.isPending ? t('feed.working') : t('feed.create')}
          </Button>
        )}
        <Button variant="ghost" onClick={() => setConfirm('off')}>
          {t('feed.off')}
        </Button>
      </div>
      <Dialog
        open={confirm !== null}
        title={confirm === 'off' ? t('feed.offTitle') : t('feed.rotateTitle')}
        onClose={() => setConfirm(null)}
      >
        <p>{confirm === 'off' ? t('feed.offBody') : t('feed.rotateBody')}</p>
        <div className="dialog-actions">
          <Button onClick={() => setConfirm(null)}>{t('feed.cancel')}</Button>
          <Button
            variant="danger"
            disabled={create.isPending || remove.isPending}
            onClick={confirm === 'off' ? turnOff : getLink}
          >
            {create.isPending || remove.isPending
              ? t('feed.working')
              : confirm === 'off'
                ? t('feed.off')
                : t('feed.rotate')}
          </Button>
        </div>
      </Dialog>
    </section>
  );
}
