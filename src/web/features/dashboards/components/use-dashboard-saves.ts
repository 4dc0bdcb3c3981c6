import { useCallback } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate, useSearchParams } from 'react-router';
import { useToast } from '../../../components/ui/toast';
import { ApiError } from '../../../lib/api-client';
import { useCreateDashboard } from '../api/create-dashboard';
import type { Dashboard } from '../api/dashboards';
import { useUpdateDashboard, type DashboardPatch } from '../api/update-dashboard';
import type { Shown } from './dashboards-page';

/** Saving the shown dashboard, copying it (or starting an empty one), with errors as toasts. */
export function useDashboardSaves(shown: Shown | null, own: Dashboard[], onCreated: () => void) {
  const { t } = useTranslation('dashboards');
  const toast = useToast();
  const navigate = useNavigate();
  const [params] = useSearchParams();
  const create = useCreateDashboard();
  const fail = useCallback(
    (error: Error) =>
      toast.show(
        error instanceof ApiError && error.code === 'version_conflict'
          ? t('conflict')
          : t('saveFailed', { reason: error.message }),
        'error',
      ),
    [toast, t],
  );
  const update = useUpdateDashboard(fail);
  const saved = shown?.saved ?? null;
  const save = (patch: DashboardPatch) => saved && update.save(saved, patch);

  // A copy of what is shown, or an empty dashboard with the same filters.
  const copy = (empty = false) => {
    if (!shown) return;
    // The first name the caller has not used (names are unique per owner, ignoring case).
    const taken = new Set(own.map((d) => d.name.toLowerCase()));
    const names = [
      ...(empty ? [] : [t('copyName')]),
      ...[...own, null].map((_, i) => t('newName', { n: i + 2 })),
    ];
    const name = names.find((n) => !taken.has(n.toLowerCase())) ?? t('copyName');
    create.mutate(
      { name, widgets: empty ? [] : shown.widgets, filters: shown.filters },
      {
        onSuccess: (d) => {
          onCreated();
          navigate(`/dashboards/${d.id}?${params.toString()}`);
        },
        onError: fail,
      },
    );
  };
  return { save, copy, copying: create.isPending };
}
