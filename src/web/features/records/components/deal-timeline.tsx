import { useTranslation } from 'react-i18next';
import { Button } from '../../../components/ui/button';
import { formatDate, formatDateTime, formatMoney } from '../../../lib/format';
import type { Deal } from '../../../lib/queries/deal-types';
import { useUsers } from '../../../lib/queries/people';
import { usePipelines, useStageName } from '../../../lib/queries/pipelines';
import { useCurrentUser, userTimeZone } from '../../session/use-me';
import { useDealHistory } from '../api/use-deal-history';
import { describeHistory, relativeTime, type Translate } from '../history-text';

/** The deal's history in words, newest first, with time relative and exact in the user's zone. */
export function DealTimeline({ deal }: { deal: Deal }) {
  const { t, i18n } = useTranslation('records');
  const lang = i18n.language;
  const zone = userTimeZone(useCurrentUser());
  const history = useDealHistory(deal.id);
  const pipelines = usePipelines();
  const users = useUsers();
  const stageName = useStageName();

  const stages = new Map(pipelines.data?.flatMap((p) => p.stages).map((s) => [s.id, s.name]));
  const people = new Map(users.data?.map((u) => [u.id, u.name]));
  const events = describeHistory(history.data ?? [], deal.currency, {
    t: t as Translate,
    stageName: (id) => {
      const name = id ? stages.get(id) : undefined;
      return name ? stageName(name) : t('history.unknownStage');
    },
    userName: (id) => (id && people.get(id)) || t('history.unknownUser'),
    money: (minor, currency) => formatMoney(minor, currency, lang),
    date: (iso) => formatDate(iso, lang, zone),
  });
  const now = Date.now();

  return (
    <section className="card rec-card rec-timeline" aria-labelledby="deal-history">
      <h2 id="deal-history">{t('timeline.title')}</h2>
      {history.isPending && <p className="muted">{t('common:state.loading')}</p>}
      {history.isError && (
        <p>
          {t('timeline.failed')}{' '}
          <Button onClick={() => void history.refetch()}>{t('common:actions.retry')}</Button>
        </p>
      )}
      {history.isSuccess && !events.length && <p className="muted">{t('timeline.empty')}</p>}
      <ol className="rec-events" data-testid="deal-timeline">
        {events.map((event) => (
          <li key={event.id}>
            <p className="rec-event-text">{event.text}</p>
            <p className="rec-event-time muted small">
              <time dateTime={event.occurredAt}>{relativeTime(event.occurredAt, now, lang)}</time>
              <span aria-hidden="true"> · </span>
              <span>{formatDateTime(event.occurredAt, lang, zone)}</span>
            </p>
          </li>
        ))}
      </ol>
    </section>
  );
}
