import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import type { Contact } from '../api/keys';
import { useContacts } from '../api/use-contacts';
import { RecordList, type Column } from './record-list';

const useContactsByName = (q: string) => useContacts({ q });

export function ContactsPage() {
  const { t } = useTranslation('records');
  const columns: Column<Contact>[] = [
    { header: t('fields.name'), cell: (c) => <Link to={`/contacts/${c.id}`}>{c.name}</Link> },
    { header: t('fields.email'), cell: (c) => c.email },
    { header: t('fields.phone'), cell: (c) => c.phone },
    {
      header: t('fields.company'),
      cell: (c) => c.companyId && <Link to={`/companies/${c.companyId}`}>{c.companyName}</Link>,
    },
    { header: t('fields.jobTitle'), cell: (c) => c.jobTitle },
  ];
  return (
    <RecordList
      title={t('list.contacts')}
      searchLabel={t('list.searchContacts')}
      columns={columns}
      useList={useContactsByName}
      emptyTitle={t('list.noContacts')}
      noMatch={(q) => t('list.noContactMatch', { q })}
    />
  );
}
