import { useQueryClient } from '@tanstack/react-query';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { useParams } from 'react-router';
import { useUsers } from '../../../lib/queries/people';
import { companyKeys, type Company } from '../api/keys';
import { useCompany } from '../api/use-company';
import { useUpdateCompany, type CompanyPatch } from '../api/use-update-company';
import '../records.css';
import { useConflictWatch } from '../use-record-save';
import { CompanyContacts } from './company-contacts';
import { ConflictBanner } from './conflict-banner';
import { orNull, selectEditor, textEditor } from './editors';
import { InlineField } from './inline-field';
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
  const text = (field: 'website' | 'phone' | 'industry' | 'address', display?: ReactNode) => (
    <InlineField
      label={t(`fields.${field}`)}
      fields={[field]}
      display={(display ?? company[field]) || empty}
      start={() => company[field] ?? ''}
      editor={textEditor(field === 'phone' ? 'tel' : field === 'website' ? 'url' : 'text')}
      toPatch={(value): CompanyPatch => ({ [field]: orNull(value) })}
      save={save}
    />
  );

  return (
    <article className="rec-page">
      {conflicts.conflict && (
        <ConflictBanner
          onReload={() => {
            conflicts.clear();
            void client.invalidateQueries({ queryKey: companyKeys.one(company.id) });
          }}
        />
      )}
      <header className="rec-header">
        <div className="rec-header-main">
          <p className="rec-kicker">{t('company.kicker')}</p>
          <InlineField
            variant="title"
            label={t('fields.name')}
            fields={['name']}
            display={<h1>{company.name}</h1>}
            start={() => company.name}
            editor={textEditor('text', { maxLength: 200, className: 'rec-title-input' })}
            toPatch={(name) => (name.trim() ? { name } : t('inline.required'))}
            save={save}
          />
        </div>
      </header>
      <div className="rec-columns">
        <section className="card rec-card" aria-labelledby="company-details">
          <h2 id="company-details">{t('company.details')}</h2>
          {text(
            'website',
            company.website && (
              <a href={href(company.website)} target="_blank" rel="noreferrer">
                {company.website}
              </a>
            ),
          )}
          {text('phone', company.phone && <a href={`tel:${company.phone}`}>{company.phone}</a>)}
          {text('industry')}
          {text('address')}
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
