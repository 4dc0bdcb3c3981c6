import { useTranslation } from 'react-i18next';
import { Money } from '../../../components/ui/money';
import { formatDate, parseMoney } from '../../../lib/format';
import type { Deal } from '../../../lib/queries/deal-types';
import { useUsers } from '../../../lib/queries/people';
import { usePipelines } from '../../../lib/queries/pipelines';
import { useCurrentUser, userTimeZone } from '../../session/use-me';
import type { DealPatch } from '../api/use-update-deal';
import { DealStatusField } from './deal-status-field';
import { orNull, selectEditor, textEditor } from './editors';
import { InlineField } from './inline-field';
import { MoneyInput, moneyDraft, type MoneyDraft } from './money-input';

type DealFieldsProps = { deal: Deal; save: (patch: DealPatch) => Promise<void> };

export function DealFields({ deal, save }: DealFieldsProps) {
  const { t, i18n } = useTranslation('records');
  const me = useCurrentUser();
  const users = useUsers();
  const pipelines = usePipelines();
  const stage = pipelines.data?.flatMap((p) => p.stages).find((s) => s.id === deal.stageId);
  const empty = <span className="muted">{t('inline.empty')}</span>;
  const owners = (users.data ?? [])
    .filter((u) => u.active || u.id === deal.ownerId)
    .map((u) => ({ value: u.id, label: u.name }));

  return (
    <section className="card rec-card" aria-labelledby="deal-details">
      <h2 id="deal-details">{t('deal.details')}</h2>
      <InlineField<MoneyDraft, DealPatch>
        label={t('fields.value')}
        fields={['value', 'currency']}
        display={<Money value={deal.value} currency={deal.currency} />}
        start={() => moneyDraft(deal.value, deal.currency)}
        editor={({ draft, setDraft, a11y }) => (
          <MoneyInput value={draft} onChange={setDraft} a11y={a11y} />
        )}
        toPatch={({ amount, currency }) => {
          const value = parseMoney(amount, currency);
          return value === null ? t('money.invalid') : { value, currency };
        }}
        save={save}
      />
      <InlineField
        label={t('fields.expectedCloseDate')}
        fields={['expectedCloseDate']}
        display={
          deal.expectedCloseDate
            ? formatDate(deal.expectedCloseDate, i18n.language, userTimeZone(me))
            : empty
        }
        start={() => deal.expectedCloseDate ?? ''}
        editor={textEditor('date')}
        toPatch={(date) => ({ expectedCloseDate: date || null })}
        save={save}
      />
      <InlineField
        label={t('fields.owner')}
        fields={['ownerId']}
        display={deal.ownerName}
        start={() => deal.ownerId}
        editor={selectEditor(
          owners.length ? owners : [{ value: deal.ownerId, label: deal.ownerName }],
        )}
        toPatch={(ownerId) => ({ ownerId })}
        save={save}
      />
      <InlineField
        label={t('fields.source')}
        fields={['source']}
        display={deal.source ?? empty}
        start={() => deal.source ?? ''}
        editor={textEditor('text', { maxLength: 80 })}
        toPatch={(source) => ({ source: orNull(source) })}
        save={save}
      />
      <InlineField
        label={t('fields.probability')}
        fields={['probability']}
        display={
          deal.probability === null
            ? t('deal.probabilityFromStage', { value: deal.effectiveProbability })
            : t('deal.probabilityOverride', { value: deal.probability })
        }
        start={() => (deal.probability === null ? '' : String(deal.probability))}
        editor={textEditor('number', {
          min: 0,
          max: 100,
          step: 1,
          placeholder: String(stage?.probability ?? ''),
        })}
        toPatch={(text) => {
          if (!text.trim()) return { probability: null };
          const value = Number(text);
          return Number.isInteger(value) && value >= 0 && value <= 100
            ? { probability: value }
            : t('deal.probabilityInvalid');
        }}
        save={save}
      />
      <DealStatusField deal={deal} save={save} />
    </section>
  );
}
