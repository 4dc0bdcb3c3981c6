import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { Button } from '../../../components/ui/button';
import { useToast } from '../../../components/ui/toast';
import { ApiError } from '../../../lib/api-client';
import { formatDate } from '../../../lib/format';
import { useLead, useUpdateLead, type Criterion, type Lead } from '../api/leads';
import { ConvertDialog } from './convert-dialog';
import { CriteriaEditor } from './criteria-editor';
import { LeadHistory } from './lead-history';

const editableStatuses = ['new', 'contacted', 'qualifying', 'disqualified'] as const;

/** One lead: how to reach them, where they stand on each criterion, and the way to a deal. */
export function LeadDetail({ id, criteria }: { id: string; criteria: Criterion[] }) {
  const { t, i18n } = useTranslation('leads');
  const toast = useToast();
  const lead = useLead(id);
  const update = useUpdateLead();
  const [converting, setConverting] = useState(false);
  if (lead.isPending) return <p className="muted">…</p>;
  if (lead.isError) return <p role="alert">{t('loadFailed')}</p>;
  const l: Lead = lead.data;
  const converted = l.convertedAt !== null;

  const patch = (changes: Omit<Parameters<typeof update.mutate>[0], 'id' | 'version'>) =>
    update.mutate(
      { id: l.id, version: l.version, ...changes },
      {
        onSuccess: () => toast.show(t('saved')),
        onError: (error) => toast.show(error instanceof ApiError ? error.message : String(error)),
      },
    );

  return (
    <article className="card leads-detail" aria-labelledby="lead-name">
      <header className="leads-detail-header">
        <h2 id="lead-name">{l.name}</h2>
        {converted ? (
          l.convertedDealId && (
            <Link className="btn btn-primary" to={`/deals/${l.convertedDealId}`}>
              {t('openDeal')}
            </Link>
          )
        ) : (
          <Button variant="primary" onClick={() => setConverting(true)}>
            {t('convert')}
          </Button>
        )}
      </header>
      <dl className="leads-facts">
        {(['email', 'phone', 'companyName', 'jobTitle', 'website', 'source'] as const).map((f) =>
          l[f] ? (
            <div key={f}>
              <dt>{t(`fields.${f}`)}</dt>
              <dd>{f === 'email' ? <a href={`mailto:${l.email}`}>{l.email}</a> : l[f]}</dd>
            </div>
          ) : null,
        )}
        {l.referrerCompanyId && (
          <div>
            <dt>{t('referredBy')}</dt>
            <dd>
              <Link to={`/companies/${l.referrerCompanyId}`}>{l.referrerCompanyName}</Link>
            </dd>
          </div>
        )}
      </dl>
      {converted && l.convertedAt && (
        <p className="muted">
          {t('convertedOn', { date: formatDate(l.convertedAt, i18n.language) })}
        </p>
      )}
      <div className="field">
        <label htmlFor="lead-status">{t('statusLabel')}</label>
        <select
          id="lead-status"
          value={l.status}
          disabled={converted || update.isPending}
          onChange={(e) => patch({ status: e.target.value as (typeof editableStatuses)[number] })}
        >
          {(converted ? (['qualified'] as const) : editableStatuses).map((s) => (
            <option key={s} value={s}>
              {t(`status.${s}`)}
            </option>
          ))}
        </select>
      </div>
      {l.status === 'disqualified' && (
        <div className="field">
          <label htmlFor="lead-reason">{t('disqualifyReason')}</label>
          <input
            id="lead-reason"
            defaultValue={l.disqualifyReason ?? ''}
            maxLength={300}
            onBlur={(e) => {
              if (e.target.value !== (l.disqualifyReason ?? ''))
                patch({ disqualifyReason: e.target.value || null });
            }}
          />
        </div>
      )}
      <h3>{t('criteria')}</h3>
      <CriteriaEditor
        key={l.version}
        criteria={criteria}
        values={l.criteria}
        disabled={converted || update.isPending}
        onChange={(key, value) => patch({ criteria: { [key]: value } })}
      />
      <div className="field">
        <label htmlFor="lead-notes">{t('notes')}</label>
        <textarea
          id="lead-notes"
          key={l.version}
          rows={5}
          defaultValue={l.notes}
          disabled={converted}
          onBlur={(e) => {
            if (e.target.value !== l.notes) patch({ notes: e.target.value });
          }}
        />
      </div>
      <LeadHistory id={l.id} />
      {converting && (
        <ConvertDialog
          lead={l}
          criteria={criteria}
          open={converting}
          onClose={() => setConverting(false)}
        />
      )}
    </article>
  );
}
