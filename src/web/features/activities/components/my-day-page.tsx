import { useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { Button } from '../../../components/ui/button';
import { EmptyState } from '../../../components/ui/empty-state';
import { formatDate } from '../../../lib/format';
import { useCurrentUser, userTimeZone } from '../../session/use-me';
import { useMyDay, type MyDayActivity } from '../api/my-day';
import { addDays } from '../../../../domain/local-day';
import { formatLongDay, today } from '../lib/local-dates';
import '../activities.css';
import { AttentionSection } from './attention-section';
import { Loading, LoadError } from './load-states';
import { MyDayActivityRow } from './my-day-activity-row';

/** What to do today: overdue and due activities, and the deals that need a push. */
export function MyDayPage() {
  const { t, i18n } = useTranslation('activities');
  const me = useCurrentUser();
  const timeZone = userTimeZone(me);
  const todayDate = today(timeZone);
  const [date, setDate] = useState(todayDate);
  const dateId = useId();
  const myDay = useMyDay(date === todayDate ? undefined : date);
  const isToday = date === todayDate;
  const canChooseOwner = me.role === 'admin' || me.role === 'manager';

  return (
    <div className="activities-page">
      <header className="page-header activities-header">
        <div>
          <h1>{t('myDay.title')}</h1>
          <p className="activities-date">{formatLongDay(date, i18n.language)}</p>
        </div>
        <div className="activities-nav" role="group" aria-label={t('myDay.dateLabel')}>
          <Button onClick={() => setDate(addDays(date, -1))} aria-label={t('myDay.previousDay')}>
            <span aria-hidden="true">‹</span>
          </Button>
          <label htmlFor={dateId} className="visually-hidden">
            {t('myDay.dateLabel')}
          </label>
          <input
            id={dateId}
            type="date"
            value={date}
            onChange={(e) => e.target.value && setDate(e.target.value)}
          />
          <Button onClick={() => setDate(addDays(date, 1))} aria-label={t('myDay.nextDay')}>
            <span aria-hidden="true">›</span>
          </Button>
          {!isToday && <Button onClick={() => setDate(todayDate)}>{t('myDay.today')}</Button>}
        </div>
      </header>
      {myDay.isPending ? (
        <Loading />
      ) : myDay.isError ? (
        <LoadError error={myDay.error} onRetry={() => void myDay.refetch()} />
      ) : (
        <div className="activities-my-day">
          <div className="activities-column">
            <ActivitySection
              title={t('myDay.overdue')}
              count={myDay.data.overdue.length}
              activities={myDay.data.overdue}
              timeZone={timeZone}
              overdue
              empty={<p className="activities-empty">{t('myDay.noneOverdue')}</p>}
            />
            <ActivitySection
              title={
                isToday
                  ? t('myDay.dueToday')
                  : t('myDay.dueOn', { date: formatDate(date, i18n.language) })
              }
              count={myDay.data.dueToday.length}
              activities={myDay.data.dueToday}
              timeZone={timeZone}
              empty={
                isToday ? (
                  <EmptyState title={t('myDay.nothingDue')}>
                    <Link to="/board">{t('myDay.openBoard')}</Link>
                  </EmptyState>
                ) : (
                  <p className="activities-empty">{t('myDay.nothingDueOn')}</p>
                )
              }
            />
          </div>
          <AttentionSection mine={myDay.data.attention} canChooseOwner={canChooseOwner} />
        </div>
      )}
    </div>
  );
}

type SectionProps = {
  title: string;
  count: number;
  activities: MyDayActivity[];
  timeZone: string;
  overdue?: boolean;
  empty: React.ReactNode;
};

function ActivitySection({ title, count, activities, timeZone, overdue, empty }: SectionProps) {
  const headingId = useId();
  return (
    <section
      className={`activities-section${overdue ? ' activities-section-overdue' : ''}`}
      aria-labelledby={headingId}
    >
      <h2 id={headingId}>
        {title}{' '}
        <span
          className={`activities-count${overdue && count > 0 ? ' activities-count-danger' : ''}`}
        >
          {count}
        </span>
      </h2>
      {activities.length === 0 ? (
        empty
      ) : (
        <ul className="activities-list">
          {activities.map((activity) => (
            <MyDayActivityRow
              key={activity.id}
              activity={activity}
              timeZone={timeZone}
              showDate={Boolean(overdue)}
              overdue={Boolean(overdue)}
            />
          ))}
        </ul>
      )}
    </section>
  );
}
