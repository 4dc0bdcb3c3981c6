import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { Button } from '../../../components/ui/button';
import { useContacts } from '../api/use-contacts';

/** The people who work at a company. */
export function CompanyContacts({ companyId }: { companyId: string }) {
  const { t } = useTranslation('records');
  const contacts = useContacts({ companyId });
  const rows = contacts.data?.pages.flatMap((p) => p.data) ?? [];

  return (
    <section className="card rec-card" aria-labelledby="company-contacts">
      <h2 id="company-contacts">{t('related.contacts')}</h2>
      {contacts.isPending && <p className="muted">{t('common:state.loading')}</p>}
      {contacts.isError && (
        <p>
          {t('related.failed')}{' '}
          <Button onClick={() => void contacts.refetch()}>{t('common:actions.retry')}</Button>
        </p>
      )}
      {contacts.isSuccess && !rows.length && <p className="muted">{t('related.noContacts')}</p>}
      <ul className="rec-related">
        {rows.map((c) => (
          <li key={c.id}>
            <Link to={`/contacts/${c.id}`}>{c.name}</Link>
            <span className="rec-related-meta muted small">
              {[c.jobTitle, c.email].filter(Boolean).join(' · ')}
            </span>
          </li>
        ))}
      </ul>
      {contacts.hasNextPage && (
        <Button
          onClick={() => void contacts.fetchNextPage()}
          disabled={contacts.isFetchingNextPage}
        >
          {t('common:actions.loadMore')}
        </Button>
      )}
    </section>
  );
}
