import { useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { useParams } from 'react-router';
import { useUsers } from '../../../lib/queries/people';
import { companyKeys, type Company } from '../api/keys';
import { useCompany } from '../api/use-company';
import { useUpdateCompany, type CompanyPatch } from '../api/use-update-company';
import '../records.css';
import { useConflictWatch } from '../use-record-save';
import { CompanyContacts } from './company-contacts';
import { selectEditor } from './editors';
import { InlineField } from './inline-field';
import { RecordHeader, TextField } from './record-header';
import { RecordLoadState } from './record-load-state';
import { RecordTimeline } from './record-timeline';
import { RelatedDeals } from './related-deals';

export function CompanyPage() {
  const { t } = useTranslation('records');
  const { id = '' } = useParams();
  const company = useCompany(id);
  if (!company.data) {
    return (
      <RecordLoadState
        error={company.error}
        notFound={t('company.notFound')}
        back={{ to: '/companies', label: t('company.backToList') }}
        retry={() => void company.refetch()}
      />
    );
  }
  return <CompanyView company={company.data} />;
}

/** Links that open outside: websites are often typed without their scheme. */
const href = (website: string) => (/^https?:\/\//i.test(website) ? website : `https://${website}`);

function CompanyView({ company }: { company: Company }) {
  const { t } = useTranslation('records');
  const client = useQueryClient();
  const users = useUsers();
  const update = useUpdateCompany(company.id);
  const conflicts = useConflictWatch();
  const save = (patch: CompanyPatch) =>
    conflicts
      .watch(update.mutateAsync({ ...patch, version: company.version }))
      .then(() => undefined);
  const empty = <span className="muted">{t('inline.empty')}</span>;
  const owner = users.data?.find((u) => u.id === company.ownerId);
  const owners = [
    { value: '', label: t('company.noOwner') },
    ...(users.data ?? [])
      .filter((u) => u.active || u.id === company.ownerId)
      .map((u) => ({ value: u.id, label: u.name })),
  ];

  return (
    <article className="rec-page">
      <RecordHeader
        kicker={t('company.kicker')}
        name={company.name}
        conflict={conflicts.conflict}
        onReload={() => {
          conflicts.clear();
          void client.invalidateQueries({ queryKey: companyKeys.one(company.id) });
        }}
        save={save}
      />
      <div className="rec-columns">
        <section className="card rec-card" aria-labelledby="company-details">
          <h2 id="company-details">{t('company.details')}</h2>
          <TextField
            field="website"
            value={company.website}
            type="url"
            display={
              company.website && (
                <a href={href(company.website)} target="_blank" rel="noreferrer">
                  {company.website}
                </a>
              )
            }
            save={save}
          />
          <TextField
            field="phone"
            value={company.phone}
            type="tel"
            display={company.phone && <a href={`tel:${company.phone}`}>{company.phone}</a>}
            save={save}
          />
          <TextField field="industry" value={company.industry} type="text" save={save} />
          <TextField field="address" value={company.address} type="text" save={save} />
          <InlineField
            label={t('fields.owner')}
            fields={['ownerId']}
            display={owner?.name ?? empty}
            start={() => company.ownerId ?? ''}
            editor={selectEditor(owners)}
            toPatch={(ownerId) => ({ ownerId: ownerId || null })}
            save={save}
          />
        </section>
        <div className="rec-side">
          <RelatedDeals relation={{ companyId: company.id }} />
          <RecordTimeline kind="companies" id={company.id} link={{ companyId: company.id }} />
          <CompanyContacts companyId={company.id} />
        </div>
      </div>
    </article>
  );
}
