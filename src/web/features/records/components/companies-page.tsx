import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import type { Company } from '../api/keys';
import { useCompanies } from '../api/use-companies';
import { RecordList, type Column } from './record-list';

export function CompaniesPage() {
  const { t } = useTranslation('records');
  const columns: Column<Company>[] = [
    { header: t('fields.name'), cell: (c) => <Link to={`/companies/${c.id}`}>{c.name}</Link> },
    { header: t('fields.website'), cell: (c) => c.domain ?? c.website },
    { header: t('fields.phone'), cell: (c) => c.phone },
    { header: t('fields.industry'), cell: (c) => c.industry },
  ];
  return (
    <RecordList
      title={t('list.companies')}
      searchLabel={t('list.searchCompanies')}
      columns={columns}
      useList={useCompanies}
      emptyTitle={t('list.noCompanies')}
      noMatch={(q) => t('list.noCompanyMatch', { q })}
    />
  );
}
