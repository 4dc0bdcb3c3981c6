import { useCallback } from 'react';
import { useTranslation } from 'react-i18next';
import { useSearchParams } from 'react-router';
import { useShortcut } from '../../../app/use-shortcut';
import { Button } from '../../../components/ui/button';
import { EmptyState } from '../../../components/ui/empty-state';
import { useToast } from '../../../components/ui/toast';
import { formatDateTime } from '../../../lib/format';
import { useCurrentUser } from '../../session/use-me';
import { useMarkReviewed } from '../api/mark-reviewed';
import { reviewFileHref, useReview, type ReviewParams } from '../api/review';
import '../review.css';
import { ReviewSection } from './review-section';
import { ReviewSummary } from './review-summary';
import { ScopePicker } from './scope-picker';

/** The scope and since date live in the URL (?owner=, ?team=, ?since=), so a review links. */
function useReviewParams() {
  const [search, setSearch] = useSearchParams();
  const params: ReviewParams = {};
  const owner = search.get('owner');
  const team = search.get('team');
  const since = search.get('since');
  if (team) params.teamId = team;
  else if (owner) params.ownerId = owner;
  if (since) params.since = since;
  const update = (next: { scope?: string; since?: string | null }) => {
    const s = new URLSearchParams(search);
    if (next.scope !== undefined) {
      s.delete('owner');
      s.delete('team');
      const [kind, id] = next.scope.split(':');
      if (kind && id) s.set(kind, id);
    }
    if (next.since !== undefined) {
      if (next.since) s.set('since', next.since);
      else s.delete('since');
    }
    setSearch(s, { replace: true });
  };
  const scope = team ? `team:${team}` : owner ? `owner:${owner}` : '';
  return { params, scope, update };
}

export function ReviewPage() {
  const { t, i18n } = useTranslation('review');
  const me = useCurrentUser();
  const toast = useToast();
  const { params, scope, update } = useReviewParams();
  const review = useReview(params);
  const mark = useMarkReviewed();
  const r = review.data;
  const lang = i18n.language;
  useShortcut(
    'p',
    useCallback(() => window.print(), []),
  );

  const markReviewed = () => {
    if (!r) return;
    const body = { since: r.since, until: r.until };
    mark.mutate(
      {
        ...body,
        ...(params.teamId ? { teamId: params.teamId } : {}),
        ...(params.ownerId ? { ownerId: params.ownerId } : {}),
      },
      {
        onSuccess: () => {
          update({ since: null });
          toast.show(t('markedReviewed'));
        },
        onError: (e) => toast.show(e.message, 'error'),
      },
    );
  };
  const changed = r?.sections.some(
    (s) => s.count > 0 && s.section !== 'stalled' && !s.section.startsWith('closing'),
  );

  return (
    <div className="review-page">
      <header className="page-header">
        <h1>
          {t('title')}
          {r && `: ${r.scope.name}`}
        </h1>
      </header>
      <p className="muted review-explain">{t('explain')}</p>
      <div className="review-toolbar">
        <ScopePicker me={me} value={scope} onChange={(v) => update({ scope: v, since: null })} />
        <label>
          {t('since')}
          <input
            type="date"
            value={params.since ?? ''}
            onChange={(e) => update({ since: e.target.value || null })}
          />
        </label>
        <div className="review-actions">
          <Button variant="primary" onClick={markReviewed} disabled={!r || mark.isPending}>
            {t('markReviewed')}
          </Button>
          <Button onClick={() => window.print()} title={t('printShortcut')}>
            {t('print')}
          </Button>
          <a
            className="btn btn-ghost"
            href={reviewFileHref('pdf', params, lang)}
            download
            aria-label={t('pdfLabel')}
          >
            {t('pdf')}
          </a>
          <a
            className="btn btn-ghost"
            href={reviewFileHref('csv', params, lang)}
            download
            aria-label={t('csvLabel')}
          >
            {t('csv')}
          </a>
        </div>
      </div>
      {review.isError && <p role="alert">{review.error.message || t('loadError')}</p>}
      {review.isPending && <p className="muted">…</p>}
      {r && (
        <>
          <p className="review-window">
            {t('window', {
              since: formatDateTime(r.since, lang, r.timeZone),
              until: formatDateTime(r.until, lang, r.timeZone),
            })}{' '}
            <span className="muted small">
              (
              {t(`sinceFrom.${r.sinceFrom}`, {
                date: r.lastReview ? formatDateTime(r.lastReview.reviewedAt, lang, r.timeZone) : '',
              })}
              )
            </span>
          </p>
          <ReviewSummary r={r} />
          {!changed && <EmptyState title={t('nothingChanged')} />}
          <div className="review-sections">
            {r.sections.map((s) => (
              <ReviewSection key={s.section} s={s} timeZone={r.timeZone} />
            ))}
          </div>
        </>
      )}
    </div>
  );
}
