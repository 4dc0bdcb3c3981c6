import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { Field } from '../../../components/ui/field';
import { useCreateContact } from '../api/use-create-contact';
import { useDuplicates } from '../api/use-duplicates';
import { errorFor } from '../form-errors';
import { orNull } from './editors';
import { DuplicateWarning } from './duplicate-warning';
import { FormRow } from './form-row';
import { QuickAddActions, useCreateFailed } from './quick-add-actions';
import { RecordPicker, type Picked } from './record-picker';
import { useCreatedToast } from './use-created-toast';

const fields = ['name', 'email', 'phone', 'companyId'];

export function QuickAddContact({ onDone }: { onDone: () => void }) {
  const { t } = useTranslation('records');
  const [name, setName] = useState('');
  const [email, setEmail] = useState('');
  const [phone, setPhone] = useState('');
  const [company, setCompany] = useState<Picked | null>(null);
  const create = useCreateContact();
  const duplicates = useDuplicates({ email: email.trim() });
  const announce = useCreatedToast();
  const failed = useCreateFailed(fields);
  const error = create.error;
  const [missing, setMissing] = useState(false);

  const submit = (e: FormEvent) => {
    e.preventDefault();
    // Checked here so the message is in the user's language and no request is wasted.
    setMissing(!name.trim());
    if (!name.trim()) return;
    create.mutate(
      { name, email: orNull(email), phone: orNull(phone), companyId: company?.id ?? null },
      {
        onSuccess: (contact) => {
          announce('contact', contact, contact.duplicates);
          onDone();
        },
        onError: failed,
      },
    );
  };

  return (
    <form onSubmit={submit} noValidate className="rec-form">
      <Field
        label={t('fields.name')}
        value={name}
        onChange={(e) => setName(e.target.value)}
        error={missing ? t('inline.required') : errorFor(error, 'name')}
        required
        maxLength={200}
      />
      <FormRow
        label={t('fields.email')}
        error={errorFor(error, 'email')}
        below={<DuplicateWarning kind="contact" matches={duplicates?.contacts} onOpen={onDone} />}
      >
        {(a11y) => (
          <input
            {...a11y}
            type="email"
            autoComplete="off"
            value={email}
            onChange={(e) => setEmail(e.target.value)}
          />
        )}
      </FormRow>
      <Field
        label={t('fields.phone')}
        type="tel"
        value={phone}
        onChange={(e) => setPhone(e.target.value)}
        error={errorFor(error, 'phone')}
      />
      <FormRow label={t('fields.company')} error={errorFor(error, 'companyId')}>
        {(a11y) => (
          <RecordPicker kind="company" value={company} onChange={setCompany} a11y={a11y} />
        )}
      </FormRow>
      <QuickAddActions
        onCancel={onDone}
        pending={create.isPending}
        submitLabel={t('quickAdd.submit.contact')}
      />
    </form>
  );
}
