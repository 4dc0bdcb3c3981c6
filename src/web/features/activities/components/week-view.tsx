import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import type { CalendarActivity } from '../api/calendar';
import { formatTime, formatWeekday, localDay } from '../lib/local-dates';
import { ActivityTypeIcon } from './activity-type-icon';

type Props = { days: string[]; activities: CalendarActivity[]; timeZone: string; today: string };

// All-day first, then by time; the API's order (by due time) breaks ties.
const byTime = (a: CalendarActivity, b: CalendarActivity) =>
  Number(b.allDay) - Number(a.allDay) || (a.dueAt ?? '').localeCompare(b.dueAt ?? '');

/** Seven day columns (a list on a phone), each with its activities in order. */
export function WeekView({ days, activities, timeZone, today }: Props) {
  const { t, i18n } = useTranslation('activities');
  const lang = i18n.language;
  const byDay = new Map<string, CalendarActivity[]>(days.map((day) => [day, []]));
  for (const activity of activities) {
    if (activity.dueAt) byDay.get(localDay(activity.dueAt, timeZone))?.push(activity);
  }

  return (
    <div className="activities-week">
      {days.map((day) => {
        const { weekday, date } = formatWeekday(day, lang);
        const items = (byDay.get(day) ?? []).sort(byTime);
        const headingId = `activities-day-${day}`;
        return (
          <section
            key={day}
            className={`activities-day${day === today ? ' activities-day-today' : ''}`}
            aria-labelledby={headingId}
            data-day={day}
          >
            <h2 id={headingId} className="activities-day-head">
              <span className="activities-weekday">{weekday}</span>{' '}
              <span className="activities-day-date">{date}</span>
              {day === today && (
                <span className="activities-today-badge">{t('calendar.todayBadge')}</span>
              )}
            </h2>
            {items.length > 0 && (
              <ul className="activities-day-list">
                {items.map((activity) => (
                  <CalendarItem
                    key={activity.id}
                    activity={activity}
                    time={
                      activity.allDay || !activity.dueAt
                        ? t('myDay.allDay')
                        : formatTime(activity.dueAt, lang, timeZone)
                    }
                  />
                ))}
              </ul>
            )}
          </section>
        );
      })}
    </div>
  );
}

function CalendarItem({ activity, time }: { activity: CalendarActivity; time: string }) {
  const { t } = useTranslation('activities');
  const content = (
    <>
      <span className="activities-item-time">{time}</span>
      <span className="activities-item-subject">
        <ActivityTypeIcon type={activity.type} /> {activity.subject}
      </span>
      {activity.dealTitle && <span className="activities-item-deal">{activity.dealTitle}</span>}
    </>
  );
  const className = `activities-item${activity.done ? ' activities-item-done' : ''}${activity.allDay ? ' activities-item-all-day' : ''}`;
  return (
    <li>
      {activity.dealId ? (
        <Link
          to={`/deals/${activity.dealId}`}
          className={className}
          title={t('calendar.openDeal', { title: activity.dealTitle ?? '' })}
        >
          {content}
        </Link>
      ) : (
        <div className={className} title={t('calendar.noDealLink')}>
          {content}
        </div>
      )}
    </li>
  );
}
