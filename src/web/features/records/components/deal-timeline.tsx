import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Button } from '../../../components/ui/button';
import { formatDate, formatMoney } from '../../../lib/format';
import type { Deal } from '../../../lib/queries/deal-types';
import { useUsers } from '../../../lib/queries/people';
import { usePipelines, useStageName } from '../../../lib/queries/pipelines';
import { useCurrentUser, userTimeZone } from '../../session/use-me';
import { useTimeline } from '../api/use-timeline';
import { describeHistory, type HistoryEvent, type Translate } from '../history-text';
import { ActivityForm } from './activity-form';
import { NextStep } from './next-step';
import { TimelineList } from './timeline-list';

/** The deal's activities: next step on top, a form to add one, then activities and history. */
export function DealTimeline({ deal }: { deal: Deal }) {
  const { t, i18n } = useTranslation('records');
  const lang = i18n.language;
  const zone = userTimeZone(useCurrentUser());
  const timeline = useTimeline({ kind: 'deals', id: deal.id });
  const pipelines = usePipelines();
  const users = useUsers();
  const stageName = useStageName();
  const [adding, setAdding] = useState(false);

  const stages = new Map(pipelines.data?.flatMap((p) => p.stages).map((s) => [s.id, s.name]));
  const people = new Map(users.data?.map((u) => [u.id, u.name]));
  // The sentences need the events oldest first (to know each value's currency).
  const events: HistoryEvent[] = (timeline.data ?? [])
    .flatMap((entry) => (entry.kind === 'event' ? [entry.event] : []))
    .reverse();
  const described = describeHistory(events, deal.currency, {
    t: t as Translate,
    stageName: (id) => {
      const name = id ? stages.get(id) : undefined;
      return name ? stageName(name) : t('history.unknownStage');
    },
    userName: (id) => (id && people.get(id)) || t('history.unknownUser'),
    money: (minor, currency) => formatMoney(minor, currency, lang),
    date: (iso) => formatDate(iso, lang, zone),
  });
  const texts = new Map(described.map((e) => [e.id, e.text]));

  return (
    <section className="card rec-card rec-timeline" aria-labelledby="deal-activities">
      <div className="rec-card-head">
        <h2 id="deal-activities">{t('activity.title')}</h2>
        {!adding && <Button onClick={() => setAdding(true)}>{t('activity.add')}</Button>}
      </div>
      {deal.status === 'open' && !adding && (
        <NextStep deal={deal} zone={zone} onAdd={() => setAdding(true)} />
      )}
      {adding && <ActivityForm link={{ dealId: deal.id }} onDone={() => setAdding(false)} />}
      <h3 className="rec-timeline-title">{t('timeline.title')}</h3>
      <TimelineList
        entries={timeline.data}
        eventText={(id) => texts.get(id) ?? ''}
        state={{
          pending: timeline.isPending,
          error: timeline.isError,
          retry: () => void timeline.refetch(),
        }}
        zone={zone}
        empty={t('timeline.empty')}
        testId="deal-timeline"
      />
    </section>
  );
}
