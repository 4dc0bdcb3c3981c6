import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { formatDateTime } from '../../../lib/format';
import { ActivityTypeIcon } from '../../activities/components/activity-type-icon';
import { useMe, userTimeZone } from '../../session/use-me';
import { useMarkRead, useNotifications, type Notification } from '../api/notifications';

type Props = { id: string; onNavigate: () => void };

export function NotificationPanel({ id, onNavigate }: Props) {
  const { t, i18n } = useTranslation('notifications');
  const me = useMe().data;
  const list = useNotifications(true);
  const markRead = useMarkRead();
  const zone = me ? userTimeZone(me) : undefined;
  const unread = list.data?.unread ?? 0;

  const open = (n: Notification) => {
    if (!n.read) markRead.mutate([n.id]);
    onNavigate();
  };

  return (
    <section id={id} className="bell-panel" aria-label={t('title')}>
      <header className="bell-panel-header">
        <h2>{t('title')}</h2>
        <button
          type="button"
          className="btn btn-ghost"
          disabled={unread === 0 || markRead.isPending}
          onClick={() => markRead.mutate(undefined)}
        >
          {t('markAllRead')}
        </button>
      </header>
      {list.isPending && <p className="bell-state muted">…</p>}
      {list.isError && (
        <p className="bell-state" role="alert">
          {t('loadFailed')}{' '}
          <button type="button" className="btn btn-ghost" onClick={() => void list.refetch()}>
            {t('retry')}
          </button>
        </p>
      )}
      {list.data && list.data.data.length === 0 && <p className="bell-state muted">{t('empty')}</p>}
      {list.data && list.data.data.length > 0 && (
        <ul className="bell-list">
          {list.data.data.map((n) => (
            <li key={n.id} className={n.read ? 'bell-item' : 'bell-item bell-unread'}>
              <Link
                to={n.deal ? `/deals/${n.deal.id}` : '/my-day'}
                onClick={() => open(n)}
                className="bell-link"
              >
                <ActivityTypeIcon type={n.activity.type} />
                <span className="bell-text">
                  <span className="bell-subject">{n.activity.subject}</span>
                  <span className="bell-meta muted">
                    {n.deal ? n.deal.title : t('noDeal')} ·{' '}
                    {t('dueAt', { when: formatDateTime(n.activity.dueAt, i18n.language, zone) })}
                  </span>
                </span>
                {n.activity.done ? (
                  <span className="bell-tag bell-done">{t('done')}</span>
                ) : (
                  n.activity.overdue && (
                    <span className="bell-tag bell-overdue">{t('overdue')}</span>
                  )
                )}
              </Link>
            </li>
          ))}
        </ul>
      )}
      <footer className="bell-panel-footer">
        <Link to="/my-day" onClick={onNavigate}>
          {t('openMyDay')}
        </Link>
      </footer>
    </section>
  );
}
