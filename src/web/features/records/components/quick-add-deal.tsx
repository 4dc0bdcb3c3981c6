import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { Field } from '../../../components/ui/field';
import { parseMoney } from '../../../lib/format';
import { usePipelines, useStageName } from '../../../lib/queries/pipelines';
import { useCurrentUser } from '../../session/use-me';
import { useCreateDeal } from '../api/use-create-deal';
import { errorFor } from '../form-errors';
import { FormRow } from './form-row';
import { QuickAddActions, useCreateFailed } from './quick-add-actions';
import { MoneyInput, type MoneyDraft } from './money-input';
import { RecordPicker, type Picked } from './record-picker';
import { useCreatedToast } from './use-created-toast';

const fields = [
  'title',
  'value',
  'currency',
  'pipelineId',
  'stageId',
  'expectedCloseDate',
  'companyId',
  'contactIds',
];

export function QuickAddDeal({ onDone }: { onDone: () => void }) {
  const { t } = useTranslation('records');
  const me = useCurrentUser();
  const pipelines = usePipelines();
  const stageName = useStageName();
  const [title, setTitle] = useState('');
  const [money, setMoney] = useState<MoneyDraft>({
    amount: '',
    currency: me.workspace.defaultCurrency,
  });
  const [pipelineId, setPipelineId] = useState('');
  const [stageId, setStageId] = useState('');
  const [closeDate, setCloseDate] = useState('');
  const [company, setCompany] = useState<Picked | null>(null);
  const [contact, setContact] = useState<Picked | null>(null);
  const [moneyError, setMoneyError] = useState<string>();
  const create = useCreateDeal();
  const announce = useCreatedToast();
  const failed = useCreateFailed(fields);
  const error = create.error;
  const [missing, setMissing] = useState(false);

  // Until the user picks, the first pipeline and its first stage.
  const pipeline = pipelines.data?.find((p) => p.id === pipelineId) ?? pipelines.data?.[0];
  const stages = [...(pipeline?.stages ?? [])].sort((a, b) => a.position - b.position);
  const stage = stages.find((s) => s.id === stageId) ?? stages[0];

  const submit = (e: FormEvent) => {
    e.preventDefault();
    // Checked here so the message is in the user's language and no request is wasted.
    setMissing(!title.trim());
    if (!title.trim()) return;
    const value = money.amount.trim() ? parseMoney(money.amount, money.currency) : 0;
    if (value === null) return setMoneyError(t('money.invalid'));
    setMoneyError(undefined);
    if (!pipeline || !stage) return;
    create.mutate(
      {
        title,
        value,
        currency: money.currency,
        pipelineId: pipeline.id,
        stageId: stage.id,
        expectedCloseDate: closeDate || null,
        companyId: company?.id ?? null,
        contactIds: contact ? [contact.id] : [],
      },
      {
        onSuccess: (deal) => {
          announce('deal', { id: deal.id, name: deal.title });
          onDone();
        },
        onError: failed,
      },
    );
  };

  return (
    <form onSubmit={submit} noValidate className="rec-form">
      <Field
        label={t('fields.title')}
        value={title}
        onChange={(e) => setTitle(e.target.value)}
        error={missing ? t('inline.required') : errorFor(error, 'title')}
        required
        maxLength={200}
      />
      <FormRow
        label={t('fields.value')}
        error={moneyError ?? errorFor(error, 'value') ?? errorFor(error, 'currency')}
      >
        {(a11y) => <MoneyInput value={money} onChange={setMoney} a11y={a11y} />}
      </FormRow>
      <div className="rec-form-pair">
        <FormRow label={t('fields.pipeline')} error={errorFor(error, 'pipelineId')}>
          {(a11y) => (
            <select
              {...a11y}
              value={pipeline?.id ?? ''}
              onChange={(e) => {
                setPipelineId(e.target.value);
                setStageId('');
              }}
            >
              {pipelines.data?.map((p) => (
                <option key={p.id} value={p.id}>
                  {stageName(p.name)}
                </option>
              ))}
            </select>
          )}
        </FormRow>
        <FormRow label={t('fields.stage')} error={errorFor(error, 'stageId')}>
          {(a11y) => (
            <select {...a11y} value={stage?.id ?? ''} onChange={(e) => setStageId(e.target.value)}>
              {stages.map((s) => (
                <option key={s.id} value={s.id}>
                  {stageName(s.name)}
                </option>
              ))}
            </select>
          )}
        </FormRow>
      </div>
      <Field
        label={t('fields.expectedCloseDate')}
        type="date"
        value={closeDate}
        onChange={(e) => setCloseDate(e.target.value)}
        error={errorFor(error, 'expectedCloseDate')}
      />
      <FormRow label={t('fields.company')} error={errorFor(error, 'companyId')}>
        {(a11y) => (
          <RecordPicker kind="company" value={company} onChange={setCompany} a11y={a11y} />
        )}
      </FormRow>
      <FormRow label={t('fields.contact')} error={errorFor(error, 'contactIds')}>
        {(a11y) => (
          <RecordPicker kind="contact" value={contact} onChange={setContact} a11y={a11y} />
        )}
      </FormRow>
      <QuickAddActions
        onCancel={onDone}
        pending={create.isPending}
        disabled={!stage}
        submitLabel={t('quickAdd.submit.deal')}
      />
    </form>
  );
}
