import { useTranslation } from 'react-i18next';
import { SettingsSelect, type SettingsSelectProps } from './settings-select';

// The currencies our customers use most; the workspace's own stays listed if it is another.
const common = [
  'VND',
  'USD',
  'EUR',
  'GBP',
  'JPY',
  'CNY',
  'KRW',
  'SGD',
  'THB',
  'MYR',
  'IDR',
  'PHP',
  'AUD',
  'CAD',
  'CHF',
  'HKD',
  'TWD',
  'INR',
];
type Props = Omit<SettingsSelectProps, 'children'>;

export function CurrencySelect(props: Props) {
  const { value } = props;
  const { i18n } = useTranslation();
  const names = new Intl.DisplayNames([i18n.language], { type: 'currency' });
  const codes = common.includes(value) ? common : [value, ...common];
  return (
    <SettingsSelect {...props}>
      {codes.map((code) => (
        <option key={code} value={code}>
          {code} — {names.of(code) ?? code}
        </option>
      ))}
    </SettingsSelect>
  );
}
