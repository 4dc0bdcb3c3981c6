import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { Button } from '../../../components/ui/button';
import { useToast } from '../../../components/ui/toast';
import { useCurrentUser } from '../../session/use-me';
import { useCaptureSettings, useDisableCapture, useRotateCapture } from '../api/lead-capture';
import { useCriteria, useSaveCriteria, type Criterion } from '../api/leads';
import '../leads.css';
import { ScoringRulesForm } from './scoring-rules-form';

/** Settings → Leads: naming the criteria, which are required, and the website form. */
export function LeadsSettings() {
  const { t } = useTranslation('leads');
  const me = useCurrentUser();
  const isAdmin = me.role === 'admin';
  return (
    <section className="settings-section" aria-labelledby="settings-leads-title">
      <header className="settings-header">
        <h2 id="settings-leads-title">{t('settings.title')}</h2>
      </header>
      {!isAdmin && <p className="settings-note">{t('settings.readOnly')}</p>}
      <h3>{t('criteria')}</h3>
      <CriteriaForm canEdit={isAdmin} />
      <h3>{t('scoring.title')}</h3>
      <ScoringRulesForm canEdit={isAdmin} />
      {isAdmin && <CaptureBox />}
    </section>
  );
}

function CriteriaForm({ canEdit }: { canEdit: boolean }) {
  const { t } = useTranslation('leads');
  const toast = useToast();
  const criteria = useCriteria();
  const save = useSaveCriteria();
  const [draft, setDraft] = useState<Criterion[] | null>(null);
  if (!criteria.data) return <p className="muted">…</p>;
  const rows = draft ?? criteria.data.data;
  const change = (i: number, patch: Partial<Criterion>) =>
    setDraft(rows.map((c, j) => (i === j ? { ...c, ...patch } : c)));
  const submit = (e: FormEvent) => {
    e.preventDefault();
    save.mutate(rows, {
      onSuccess: () => {
        setDraft(null);
        toast.show(t('saved'));
      },
      onError: (error) => toast.show(error.message),
    });
  };
  return (
    <form className="card settings-form" onSubmit={submit}>
      <p className="muted">{t('settings.criteriaHint')}</p>
      {rows.map((c, i) => (
        <div key={c.key} className="leads-criterion-row">
          <input
            aria-label={t('settings.label', { key: c.key })}
            value={c.label}
            disabled={!canEdit}
            maxLength={80}
            onChange={(e) => change(i, { label: e.target.value })}
          />
          <label>
            <input
              type="checkbox"
              checked={c.required}
              disabled={!canEdit}
              onChange={(e) => change(i, { required: e.target.checked })}
            />{' '}
            {t('required')}
          </label>
        </div>
      ))}
      {canEdit && (
        <Button type="submit" variant="primary" disabled={!draft || save.isPending}>
          {t('save')}
        </Button>
      )}
    </form>
  );
}

function CaptureBox() {
  const { t } = useTranslation('leads');
  const capture = useCaptureSettings();
  const rotate = useRotateCapture();
  const disable = useDisableCapture();
  const origin = window.location.origin;
  const absolute = (url: string) => (url.startsWith('/') ? origin + url : url);
  return (
    <>
      <h3>{t('settings.capture')}</h3>
      <div className="card settings-form">
        <p className="muted">{t('settings.captureHint')}</p>
        {capture.data ? (
          <>
            <p>
              {t('settings.formUrl')}:{' '}
              <a href={absolute(capture.data.formUrl)} target="_blank" rel="noreferrer">
                {absolute(capture.data.formUrl)}
              </a>
            </p>
            <p>
              {t('settings.endpoint')}: <code>POST {absolute(capture.data.endpoint)}</code>
            </p>
            {capture.data.secret ? (
              <p role="status">
                {t('settings.secret')}: <code>{capture.data.secret}</code>
                <br />
                <span className="muted">{t('settings.secretOnce')}</span>
              </p>
            ) : (
              <p className="muted">{t('settings.secretHidden')}</p>
            )}
            <Button onClick={() => rotate.mutate()} disabled={rotate.isPending}>
              {t('settings.rotate')}
            </Button>{' '}
            <Button variant="danger" onClick={() => disable.mutate()} disabled={disable.isPending}>
              {t('settings.disable')}
            </Button>
          </>
        ) : (
          <Button variant="primary" onClick={() => rotate.mutate()} disabled={rotate.isPending}>
            {t('settings.enable')}
          </Button>
        )}
      </div>
    </>
  );
}
