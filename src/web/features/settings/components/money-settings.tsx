import { useTranslation } from 'react-i18next';
import { useCurrentUser } from '../../session/use-me';
import { ExchangeRatesPanel } from './exchange-rates-panel';
import { MarketingSpendPanel } from './marketing-spend-panel';
import { ReadOnlyNote } from './states';

/** Exchange rates (admins) and marketing spend (admins and managers), which reports convert with. */
export function MoneySettings() {
  const { t } = useTranslation('settings');
  const me = useCurrentUser();
  const base = me.workspace.defaultCurrency;
  return (
    <section className="settings-section" aria-labelledby="settings-money-title">
      <header className="settings-header">
        <h2 id="settings-money-title">{t('money.title')}</h2>
      </header>
      <h3>{t('rates.title')}</h3>
      {me.role !== 'admin' && <ReadOnlyNote>{t('rates.readOnly')}</ReadOnlyNote>}
      <ExchangeRatesPanel canEdit={me.role === 'admin'} />
      <h3>{t('spend.title')}</h3>
      {me.role === 'rep' && <ReadOnlyNote>{t('spend.readOnly')}</ReadOnlyNote>}
      <MarketingSpendPanel canEdit={me.role !== 'rep'} base={base} />
    </section>
  );
}
