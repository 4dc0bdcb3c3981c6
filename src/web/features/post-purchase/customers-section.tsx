import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { formatDate, formatMoney, formatPercent } from '../../lib/format';
import './post-purchase.css';
import { useExpansionSuggestions, useReferralCredit, useRetention } from './customers-api';

/** On the Reports page: renewals, net revenue retention, referrals and who to offer more to. */
export function CustomersSection({ from, to }: { from: string; to: string }) {
  const { t, i18n } = useTranslation('postPurchase');
  const lang = i18n.language;
  const retention = useRetention({ from, to });
  const referrals = useReferralCredit({ from, to });
  const suggestions = useExpansionSuggestions(90);
  const nrr = retention.data?.netRevenueRetention;
  const rate = (r: number | null | undefined) => (r == null ? '—' : formatPercent(r, lang));
  return (
    <section className="card reports-section" aria-labelledby="reports-customers">
      <header className="reports-section-head">
        <h2 id="reports-customers">{t('customers.title')}</h2>
      </header>
      {retention.data && nrr && (
        <dl className="pp-numbers">
          <div>
            <dt>{t('customers.renewalRate')}</dt>
            <dd>
              {rate(retention.data.renewals.rate)}{' '}
              <span className="muted">
                {t('customers.renewals', {
                  won: retention.data.renewals.won,
                  lost: retention.data.renewals.lost,
                })}
              </span>
            </dd>
          </div>
          <div>
            <dt>{t('customers.nrr')}</dt>
            <dd>
              {rate(nrr.rate)}{' '}
              <span className="muted">
                {t('customers.nrrDetail', {
                  customers: nrr.customers,
                  starting: formatMoney(nrr.starting, nrr.baseCurrency, lang),
                  ending: formatMoney(nrr.ending, nrr.baseCurrency, lang),
                })}
              </span>
              {nrr.unconverted.length > 0 && (
                <span className="muted">
                  {' '}
                  · {t('customers.unconverted', { count: nrr.unconverted.length })}
                </span>
              )}
            </dd>
          </div>
        </dl>
      )}
      <h3>{t('customers.referrals')}</h3>
      {referrals.data && referrals.data.data.length === 0 && (
        <p className="muted">{t('customers.noReferrals')}</p>
      )}
      {referrals.data && referrals.data.data.length > 0 && (
        <table className="reports-table">
          <thead>
            <tr>
              <th scope="col">{t('customers.customer')}</th>
              <th scope="col">{t('customers.referred')}</th>
              <th scope="col">{t('customers.converted')}</th>
              <th scope="col">{t('customers.won')}</th>
              <th scope="col">{t('customers.wonValue')}</th>
            </tr>
          </thead>
          <tbody>
            {referrals.data.data.map((r) => (
              <tr key={r.companyId}>
                <td>
                  <Link to={`/companies/${r.companyId}`}>{r.name}</Link>
                </td>
                <td>{r.leadsReferred}</td>
                <td>{r.leadsConverted}</td>
                <td>{r.dealsWon}</td>
                <td>
                  {Object.entries(r.wonValue)
                    .map(([currency, minor]) => formatMoney(minor, currency, lang))
                    .join(' · ') || '—'}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      <h3>{t('customers.expand')}</h3>
      {suggestions.data && suggestions.data.data.length === 0 && (
        <p className="muted">{t('customers.noSuggestions')}</p>
      )}
      {suggestions.data && suggestions.data.data.length > 0 && (
        <ul className="pp-suggestions">
          {suggestions.data.data.slice(0, 10).map((s) => (
            <li key={s.companyId}>
              <Link to={`/deals/${s.latestDealId}`}>{s.name}</Link>{' '}
              <span className="muted">
                {t('customers.since', {
                  date: formatDate(s.customerSince, lang),
                  count: s.wonDeals,
                })}
              </span>
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
