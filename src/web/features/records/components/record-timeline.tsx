import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Button } from '../../../components/ui/button';
import { useCurrentUser, userTimeZone } from '../../session/use-me';
import { useTimeline } from '../api/use-timeline';
import { ActivityForm, type ActivityLink } from './activity-form';
import { TimelineList } from './timeline-list';

type Props = { kind: 'contacts' | 'companies'; id: string; link: ActivityLink };

/** A contact's or company's activities (a company's include its deals'), with a form to add one. */
export function RecordTimeline({ kind, id, link }: Props) {
  const { t } = useTranslation('records');
  const zone = userTimeZone(useCurrentUser());
  const timeline = useTimeline({ kind, id });
  const [adding, setAdding] = useState(false);
  const headingId = `${kind}-activities`;
  return (
    <section className="card rec-card rec-timeline" aria-labelledby={headingId}>
      <div className="rec-card-head">
        <h2 id={headingId}>{t('activity.title')}</h2>
        {!adding && <Button onClick={() => setAdding(true)}>{t('activity.add')}</Button>}
      </div>
      {adding && <ActivityForm link={link} onDone={() => setAdding(false)} />}
      <TimelineList
        entries={timeline.data}
        state={{
          pending: timeline.isPending,
          error: timeline.isError,
          retry: () => void timeline.refetch(),
        }}
        zone={zone}
        empty={t('timeline.emptyRecord')}
        testId={`${kind}-timeline`}
      />
    </section>
  );
}
