import { useTranslation } from 'react-i18next';
import { formatDate } from '../../../lib/format';
import type { Deal } from '../../../lib/queries/deal-types';
import { useCurrentUser, userTimeZone } from '../../session/use-me';
import type { DealPatch } from '../api/use-update-deal';
import { orNull } from './editors';
import { InlineField } from './inline-field';

type StatusDraft = { status: Deal['status']; lostReason: string };

/** Open, won or lost; lost asks for a reason. Won/lost also moves the deal to that stage. */
export function DealStatusField({
  deal,
  save,
}: {
  deal: Deal;
  save: (patch: DealPatch) => Promise<void>;
}) {
  const { t, i18n } = useTranslation('records');
  const me = useCurrentUser();
  const statuses = ['open', 'won', 'lost'] as const;

  return (
    <InlineField<StatusDraft, DealPatch>
      label={t('fields.status')}
      fields={['status', 'lostReason']}
      display={
        <span className="rec-status-display">
          <span className={`rec-status rec-status-${deal.status}`}>
            {t(`common:status.${deal.status}`)}
          </span>
          {deal.closedAt && (
            <span className="muted small">
              {t('deal.closedOn', {
                date: formatDate(deal.closedAt, i18n.language, userTimeZone(me)),
              })}
            </span>
          )}
          {deal.lostReason && <span className="rec-lost-reason">{deal.lostReason}</span>}
        </span>
      }
      start={() => ({ status: deal.status, lostReason: deal.lostReason ?? '' })}
      editor={({ draft, setDraft, a11y, id }) => (
        <div className="rec-status-editor">
          <select
            {...a11y}
            value={draft.status}
            onChange={(e) => setDraft({ ...draft, status: e.target.value as Deal['status'] })}
          >
            {statuses.map((s) => (
              <option key={s} value={s}>
                {t(`common:status.${s}`)}
              </option>
            ))}
          </select>
          {draft.status === 'lost' && (
            <>
              <label htmlFor={`${id}-reason`}>{t('fields.lostReason')}</label>
              <textarea
                id={`${id}-reason`}
                rows={2}
                maxLength={500}
                value={draft.lostReason}
                onChange={(e) => setDraft({ ...draft, lostReason: e.target.value })}
              />
            </>
          )}
        </div>
      )}
      toPatch={({ status, lostReason }) =>
        status === 'lost' ? { status, lostReason: orNull(lostReason) } : { status }
      }
      save={save}
    />
  );
}
