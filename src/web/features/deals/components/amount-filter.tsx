import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Field } from '../../../components/ui/field';
import { parseMoney } from '../../../lib/format';
import { minorToInput } from '../model/amount-input';

type Props = {
  label: string;
  minor: number | undefined;
  currency: string | undefined;
  onCommit: (minor: number | undefined) => void;
};

/** An amount typed in major units of the chosen currency, written on blur or Enter. */
export function AmountFilter({ label, minor, currency, onCommit }: Props) {
  const { t } = useTranslation('deals');
  const shown = minorToInput(minor, currency);
  const [draft, setDraft] = useState(shown);
  const [seen, setSeen] = useState(shown);
  const [error, setError] = useState<string>();
  if (shown !== seen) {
    setSeen(shown);
    setDraft(shown);
    setError(undefined);
  }
  const commit = () => {
    if (!currency) return;
    if (!draft.trim()) {
      setError(undefined);
      if (minor !== undefined) onCommit(undefined);
      return;
    }
    const parsed = parseMoney(draft, currency);
    if (parsed === null) return setError(t('filters.notANumber'));
    setError(undefined);
    if (parsed !== minor) onCommit(parsed);
  };

  return (
    <Field
      label={currency ? `${label} (${currency})` : label}
      className="deals-amount"
      inputMode="decimal"
      value={draft}
      disabled={!currency}
      error={error}
      onChange={(e) => setDraft(e.target.value)}
      onBlur={commit}
      onKeyDown={(e) => {
        if (e.key === 'Enter') commit();
      }}
    />
  );
}
