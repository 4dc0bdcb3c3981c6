import { useTranslation } from 'react-i18next';
import { useToast } from '../../../components/ui/toast';
import { ApiError } from '../../../lib/api-client';
import { formatDate, formatDateTime } from '../../../lib/format';
import type { Activity, ActivityType } from '../api/activity-keys';
import { useDeleteActivity } from '../api/use-delete-activity';
import { useUpdateActivity } from '../api/use-update-activity';

// Symbols every system font has (emoji are missing on many Linux desktops); the type's name is
// always written beside them.
export const activityIcons: Record<ActivityType, string> = {
  call: '☎',
  meeting: '◷',
  task: '☑',
  email: '✉',
  note: '✎',
};

/** "12 Mar 2026, 10:00" or "12 Mar 2026 (all day)", in the user's zone. */
export function useWhen(zone: string) {
  const { t, i18n } = useTranslation('records');
  return (iso: string, allDay: boolean) =>
    allDay
      ? t('activity.allDayOn', { date: formatDate(iso, i18n.language, zone) })
      : formatDateTime(iso, i18n.language, zone);
}

type Props = { activity: Activity; zone: string; now: number };

/** One activity in a timeline: type, subject, when, notes; open ones can be ticked done. */
export function ActivityItem({ activity: a, zone, now }: Props) {
  const { t, i18n } = useTranslation('records');
  const when = useWhen(zone);
  const toast = useToast();
  const update = useUpdateActivity();
  const remove = useDeleteActivity();
  // Ticked at once; the refetch after the save confirms it.
  const done = update.isPending ? update.variables.done : a.done;
  const overdue = !a.done && a.dueAt !== null && Date.parse(a.dueAt) < now;
  const fail = (fallback: string) => (err: unknown) =>
    toast.show(err instanceof ApiError ? err.message : t(fallback), 'error');

  const toggle = (done: boolean) =>
    update.mutate(
      { id: a.id, version: a.version, done },
      { onError: fail('activity.toggleFailed') },
    );
  const destroy = () => {
    if (!window.confirm(t('activity.deleteConfirm', { subject: a.subject }))) return;
    remove.mutate(a.id, { onError: fail('activity.deleteFailed') });
  };

  const time = a.done
    ? a.doneAt && t('activity.doneAt', { when: formatDateTime(a.doneAt, i18n.language, zone) })
    : a.dueAt
      ? t(overdue ? 'activity.overdue' : 'activity.due', { when: when(a.dueAt, a.allDay) })
      : t('activity.noDueDate');

  return (
    <li className={`rec-activity${a.done ? ' is-done' : ''}`} data-activity-id={a.id}>
      <div className="rec-activity-head">
        <input
          type="checkbox"
          className="rec-activity-done"
          checked={done}
          aria-label={t(a.done ? 'activity.markOpen' : 'activity.markDone', { subject: a.subject })}
          onChange={(e) => !update.isPending && toggle(e.target.checked)}
        />
        <span className="rec-activity-icon" aria-hidden="true">
          {activityIcons[a.type]}
        </span>
        <p className="rec-activity-subject">
          <span className="rec-activity-type">{t(`activity.types.${a.type}`)}</span> {a.subject}
        </p>
        <button
          type="button"
          className="rec-activity-delete"
          aria-label={t('activity.deleteLabel', { subject: a.subject })}
          disabled={remove.isPending}
          onClick={destroy}
        >
          {t('activity.delete')}
        </button>
      </div>
      <p className={`rec-event-time small${overdue ? ' rec-activity-overdue' : ' muted'}`}>
        {time}
        {a.durationMinutes !== null && ` · ${t('activity.minutes', { count: a.durationMinutes })}`}
        {` · ${t('activity.by', { name: a.ownerName })}`}
      </p>
      {a.bodyHtml && (
        // Safe: bodyHtml is rendered from markdown and sanitized by the server (basic formatting,
        // http/https/mailto links only). Nothing else in the app is inserted as HTML.
        <div className="rec-activity-body" dangerouslySetInnerHTML={{ __html: a.bodyHtml }} />
      )}
    </li>
  );
}
