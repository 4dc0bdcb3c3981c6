import { useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import { contactKeys, type Contact } from '../api/keys';
import { useContact } from '../api/use-contact';
import { useUpdateContact, type ContactPatch } from '../api/use-update-contact';
import '../records.css';
import { useConflictWatch } from '../use-record-save';
import { InlineField } from './inline-field';
import { RecordHeader, TextField } from './record-header';
import { RecordLoadState } from './record-load-state';
import { RecordPicker, type Picked } from './record-picker';
import { RecordTimeline } from './record-timeline';
import { RelatedDeals } from './related-deals';

export function ContactPage() {
  const { t } = useTranslation('records');
  const { id = '' } = useParams();
  const contact = useContact(id);
  if (!contact.data) {
    return (
      <RecordLoadState
        error={contact.error}
        notFound={t('contact.notFound')}
        back={{ to: '/contacts', label: t('contact.backToList') }}
        retry={() => void contact.refetch()}
      />
    );
  }
  return <ContactView contact={contact.data} />;
}

function ContactView({ contact }: { contact: Contact }) {
  const { t } = useTranslation('records');
  const client = useQueryClient();
  const update = useUpdateContact(contact.id);
  const conflicts = useConflictWatch();
  const save = (patch: ContactPatch) =>
    conflicts
      .watch(update.mutateAsync({ ...patch, version: contact.version }))
      .then(() => undefined);
  const empty = <span className="muted">{t('inline.empty')}</span>;

  return (
    <article className="rec-page">
      <RecordHeader
        kicker={t('contact.kicker')}
        name={contact.name}
        conflict={conflicts.conflict}
        onReload={() => {
          conflicts.clear();
          void client.invalidateQueries({ queryKey: contactKeys.one(contact.id) });
        }}
        save={save}
      />
      <div className="rec-columns">
        <section className="card rec-card" aria-labelledby="contact-details">
          <h2 id="contact-details">{t('contact.details')}</h2>
          <TextField
            field="email"
            value={contact.email}
            type="email"
            display={contact.email && <a href={`mailto:${contact.email}`}>{contact.email}</a>}
            save={save}
          />
          <TextField
            field="phone"
            value={contact.phone}
            type="tel"
            display={contact.phone && <a href={`tel:${contact.phone}`}>{contact.phone}</a>}
            save={save}
          />
          <TextField field="jobTitle" value={contact.jobTitle} type="text" save={save} />
          <InlineField<Picked | null, ContactPatch>
            label={t('fields.company')}
            fields={['companyId']}
            display={
              contact.companyId ? (
                <Link to={`/companies/${contact.companyId}`}>{contact.companyName}</Link>
              ) : (
                empty
              )
            }
            start={() =>
              contact.companyId ? { id: contact.companyId, name: contact.companyName ?? '' } : null
            }
            editor={({ draft, setDraft, a11y }) => (
              <RecordPicker kind="company" value={draft} onChange={setDraft} a11y={a11y} />
            )}
            toPatch={(company) => ({ companyId: company?.id ?? null })}
            save={save}
          />
        </section>
        <div className="rec-side">
          <RelatedDeals relation={{ contactId: contact.id }} />
          <RecordTimeline
            kind="contacts"
            id={contact.id}
            link={{ contactId: contact.id, companyId: contact.companyId }}
          />
        </div>
      </div>
    </article>
  );
}
