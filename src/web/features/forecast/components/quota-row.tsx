import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { Button } from '../../../components/ui/button';
import { Dialog } from '../../../components/ui/dialog';
import { ApiError } from '../../../lib/api-client';
import { formatPercent } from '../../../lib/format';
import { useDeleteQuota } from '../api/delete-quota';
import { useQuotaStatus } from '../api/quota-status';
import type { Quota } from '../api/quotas';
import { useUpdateQuota } from '../api/update-quota';
import { fieldError } from '../lib/field-error';
import { formatTarget, parseTarget } from '../lib/targets';

type Props = { quota: Quota; name: string; canEdit: boolean; currency: string };

/** One quota with its attainment; managers change its target (at its version) or delete it. */
export function QuotaRow({ quota: q, name, canEdit, currency }: Props) {
  const { t, i18n } = useTranslation('forecast');
  const lang = i18n.language;
  const status = useQuotaStatus(
    q.periodUnit,
    q.userId ? { userId: q.userId } : { teamId: q.teamId },
    q.periodStart,
  );
  const update = useUpdateQuota();
  const remove = useDeleteQuota();
  const [editing, setEditing] = useState<string | null>(null);
  const [localError, setLocalError] = useState<string>();
  const [confirming, setConfirming] = useState(false);
  const show = (v: number) => formatTarget(v, q.kind, q.currency ?? currency, lang);
  const s = status.data;

  const save = (e: FormEvent) => {
    e.preventDefault();
    const target = parseTarget(editing ?? '', q.kind, q.currency ?? currency);
    if (target === null) return setLocalError(t('quotas.targetInvalid'));
    setLocalError(undefined);
    update.mutate({ id: q.id, version: q.version, target }, { onSuccess: () => setEditing(null) });
  };
  const apiError = update.error instanceof ApiError ? update.error : null;
  const editError =
    localError ??
    (apiError?.code === 'version_conflict'
      ? t('quotas.stale')
      : (fieldError(apiError, 'target') ?? apiError?.message));
  const errorId = `quota-${q.id}-error`;
  return (
    <tr>
      <th scope="row">{name}</th>
      <td>{t(`quotas.kinds.${q.kind}`, { currency: q.currency ?? currency })}</td>
      <td>
        {editing === null ? (
          show(q.target)
        ) : (
          <form className="forecast-inline-edit" onSubmit={save} noValidate>
            <input
              aria-label={t('quotas.targetOf', { name })}
              value={editing}
              inputMode={q.kind === 'amount' ? 'decimal' : 'numeric'}
              onChange={(e) => setEditing(e.target.value)}
              aria-invalid={editError ? true : undefined}
              aria-describedby={editError ? errorId : undefined}
              autoFocus
            />
            <Button type="submit" variant="primary" disabled={update.isPending}>
              {t('quotas.save')}
            </Button>
            <Button onClick={() => setEditing(null)}>{t('quotas.cancel')}</Button>
            {editError && (
              <p id={errorId} className="field-error" role="alert">
                {editError}
              </p>
            )}
          </form>
        )}
      </td>
      <td>{s ? show(s.achieved) : '—'}</td>
      <td>{s?.attainment == null ? '—' : formatPercent(s.attainment, lang)}</td>
      {canEdit && (
        <td className="forecast-actions">
          {editing === null && (
            <Button
              variant="ghost"
              aria-label={t('quotas.edit', { name })}
              onClick={() => {
                update.reset();
                setLocalError(undefined);
                setEditing(String(q.kind === 'amount' ? show(q.target) : q.target));
              }}
            >
              {t('quotas.editShort')}
            </Button>
          )}
          <Button
            variant="ghost"
            aria-label={t('quotas.delete', { name })}
            onClick={() => setConfirming(true)}
          >
            ✕
          </Button>
          <Dialog
            open={confirming}
            title={t('quotas.deleteTitle', { name })}
            onClose={() => setConfirming(false)}
          >
            <p>{t('quotas.deleteBody', { name, target: show(q.target) })}</p>
            {remove.error && (
              <p className="field-error" role="alert">
                {remove.error.message}
              </p>
            )}
            <div className="dialog-actions">
              <Button onClick={() => setConfirming(false)}>{t('quotas.cancel')}</Button>
              <Button
                variant="danger"
                disabled={remove.isPending}
                onClick={() => remove.mutate(q.id, { onSuccess: () => setConfirming(false) })}
              >
                {t('quotas.deleteConfirm')}
              </Button>
            </div>
          </Dialog>
        </td>
      )}
    </tr>
  );
}
