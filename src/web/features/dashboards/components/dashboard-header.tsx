import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import { Button } from '../../../components/ui/button';
import { useCurrentUser } from '../../session/use-me';
import type { Dashboard } from '../api/dashboards';
import { useDeleteDashboard } from '../api/delete-dashboard';
import type { DashboardPatch } from '../api/update-dashboard';
import type { Shown } from './dashboards-page';

type Props = {
  shown: Shown;
  list: Dashboard[];
  editing: boolean;
  onEditing: (on: boolean) => void;
  onCopy: () => void;
  onNew: () => void;
  copying: boolean;
  onSave: (patch: DashboardPatch) => void;
  onAdd: () => void;
};

const DEFAULT = '';

/** The dashboard picker, its name and sharing while editing, and the page's actions. */
export function DashboardHeader({
  shown,
  list,
  editing,
  onEditing,
  onCopy,
  onNew,
  copying,
  onSave,
  onAdd,
}: Props) {
  const { t } = useTranslation('dashboards');
  const navigate = useNavigate();
  const me = useCurrentUser();
  const remove = useDeleteDashboard();
  const [name, setName] = useState(shown.name);
  const saved = shown.saved;
  const hasOwn = list.some((d) => d.ownerId === me.id);
  const commitName = () => {
    const next = name.trim();
    if (saved && next && next !== saved.name) onSave({ name: next });
    else setName(shown.name);
  };

  return (
    <header className="page-header dash-header">
      <h1>{t('title')}</h1>
      <div className="field dash-pick">
        <label htmlFor="dash-pick">{t('pick')}</label>
        <select
          id="dash-pick"
          value={saved?.id ?? DEFAULT}
          onChange={(e) => {
            onEditing(false);
            navigate(e.target.value ? `/dashboards/${e.target.value}` : '/dashboards');
          }}
        >
          {!hasOwn && <option value={DEFAULT}>{t('defaultOption')}</option>}
          {list.map((d) => (
            <option key={d.id} value={d.id}>
              {d.ownerId === me.id ? d.name : `${d.name} (${t('sharedBy', { name: d.ownerName })})`}
            </option>
          ))}
        </select>
      </div>
      {editing && saved && (
        <>
          <div className="field">
            <label htmlFor="dash-name">{t('rename')}</label>
            <input
              id="dash-name"
              value={name}
              maxLength={100}
              onChange={(e) => setName(e.target.value)}
              onBlur={commitName}
              onKeyDown={(e) => e.key === 'Enter' && commitName()}
            />
          </div>
          {saved.ownerId === me.id && (
            <label className="dash-shared">
              <input
                type="checkbox"
                checked={saved.shared}
                onChange={(e) => onSave({ shared: e.target.checked })}
              />{' '}
              {t('shared')}
            </label>
          )}
        </>
      )}
      <div className="dash-actions">
        <Button variant="ghost" onClick={onNew} disabled={copying}>
          {t('newDashboard')}
        </Button>
        {(!saved || !saved.canEdit) && (
          <Button variant="primary" onClick={onCopy} disabled={copying}>
            {t('copy')}
          </Button>
        )}
        {saved?.canEdit && editing && (
          <Button variant="secondary" onClick={onAdd}>
            {t('picker.open')}
          </Button>
        )}
        {saved?.canEdit && (
          <Button
            variant={editing ? 'primary' : 'secondary'}
            onClick={() => onEditing(!editing)}
            aria-pressed={editing}
          >
            {editing ? t('done') : t('edit')}
          </Button>
        )}
        {saved?.canEdit && editing && (
          <Button
            variant="danger"
            onClick={() => {
              if (!window.confirm(t('deleteConfirm', { name: saved.name }))) return;
              remove.mutate(saved.id, { onSuccess: () => navigate('/dashboards') });
              onEditing(false);
            }}
          >
            {t('delete')}
          </Button>
        )}
      </div>
    </header>
  );
}
