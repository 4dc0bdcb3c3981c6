import { useCallback, useEffect, useId, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useShortcut } from '../../../app/use-shortcut';
import { useNotificationCount } from '../api/notifications';
import { NotificationPanel } from './notification-panel';
import '../notifications.css';

/** The bell in the top bar: the count of reminders still asking, and the list under it. */
export function NotificationBell() {
  const { t } = useTranslation('notifications');
  const count = useNotificationCount().data?.unread ?? 0;
  const [open, setOpen] = useState(false);
  const panelId = useId();
  const root = useRef<HTMLDivElement>(null);
  const button = useRef<HTMLButtonElement>(null);
  const close = useCallback(() => {
    setOpen(false);
    button.current?.focus();
  }, []);
  useShortcut(
    'b',
    useCallback(() => setOpen((o) => !o), []),
  );

  useEffect(() => {
    if (!open) return;
    const onPointer = (e: PointerEvent) => {
      if (root.current && !root.current.contains(e.target as Node)) setOpen(false);
    };
    const onKey = (e: KeyboardEvent) => {
      if (e.key === 'Escape') close();
    };
    document.addEventListener('pointerdown', onPointer);
    document.addEventListener('keydown', onKey);
    return () => {
      document.removeEventListener('pointerdown', onPointer);
      document.removeEventListener('keydown', onKey);
    };
  }, [open, close]);

  const label = count > 0 ? t('bellCount', { count }) : t('bell');
  return (
    <div className="bell" ref={root}>
      <button
        ref={button}
        type="button"
        className="btn btn-ghost bell-button"
        aria-label={label}
        aria-expanded={open}
        aria-controls={panelId}
        title={`${label} (${t('shortcut')})`}
        onClick={() => setOpen((o) => !o)}
      >
        <svg
          viewBox="0 0 24 24"
          width="20"
          height="20"
          fill="none"
          stroke="currentColor"
          strokeWidth="2"
          strokeLinecap="round"
          strokeLinejoin="round"
          aria-hidden="true"
        >
          <path d="M6 8a6 6 0 0 1 12 0c0 7 3 9 3 9H3s3-2 3-9M10.3 21a1.94 1.94 0 0 0 3.4 0" />
        </svg>
        {count > 0 && (
          <span className="bell-count" aria-hidden="true">
            {count > 99 ? '99+' : count}
          </span>
        )}
      </button>
      {open && <NotificationPanel id={panelId} onNavigate={() => setOpen(false)} />}
    </div>
  );
}
