import { useTranslation } from 'react-i18next';
import { Button } from '../../../components/ui/button';
import { formatDateTime } from '../../../lib/format';
import type { TimelineEntry } from '../api/activity-keys';
import { relativeTime } from '../history-text';
import { ActivityItem } from './activity-item';

type Props = {
  entries: TimelineEntry[] | undefined;
  /** The sentence of a history event, by its id. */
  eventText?: (id: number) => string;
  state: { pending: boolean; error: boolean; retry: () => void };
  zone: string;
  empty: string;
  testId?: string;
};

/** Activities and history events mixed, newest first as the API sends them. */
export function TimelineList({ entries, eventText, state, zone, empty, testId }: Props) {
  const { t, i18n } = useTranslation('records');
  const lang = i18n.language;
  const now = Date.now();
  if (state.pending) return <p className="muted">{t('common:state.loading')}</p>;
  if (state.error) {
    return (
      <p>
        {t('timeline.failed')} <Button onClick={state.retry}>{t('common:actions.retry')}</Button>
      </p>
    );
  }
  return (
    <>
      {!entries?.length && <p className="muted">{empty}</p>}
      <ol className="rec-events" data-testid={testId}>
        {entries?.map((entry) =>
          entry.kind === 'activity' ? (
            <ActivityItem
              key={`a-${entry.activity.id}`}
              activity={entry.activity}
              zone={zone}
              now={now}
            />
          ) : (
            <li key={`e-${entry.event.id}`}>
              <p className="rec-event-text">{eventText?.(entry.event.id) ?? ''}</p>
              <p className="rec-event-time muted small">
                <time dateTime={entry.event.occurredAt}>
                  {relativeTime(entry.event.occurredAt, now, lang)}
                </time>
                <span aria-hidden="true"> · </span>
                <span>{formatDateTime(entry.event.occurredAt, lang, zone)}</span>
              </p>
            </li>
          ),
        )}
      </ol>
    </>
  );
}
