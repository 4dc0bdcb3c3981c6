import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Button } from '../../../components/ui/button';
import { EmptyState } from '../../../components/ui/empty-state';
import { formatDate } from '../../../lib/format';
import { useCurrentUser, userTimeZone } from '../../session/use-me';
import { useCalendar } from '../api/calendar';
import { addDays } from '../../../../domain/local-day';
import { dayStartIso, today, weekStart } from '../lib/local-dates';
import '../activities.css';
import { CalendarFeedBox } from './calendar-feed-box';
import { Loading, LoadError } from './load-states';
import { WeekView } from './week-view';

/** A week of the user's activities, Monday to Sunday in their zone. */
export function CalendarPage() {
  const { t, i18n } = useTranslation('activities');
  const me = useCurrentUser();
  const timeZone = userTimeZone(me);
  const todayDate = today(timeZone);
  const [monday, setMonday] = useState(() => weekStart(todayDate));
  const days = Array.from({ length: 7 }, (_, i) => addDays(monday, i));
  const range = {
    from: dayStartIso(monday, timeZone),
    to: dayStartIso(addDays(monday, 7), timeZone),
  };
  const calendar = useCalendar(range);

  return (
    <div className="activities-page">
      <header className="page-header activities-header">
        <div>
          <h1>{t('calendar.title')}</h1>
          <p className="activities-date" aria-live="polite">
            {t('calendar.weekOf', { date: formatDate(monday, i18n.language) })}
          </p>
        </div>
        <div className="activities-nav" role="group" aria-label={t('calendar.title')}>
          <Button
            onClick={() => setMonday(addDays(monday, -7))}
            aria-label={t('calendar.previousWeek')}
          >
            <span aria-hidden="true">‹</span>
          </Button>
          <Button onClick={() => setMonday(weekStart(todayDate))}>{t('calendar.thisWeek')}</Button>
          <Button onClick={() => setMonday(addDays(monday, 7))} aria-label={t('calendar.nextWeek')}>
            <span aria-hidden="true">›</span>
          </Button>
        </div>
      </header>
      {calendar.isPending ? (
        <Loading />
      ) : calendar.isError ? (
        <LoadError error={calendar.error} onRetry={() => void calendar.refetch()} />
      ) : (
        <>
          {calendar.data.length === 0 && (
            <EmptyState title={t('calendar.empty')}>{t('calendar.emptyHint')}</EmptyState>
          )}
          <WeekView days={days} activities={calendar.data} timeZone={timeZone} today={todayDate} />
        </>
      )}
      <CalendarFeedBox />
    </div>
  );
}
