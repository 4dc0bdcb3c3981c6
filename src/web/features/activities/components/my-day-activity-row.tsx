import { useId } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { Money } from '../../../components/ui/money';
import { useToast } from '../../../components/ui/toast';
import { ApiError } from '../../../lib/api-client';
import { formatDate } from '../../../lib/format';
import { useCompleteActivity } from '../api/complete-activity';
import type { MyDayActivity } from '../api/my-day';
import { formatTime, localDay } from '../lib/local-dates';
import { ActivityTypeIcon } from './activity-type-icon';

type Props = { activity: MyDayActivity; timeZone: string; showDate: boolean; overdue?: boolean };

/** One activity to do: done checkbox, type, subject, when, and the deal it moves forward. */
export function MyDayActivityRow({ activity, timeZone, showDate, overdue }: Props) {
  const { t, i18n } = useTranslation('activities');
  const toast = useToast();
  const complete = useCompleteActivity({
    onDone: () => toast.show(t('myDay.done', { subject: activity.subject })),
    onFail: (error) =>
      toast.show(
        t('myDay.doneFailed', { reason: error instanceof ApiError ? error.message : '' }),
        'error',
      ),
  });
  const id = useId();
  const lang = i18n.language;
  const when = activity.allDay ? t('myDay.allDay') : formatTime(activity.dueAt, lang, timeZone);
  const day = formatDate(localDay(activity.dueAt, timeZone), lang);

  const markDone = () => complete.mutate(activity.id);

  return (
    <li className={`activities-row${complete.isPending ? ' activities-row-pending' : ''}`}>
      <input
        id={id}
        type="checkbox"
        className="activities-done"
        checked={complete.isPending || complete.isSuccess}
        disabled={complete.isPending || complete.isSuccess}
        onChange={markDone}
        aria-label={t('myDay.markDone', { subject: activity.subject })}
      />
      <ActivityTypeIcon type={activity.type} />
      <div className="activities-row-main">
        <label htmlFor={id} className="activities-subject">
          {activity.subject}
        </label>
        <span className={`activities-when${overdue ? ' activities-overdue-text' : ''}`}>
          {showDate ? `${day} · ${when}` : when}
        </span>
      </div>
      {activity.deal ? (
        <span className="activities-row-deal">
          <Link to={`/deals/${activity.deal.id}`}>{activity.deal.title}</Link>
          <Money value={activity.deal.value} currency={activity.deal.currency} />
        </span>
      ) : (
        <span className="activities-row-deal muted">{t('myDay.noDeal')}</span>
      )}
    </li>
  );
}
