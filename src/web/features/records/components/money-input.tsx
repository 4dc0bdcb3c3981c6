import { useTranslation } from 'react-i18next';
import { formatMoney, parseMoney } from '../../../lib/format';

export const currencies = ['VND', 'USD', 'EUR', 'SGD', 'JPY', 'GBP', 'AUD', 'THB'];

export type MoneyDraft = { amount: string; currency: string };

/** What the user sees in the box for an amount: major units, no grouping ("2500.5"). */
export function moneyDraft(minor: number, currency: string): MoneyDraft {
  const digits = new Intl.NumberFormat('en', { style: 'currency', currency }).resolvedOptions()
    .maximumFractionDigits;
  return { amount: String(minor / 10 ** (digits ?? 2)), currency };
}

type MoneyInputProps = {
  value: MoneyDraft;
  onChange: (value: MoneyDraft) => void;
  a11y: { id: string; 'aria-invalid'?: true | undefined; 'aria-describedby'?: string | undefined };
  currencyError?: boolean;
};

/** Amount and currency side by side, with the parsed amount echoed so typos show at once. */
export function MoneyInput({ value, onChange, a11y, currencyError }: MoneyInputProps) {
  const { t, i18n } = useTranslation('records');
  const minor = parseMoney(value.amount, value.currency);
  const choices = currencies.includes(value.currency)
    ? currencies
    : [value.currency, ...currencies];
  return (
    <div className="rec-money">
      <div className="rec-money-row">
        <input
          inputMode="decimal"
          autoComplete="off"
          value={value.amount}
          onChange={(e) => onChange({ ...value, amount: e.target.value })}
          {...a11y}
        />
        <select
          aria-label={t('fields.currency')}
          aria-invalid={currencyError ? true : undefined}
          value={value.currency}
          onChange={(e) => onChange({ ...value, currency: e.target.value })}
        >
          {choices.map((c) => (
            <option key={c}>{c}</option>
          ))}
        </select>
      </div>
      {value.amount.trim() && (
        <p className="field-hint" aria-live="polite">
          {minor === null
            ? t('money.notANumber')
            : t('money.preview', { amount: formatMoney(minor, value.currency, i18n.language) })}
        </p>
      )}
    </div>
  );
}
