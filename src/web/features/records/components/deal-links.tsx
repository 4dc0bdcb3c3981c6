import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import type { Deal } from '../../../lib/queries/deal-types';
import { useContactsById } from '../api/use-contact';
import type { DealPatch } from '../api/use-update-deal';
import { ContactsEditor } from './contacts-editor';
import { InlineField } from './inline-field';
import { RecordPicker, type Picked } from './record-picker';

type DealLinksProps = { deal: Deal; save: (patch: DealPatch) => Promise<void> };

/** The deal's company and contacts, as links, each editable in place. */
export function DealLinks({ deal, save }: DealLinksProps) {
  const { t } = useTranslation('records');
  const contacts = useContactsById(deal.contactIds);
  const named: Picked[] = deal.contactIds.map((id, i) => ({
    id,
    name: contacts[i]?.data?.name ?? '…',
  }));
  const empty = <span className="muted">{t('inline.empty')}</span>;

  return (
    <section className="card rec-card" aria-labelledby="deal-links">
      <h2 id="deal-links">{t('deal.people')}</h2>
      <InlineField<Picked | null, DealPatch>
        label={t('fields.company')}
        fields={['companyId']}
        display={
          deal.companyId ? (
            <Link to={`/companies/${deal.companyId}`}>{deal.companyName}</Link>
          ) : (
            empty
          )
        }
        start={() => (deal.companyId ? { id: deal.companyId, name: deal.companyName ?? '' } : null)}
        editor={({ draft, setDraft, a11y }) => (
          <RecordPicker kind="company" value={draft} onChange={setDraft} a11y={a11y} />
        )}
        toPatch={(company) => ({ companyId: company?.id ?? null })}
        save={save}
      />
      <InlineField<Picked[], DealPatch>
        label={t('fields.contacts')}
        fields={['contactIds']}
        display={
          named.length ? (
            <ul className="rec-inline-list">
              {named.map((c, i) => (
                <li key={c.id}>
                  <Link to={`/contacts/${c.id}`}>{c.name}</Link>
                  {contacts[i]?.data?.jobTitle && (
                    <span className="muted small"> · {contacts[i]?.data?.jobTitle}</span>
                  )}
                </li>
              ))}
            </ul>
          ) : (
            empty
          )
        }
        start={() => named}
        editor={({ draft, setDraft, a11y }) => (
          <ContactsEditor value={draft} onChange={setDraft} a11y={a11y} />
        )}
        toPatch={(list) => ({ contactIds: list.map((c) => c.id) })}
        save={save}
      />
    </section>
  );
}
