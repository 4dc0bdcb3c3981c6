import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { Button } from '../../../components/ui/button';
import { Dialog } from '../../../components/ui/dialog';
import { Field } from '../../../components/ui/field';
import { useToast } from '../../../components/ui/toast';
import { ApiError } from '../../../lib/api-client';
import { useDebouncedValue } from '../../../lib/use-debounced-value';
import { useCompanies } from '../../records/api/use-companies';
import { useCreateLead, type Lead, type LeadDraft } from '../api/leads';

// Channel names are data shared with marketing spend, so they stay as entered (in English here).
export const SOURCES = ['Web form', 'Referral', 'Event', 'Outbound', 'LinkedIn', 'Ads', 'Partner'];

const fields = ['name', 'email', 'phone', 'companyName', 'website', 'jobTitle', 'source'] as const;

type Props = { open: boolean; onClose: () => void; onCreated: (lead: Lead) => void };

export function NewLeadDialog({ open, onClose, onCreated }: Props) {
  const { t } = useTranslation('leads');
  const toast = useToast();
  const create = useCreateLead();
  const [draft, setDraft] = useState<Record<(typeof fields)[number], string>>({
    name: '',
    email: '',
    phone: '',
    companyName: '',
    website: '',
    jobTitle: '',
    source: '',
  });
  const [nameError, setNameError] = useState<string>();
  const [referrer, setReferrer] = useState('');
  const [referrerError, setReferrerError] = useState<string>();
  const companies = useCompanies(useDebouncedValue(referrer.trim(), 250));
  const companyOptions = companies.data?.pages.flatMap((p) => p.data) ?? [];
  const error = create.error instanceof ApiError ? create.error : null;

  const submit = (e: FormEvent) => {
    e.preventDefault();
    if (!draft.name.trim()) return setNameError(t('nameRequired'));
    setNameError(undefined);
    const body: LeadDraft = { name: draft.name.trim() };
    for (const f of fields) if (f !== 'name' && draft[f].trim()) body[f] = draft[f].trim();
    if (referrer.trim()) {
      const match = companyOptions.find(
        (c) => c.name.toLowerCase() === referrer.trim().toLowerCase(),
      );
      if (!match) return setReferrerError(t('referrerPick'));
      body.referrerCompanyId = match.id;
    }
    setReferrerError(undefined);
    create.mutate(body, {
      onSuccess: (lead) => {
        toast.show(t('created'));
        setDraft({
          name: '',
          email: '',
          phone: '',
          companyName: '',
          website: '',
          jobTitle: '',
          source: '',
        });
        onCreated(lead);
      },
    });
  };

  return (
    <Dialog open={open} title={t('new')} onClose={onClose}>
      <form onSubmit={submit} noValidate className="leads-form">
        {fields.map((f) => (
          <Field
            key={f}
            label={t(`fields.${f}`)}
            value={draft[f]}
            type={f === 'email' ? 'email' : 'text'}
            list={f === 'source' ? 'leads-sources' : undefined}
            autoFocus={f === 'name'}
            onChange={(e) => setDraft({ ...draft, [f]: e.target.value })}
            error={f === 'name' ? (nameError ?? fieldErr(error, f)) : fieldErr(error, f)}
          />
        ))}
        <Field
          label={t('referrer')}
          value={referrer}
          list="leads-referrers"
          onChange={(e) => setReferrer(e.target.value)}
          error={referrerError ?? fieldErr(error, 'referrerCompanyId')}
        />
        <datalist id="leads-referrers">
          {companyOptions.map((c) => (
            <option key={c.id} value={c.name} />
          ))}
        </datalist>
        <datalist id="leads-sources">
          {SOURCES.map((s) => (
            <option key={s} value={s} />
          ))}
        </datalist>
        {error && !fields.includes(error.field as (typeof fields)[number]) && (
          <p className="field-error" role="alert">
            {error.message}
          </p>
        )}
        <div className="dialog-actions">
          <Button onClick={onClose}>{t('cancel')}</Button>
          <Button type="submit" variant="primary" disabled={create.isPending}>
            {t('create')}
          </Button>
        </div>
      </form>
    </Dialog>
  );
}

const fieldErr = (error: ApiError | null, field: string) =>
  error?.field === field ? error.message : undefined;
