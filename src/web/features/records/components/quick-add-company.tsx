import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { Field } from '../../../components/ui/field';
import { useCreateCompany } from '../api/use-create-company';
import { useDuplicates } from '../api/use-duplicates';
import { errorFor } from '../form-errors';
import { DuplicateWarning } from './duplicate-warning';
import { orNull } from './editors';
import { FormRow } from './form-row';
import { QuickAddActions, useCreateFailed } from './quick-add-actions';
import { useCreatedToast } from './use-created-toast';

const fields = ['name', 'website', 'phone'];

export function QuickAddCompany({ onDone }: { onDone: () => void }) {
  const { t } = useTranslation('records');
  const [name, setName] = useState('');
  const [website, setWebsite] = useState('');
  const [phone, setPhone] = useState('');
  const create = useCreateCompany();
  const duplicates = useDuplicates({ name: name.trim(), website: website.trim() });
  const announce = useCreatedToast();
  const failed = useCreateFailed(fields);
  const error = create.error;
  const [missing, setMissing] = useState(false);
  const matched = (on: 'name' | 'domain') =>
    duplicates?.companies.filter((c) => c.matchedOn === on);

  const submit = (e: FormEvent) => {
    e.preventDefault();
    // Checked here so the message is in the user's language and no request is wasted.
    setMissing(!name.trim());
    if (!name.trim()) return;
    create.mutate(
      { name, website: orNull(website), phone: orNull(phone) },
      {
        onSuccess: (company) => {
          announce('company', company, company.duplicates);
          onDone();
        },
        onError: failed,
      },
    );
  };

  return (
    <form onSubmit={submit} noValidate className="rec-form">
      <FormRow
        label={t('fields.name')}
        error={missing ? t('inline.required') : errorFor(error, 'name')}
        below={<DuplicateWarning kind="company" matches={matched('name')} onOpen={onDone} />}
      >
        {(a11y) => (
          <input
            {...a11y}
            required
            maxLength={200}
            autoComplete="off"
            value={name}
            onChange={(e) => setName(e.target.value)}
          />
        )}
      </FormRow>
      <FormRow
        label={t('fields.website')}
        error={errorFor(error, 'website')}
        below={<DuplicateWarning kind="company" matches={matched('domain')} onOpen={onDone} />}
      >
        {(a11y) => (
          <input
            {...a11y}
            type="url"
            placeholder="example.com"
            autoComplete="off"
            value={website}
            onChange={(e) => setWebsite(e.target.value)}
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
      <QuickAddActions
        onCancel={onDone}
        pending={create.isPending}
        submitLabel={t('quickAdd.submit.company')}
      />
    </form>
  );
}
