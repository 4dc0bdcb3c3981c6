import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { Button } from '../../../components/ui/button';
import { Field } from '../../../components/ui/field';
import { useToast } from '../../../components/ui/toast';
import { ApiError } from '../../../lib/api-client';
import { formatMoney, parseMoney } from '../../../lib/format';
import { useDeleteSpend, useSaveSpend, useSpend } from '../api/marketing-spend';
import { fieldError } from '../api-errors';
import { CurrencySelect } from './currency-select';
import { ErrorState, LoadingState } from './states';

const thisMonth = () => new Date().toISOString().slice(0, 7);

const monthLabel = (month: string, lang: string) =>
  new Intl.DateTimeFormat(lang, { month: 'short', year: 'numeric', timeZone: 'UTC' }).format(
    new Date(`${month}-01T00:00:00Z`),
  );

/** What each lead channel cost per month, for cost per deal and return on spend. */
export function MarketingSpendPanel({ canEdit, base }: { canEdit: boolean; base: string }) {
  const { t, i18n } = useTranslation('settings');
  const toast = useToast();
  const spend = useSpend();
  const save = useSaveSpend();
  const remove = useDeleteSpend();
  const [channel, setChannel] = useState('');
  const [month, setMonth] = useState(thisMonth);
  const [amount, setAmount] = useState('');
  const [currency, setCurrency] = useState(base);
  const [amountError, setAmountError] = useState<string>();

  if (spend.isPending) return <LoadingState />;
  if (spend.isError) return <ErrorState error={spend.error} onRetry={() => void spend.refetch()} />;
  const channels = [...new Set(spend.data.data.map((s) => s.channel))];

  const submit = (e: FormEvent) => {
    e.preventDefault();
    const minor = parseMoney(amount, currency);
    if (minor === null) return setAmountError(t('spend.amountInvalid'));
    setAmountError(undefined);
    save.mutate([{ channel: channel.trim(), month, amount: minor, currency }], {
      onSuccess: () => {
        setAmount('');
        toast.show(t('spend.saved'));
      },
    });
  };
  const error = save.error instanceof ApiError ? save.error : null;

  return (
    <div className="settings-money">
      <p className="settings-intro muted">{t('spend.intro')}</p>
      {canEdit && (
        <form className="settings-inline-form" onSubmit={submit} noValidate>
          <Field
            label={t('spend.channel')}
            value={channel}
            list="settings-spend-channels"
            onChange={(e) => setChannel(e.target.value)}
            error={fieldError(error, 'entries.0.channel')}
            maxLength={80}
          />
          <datalist id="settings-spend-channels">
            {channels.map((c) => (
              <option key={c} value={c} />
            ))}
          </datalist>
          <Field
            label={t('spend.month')}
            type="month"
            value={month}
            onChange={(e) => setMonth(e.target.value)}
            error={fieldError(error, 'entries.0.month')}
          />
          <Field
            label={t('spend.amount')}
            inputMode="decimal"
            value={amount}
            onChange={(e) => setAmount(e.target.value)}
            error={amountError ?? fieldError(error, 'entries.0.amount')}
          />
          <CurrencySelect label={t('spend.currency')} value={currency} onChange={setCurrency} />
          <Button
            type="submit"
            variant="primary"
            disabled={save.isPending || !channel.trim() || !amount.trim()}
          >
            {t('spend.add')}
          </Button>
        </form>
      )}
      {spend.data.data.length === 0 ? (
        <p className="settings-empty muted">{t('spend.empty')}</p>
      ) : (
        <div className="settings-table-wrap">
          <table className="settings-table">
            <thead>
              <tr>
                <th scope="col">{t('spend.month')}</th>
                <th scope="col">{t('spend.channel')}</th>
                <th scope="col" className="num">
                  {t('spend.amount')}
                </th>
                {canEdit && <th scope="col" aria-label={t('actions.delete')} />}
              </tr>
            </thead>
            <tbody>
              {spend.data.data.map((s) => (
                <tr key={`${s.month} ${s.channel}`}>
                  <td>{monthLabel(s.month, i18n.language)}</td>
                  <td>{s.channel}</td>
                  <td className="num">{formatMoney(s.amount, s.currency, i18n.language)}</td>
                  {canEdit && (
                    <td>
                      <Button
                        variant="ghost"
                        aria-label={t('spend.delete', { channel: s.channel, month: s.month })}
                        onClick={() => remove.mutate({ month: s.month, channel: s.channel })}
                      >
                        ✕
                      </Button>
                    </td>
                  )}
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </div>
  );
}
