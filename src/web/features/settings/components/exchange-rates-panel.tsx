import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { Button } from '../../../components/ui/button';
import { Field } from '../../../components/ui/field';
import { useToast } from '../../../components/ui/toast';
import { ApiError } from '../../../lib/api-client';
import { formatDate, formatNumber } from '../../../lib/format';
import { useDeleteRate, useRates, useSaveRates } from '../api/exchange-rates';
import { fieldError } from '../api-errors';
import { lineOfField, parsePastedRates } from '../lib/pasted-rates';
import { CurrencySelect } from './currency-select';
import { ErrorState, LoadingState } from './states';

const today = () => new Date().toISOString().slice(0, 10);

/** Dated rates to the workspace currency: one at a time, or pasted from a spreadsheet. */
export function ExchangeRatesPanel({ canEdit }: { canEdit: boolean }) {
  const { t, i18n } = useTranslation('settings');
  const toast = useToast();
  const rates = useRates();
  const save = useSaveRates();
  const remove = useDeleteRate();
  const [currency, setCurrency] = useState('USD');
  const [date, setDate] = useState(today);
  const [rate, setRate] = useState('');
  const [pasted, setPasted] = useState('');
  const [pasteError, setPasteError] = useState<string>();

  if (rates.isPending) return <LoadingState />;
  if (rates.isError) return <ErrorState error={rates.error} onRetry={() => void rates.refetch()} />;
  const base = rates.data.baseCurrency;

  const addOne = (e: FormEvent) => {
    e.preventDefault();
    save.mutate([{ currency, date, rate: rate.trim().replace(',', '.') }], {
      onSuccess: () => {
        setRate('');
        toast.show(t('rates.saved', { count: 1 }));
      },
    });
  };

  const addPasted = () => {
    const rows = parsePastedRates(pasted);
    if (rows.length === 0) return setPasteError(t('rates.pasteEmpty'));
    setPasteError(undefined);
    save.mutate(
      rows.map(({ currency: c, date: d, rate: r }) => ({ currency: c, date: d, rate: r })),
      {
        onSuccess: (result) => {
          setPasted('');
          toast.show(t('rates.saved', { count: result.saved }));
        },
        onError: (error) => {
          const line = lineOfField(rows, error instanceof ApiError ? error.field : undefined);
          setPasteError(
            line === null ? error.message : t('rates.lineError', { line, message: error.message }),
          );
        },
      },
    );
  };

  const oneError = save.error instanceof ApiError && !pasted ? save.error : null;
  return (
    <div className="settings-money">
      <p className="settings-intro muted">{t('rates.intro', { base })}</p>
      {canEdit && (
        <form className="settings-inline-form" onSubmit={addOne} noValidate>
          <CurrencySelect
            label={t('rates.currency')}
            value={currency}
            onChange={setCurrency}
            error={fieldError(oneError, 'rates.0.currency')}
          />
          <Field
            label={t('rates.date')}
            type="date"
            value={date}
            onChange={(e) => setDate(e.target.value)}
            error={fieldError(oneError, 'rates.0.date')}
          />
          <Field
            label={t('rates.rate', { currency, base })}
            inputMode="decimal"
            value={rate}
            onChange={(e) => setRate(e.target.value)}
            error={fieldError(oneError, 'rates.0.rate')}
          />
          <Button type="submit" variant="primary" disabled={save.isPending || !rate.trim()}>
            {t('rates.add')}
          </Button>
        </form>
      )}
      {rates.data.data.length === 0 ? (
        <p className="settings-empty muted">{t('rates.empty', { base })}</p>
      ) : (
        <div className="settings-table-wrap">
          <table className="settings-table">
            <thead>
              <tr>
                <th scope="col">{t('rates.currency')}</th>
                <th scope="col">{t('rates.from')}</th>
                <th scope="col" className="num">
                  {t('rates.perUnit', { base })}
                </th>
                {canEdit && <th scope="col" aria-label={t('actions.delete')} />}
              </tr>
            </thead>
            <tbody>
              {rates.data.data.map((r) => (
                <tr key={`${r.currency} ${r.date}`}>
                  <td>{r.currency}</td>
                  <td>{formatDate(r.date, i18n.language, 'UTC')}</td>
                  <td className="num">{formatNumber(Number(r.rate), i18n.language)}</td>
                  {canEdit && (
                    <td>
                      <Button
                        variant="ghost"
                        aria-label={t('rates.delete', { currency: r.currency, date: r.date })}
                        onClick={() => remove.mutate({ currency: r.currency, date: r.date })}
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
      {canEdit && (
        <details className="settings-paste">
          <summary>{t('rates.paste')}</summary>
          <p className="field-hint">{t('rates.pasteHint')}</p>
          <textarea
            aria-label={t('rates.paste')}
            rows={6}
            value={pasted}
            placeholder={'date,currency,rate\n2026-01-01,USD,25400\n2026-01-01,EUR,27500.5'}
            onChange={(e) => setPasted(e.target.value)}
          />
          {pasteError && (
            <p className="field-error" role="alert">
              {pasteError}
            </p>
          )}
          <Button onClick={addPasted} disabled={save.isPending || !pasted.trim()}>
            {t('rates.pasteSave')}
          </Button>
        </details>
      )}
    </div>
  );
}
