import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { formatDateTime } from '../../../lib/format';
import { useCurrentUser, userTimeZone } from '../../session/use-me';
import { useLeadEvents, type LeadEvent } from '../api/lead-events';

/** The lead's story: how it arrived, each status change and why, web-form follow-ups, the deal. */
export function LeadHistory({ id }: { id: string }) {
  const { t, i18n } = useTranslation('leads');
  const zone = userTimeZone(useCurrentUser());
  const events = useLeadEvents(id);
  if (events.isPending) return null;
  if (events.isError) return <p role="alert">{t('history.loadFailed')}</p>;

  const describe = (e: LeadEvent) => {
    const status = (s: string | null) => (s ? t(`status.${s}`) : '');
    switch (e.type) {
      case 'created':
        return e.via === 'capture' ? t('history.capturedCreated') : t('history.created');
      case 'status':
        return t('history.status', { from: status(e.fromStatus), to: status(e.toStatus) });
      case 'merged':
        return t('history.merged');
      case 'converted':
        return t('history.converted');
    }
  };

  return (
    <section aria-labelledby="lead-history-title">
      <h3 id="lead-history-title">{t('history.title')}</h3>
      <ol className="leads-history">
        {events.data.data.map((e) => (
          <li key={e.id}>
            <span>{describe(e)}</span>
            {e.reason && <span className="muted"> — {e.reason}</span>}
            {e.submitted && <q className="leads-history-quote">{e.submitted}</q>}
            {e.dealId && (
              <>
                {' '}
                <Link to={`/deals/${e.dealId}`}>{t('openDeal')}</Link>
              </>
            )}
            <div className="muted small">
              {formatDateTime(e.occurredAt, i18n.language, zone)} ·{' '}
              {e.actorName ?? t('history.webForm')}
            </div>
          </li>
        ))}
      </ol>
    </section>
  );
}
