import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Button } from '../../../components/ui/button';
import { useToast } from '../../../components/ui/toast';
import { ApiError } from '../../../lib/api-client';
import { useMe } from '../../session/use-me';
import { useDeleteView, useUpdateView, useViews, type SavedView } from '../api/use-views';
import { sameState, stateFromView, viewConfigOf, type DealListState } from '../model/list-params';
import type { ListStateApi } from '../use-list-state';
import { SaveViewDialog } from './save-view-dialog';
import { SelectField } from './select-field';

type Props = Pick<ListStateApi, 'applyView' | 'setViewId' | 'viewId'> & { state: DealListState };

/** Saved views: pick one to apply it, save the current list as a new one, update or delete. */
export function ViewPicker({ state, viewId, applyView, setViewId }: Props) {
  const { t } = useTranslation('deals');
  const toast = useToast();
  const me = useMe();
  const views = useViews();
  const update = useUpdateView();
  const remove = useDeleteView();
  const [saving, setSaving] = useState(false);
  const list = views.data ?? [];
  const current = list.find((v) => v.id === viewId);
  const modified = !!current && !sameState(stateFromView(current.config), state);
  const mine = list.filter((v) => v.ownerId === me.data?.id);
  const others = list.filter((v) => v.ownerId !== me.data?.id);

  const choose = (id: string) => applyView(list.find((v) => v.id === id) ?? null);

  const save = (view: SavedView) =>
    update.mutate(
      { id: view.id, version: view.version, config: viewConfigOf(state) },
      {
        onSuccess: (saved) => toast.show(t('views.updated', { name: saved.name })),
        onError: (err) =>
          toast.show(
            err instanceof ApiError && err.status === 409 ? t('views.conflict') : err.message,
            'error',
          ),
      },
    );

  const drop = (view: SavedView) => {
    if (!window.confirm(t('views.deleteConfirm', { name: view.name }))) return;
    remove.mutate(view.id, {
      onSuccess: () => {
        toast.show(t('views.deleted', { name: view.name }));
        setViewId(null);
      },
      onError: (err) => toast.show(err.message, 'error'),
    });
  };

  return (
    <div className="deals-views">
      <SelectField
        label={t('views.label')}
        className="deals-view-select"
        value={current?.id ?? ''}
        onChange={(e) => choose(e.target.value)}
        aria-describedby={modified ? 'deals-view-modified' : undefined}
      >
        <option value="">{t('views.allDeals')}</option>
        {mine.length > 0 && (
          <optgroup label={t('views.mine')}>
            {mine.map((v) => (
              <option key={v.id} value={v.id}>
                {v.shared ? t('views.sharedMark', { name: v.name }) : v.name}
              </option>
            ))}
          </optgroup>
        )}
        {others.length > 0 && (
          <optgroup label={t('views.shared')}>
            {others.map((v) => (
              <option key={v.id} value={v.id}>
                {t('views.sharedBy', { name: v.name, owner: v.ownerName })}
              </option>
            ))}
          </optgroup>
        )}
      </SelectField>
      {modified && (
        <span id="deals-view-modified" className="deals-view-modified">
          {t('views.modified')}
        </span>
      )}
      {views.isError && <span className="field-error">{t('views.loadError')}</span>}
      {current?.canEdit && modified && (
        <Button onClick={() => save(current)} disabled={update.isPending}>
          {t('views.update')}
        </Button>
      )}
      <Button onClick={() => setSaving(true)}>{t('views.save')}</Button>
      {current?.canEdit && (
        <Button variant="danger" onClick={() => drop(current)} disabled={remove.isPending}>
          {t('views.delete')}
        </Button>
      )}
      <SaveViewDialog
        open={saving}
        state={state}
        onClose={() => setSaving(false)}
        onSaved={(view) => {
          setSaving(false);
          setViewId(view.id);
        }}
      />
    </div>
  );
}
