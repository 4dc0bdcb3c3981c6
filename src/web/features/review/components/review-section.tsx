import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import type { PipelineReview, ReviewDeal } from '../../../../contracts/review';
import { Money } from '../../../components/ui/money';
import { formatDate, formatDateTime } from '../../../lib/format';

type Section = PipelineReview['sections'][number];

/** What happened to the deal, as the section cares about it. */
function Change({ d, timeZone }: { d: ReviewDeal; timeZone: string }) {
  const { t, i18n } = useTranslation('review');
  const lang = i18n.language;
  return (
    <span className="review-change">
      {d.stage && (
        <span>
          {d.stage.fromName} → {d.stage.toName}
        </span>
      )}
      {d.closeDate && (
        <span>
          {formatDate(d.closeDate.from, lang)} → {formatDate(d.closeDate.to, lang)} (
          {t('slippedBy', { count: d.closeDate.days })})
        </span>
      )}
      {d.valueChange && (
        <span>
          <Money {...d.valueChange.from} /> → <Money {...d.valueChange.to} />
        </span>
      )}
      {d.closed && <span>{formatDateTime(d.closed.at, lang, timeZone)}</span>}
      {d.closed?.lostReason && <span>{t('lostReason', { reason: d.closed.lostReason })}</span>}
      {d.stalled && (
        <span>{t('idle', { idle: d.stalled.idleDays, limit: d.stalled.rottingDays })}</span>
      )}
      {!d.stage && !d.closeDate && !d.closed && d.expectedCloseDate && (
        <span>{t('expectedClose', { date: formatDate(d.expectedCloseDate, lang) })}</span>
      )}
    </span>
  );
}

export function ReviewSection({ s, timeZone }: { s: Section; timeZone: string }) {
  const { t } = useTranslation('review');
  const headingId = `review-${s.section}`;
  return (
    <section className="review-section" aria-labelledby={headingId} data-section={s.section}>
      <h2 id={headingId}>
        {t(`sections.${s.section}`)} <span className="review-count">{s.count}</span>
      </h2>
      {s.totals.length > 0 && (
        <p className="review-totals muted small">
          {t('totals')}:{' '}
          {s.totals.map((x) => (
            <span key={x.currency}>
              <Money value={x.amount} currency={x.currency} /> ({x.count})
            </span>
          ))}
        </p>
      )}
      {s.deals.length === 0 ? (
        <p className="muted">{t(`empty.${s.section}`)}</p>
      ) : (
        <ul className="review-deals">
          {s.deals.map((d) => (
            <li key={d.dealId}>
              <Link to={`/deals/${d.dealId}`}>{d.title}</Link>
              <span className="muted small">
                {d.ownerName} · {d.stageName} · <Money value={d.value} currency={d.currency} />
              </span>
              <Change d={d} timeZone={timeZone} />
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
