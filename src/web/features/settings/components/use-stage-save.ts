import { useTranslation } from 'react-i18next';
import { useToast } from '../../../components/ui/toast';
import type { Stage } from '../../../lib/queries/pipelines';
import { useUpdateStage, type StagePatch } from '../api/update-stage';
import { fieldError, isStale } from '../api-errors';
import { useErrorToast } from './use-error-toast';

export type SaveResult = { ok: true } | { ok: false; fieldError?: string };
export type SaveStage = (patch: StagePatch, field: keyof StagePatch) => Promise<SaveResult>;

/**
 * Saves one inline edit of a stage with the version the list holds. A stale version is said in
 * a toast (the list reloads, and the field keeps what was typed to save again); an error naming
 * the field comes back for the field to show; anything else goes to a toast.
 */
export function useStageSave(stage: Stage): SaveStage {
  const { t } = useTranslation('settings');
  const toast = useToast();
  const showError = useErrorToast();
  const update = useUpdateStage();
  return async (patch, field) => {
    try {
      await update.mutateAsync({ id: stage.id, version: stage.version, ...patch });
      return { ok: true };
    } catch (error) {
      if (isStale(error)) {
        toast.show(t('stages.stale'), 'error');
        return { ok: false };
      }
      const message = fieldError(error, field);
      if (message) return { ok: false, fieldError: message };
      showError(error);
      return { ok: false };
    }
  };
}
