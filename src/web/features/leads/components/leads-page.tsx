import { useCallback, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useSearchParams } from 'react-router';
import { useShortcut } from '../../../app/use-shortcut';
import { Button } from '../../../components/ui/button';
import { EmptyState } from '../../../components/ui/empty-state';
import { formatDate } from '../../../lib/format';
import { useDebouncedValue } from '../../../lib/use-debounced-value';
import { useCriteria, useLeads } from '../api/leads';
import { LeadDetail } from './lead-detail';
import { NewLeadDialog } from './new-lead-dialog';
import '../leads.css';

const statuses = ['new', 'contacted', 'qualifying', 'qualified', 'disqualified'] as const;

/** /leads: the inbox on the left, the chosen lead on the right; both live in the URL. */
export function LeadsPage() {
  const { t, i18n } = useTranslation('leads');
  const [params, setParams] = useSearchParams();
  const status = params.get('status') ?? undefined;
  const selected = params.get('lead') ?? undefined;
  const [text, setText] = useState(params.get('q') ?? '');
  const q = useDebouncedValue(text.trim(), 250);
  const leads = useLeads({ status, q: q || undefined });
  const criteria = useCriteria();
  const [adding, setAdding] = useState(false);
  useShortcut(
    'l',
    useCallback(() => setAdding(true), []),
  );

  const set = (key: string, value: string | undefined) => {
    const next = new URLSearchParams(params);
    if (value) next.set(key, value);
    else next.delete(key);
    setParams(next, { replace: true });
  };

  return (
    <div className="leads-page">
      <header className="page-header leads-header">
        <h1>{t('title')}</h1>
        <input
          type="search"
          className="leads-search"
          aria-label={t('search')}
          placeholder={t('search')}
          value={text}
          onChange={(e) => setText(e.target.value)}
        />
        <Button variant="primary" onClick={() => setAdding(true)} title={t('shortcut')}>
          + {t('new')}
        </Button>
      </header>
      <nav className="leads-tabs" aria-label={t('statusLabel')}>
        {[undefined, ...statuses].map((s) => (
          <button
            key={s ?? 'all'}
            type="button"
            aria-pressed={status === s}
            className={status === s ? 'active' : undefined}
            onClick={() => set('status', s)}
          >
            {s ? t(`status.${s}`) : t('all')}
          </button>
        ))}
      </nav>
      <div className="leads-columns">
        <section className="leads-list" aria-label={t('title')}>
          {leads.isPending && <p className="muted">…</p>}
          {leads.isError && (
            <p role="alert">
              {t('loadFailed')}{' '}
              <Button variant="ghost" onClick={() => void leads.refetch()}>
                {t('retry')}
              </Button>
            </p>
          )}
          {leads.data && leads.data.data.length === 0 && (
            <EmptyState title={t('title')}>
              <p>{status || q ? t('emptyFiltered') : t('empty')}</p>
            </EmptyState>
          )}
          {leads.data && leads.data.data.length > 0 && (
            <table className="leads-table">
              <thead>
                <tr>
                  <th scope="col">{t('columns.name')}</th>
                  <th scope="col">{t('columns.company')}</th>
                  <th scope="col">{t('columns.source')}</th>
                  <th scope="col">{t('statusLabel')}</th>
                  <th scope="col">{t('columns.owner')}</th>
                  <th scope="col">{t('columns.created')}</th>
                </tr>
              </thead>
              <tbody>
                {leads.data.data.map((l) => (
                  <tr key={l.id} className={l.id === selected ? 'selected' : undefined}>
                    <td>
                      <button
                        type="button"
                        className="link-button"
                        onClick={() => set('lead', l.id)}
                      >
                        {l.name}
                      </button>
                    </td>
                    <td>{l.companyName}</td>
                    <td>{l.source}</td>
                    <td>
                      <span className={`leads-badge leads-badge-${l.status}`}>
                        {t(`status.${l.status}`)}
                      </span>
                    </td>
                    <td>{l.ownerName ?? t('unassigned')}</td>
                    <td>{formatDate(l.createdAt, i18n.language)}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          )}
        </section>
        <aside className="leads-side">
          {selected && criteria.data ? (
            <LeadDetail key={selected} id={selected} criteria={criteria.data.data} />
          ) : (
            <p className="muted leads-select">{t('select')}</p>
          )}
        </aside>
      </div>
      <NewLeadDialog
        open={adding}
        onClose={() => setAdding(false)}
        onCreated={(lead) => {
          setAdding(false);
          set('lead', lead.id);
        }}
      />
    </div>
  );
}
