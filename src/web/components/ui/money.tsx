import { useTranslation } from 'react-i18next';
import { formatMoney } from '../../lib/format';

export function Money({
  value,
  currency,
  compact,
}: {
  value: number;
  currency: string;
  compact?: boolean;
}) {
  const { i18n } = useTranslation();
  return <span className="money">{formatMoney(value, currency, i18n.language, compact)}</span>;
}
