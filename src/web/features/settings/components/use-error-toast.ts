import { useCallback } from 'react';
import { useTranslation } from 'react-i18next';
import { useToast } from '../../../components/ui/toast';
import { ApiError } from '../../../lib/api-client';
import { isStale, namesField } from '../api-errors';

/** Errors that name no field of the form go to a toast: the API's words, or ours for stale data. */
export function useErrorToast(): (error: unknown) => void {
  const { t } = useTranslation('settings');
  const toast = useToast();
  return useCallback(
    (error: unknown) => {
      const message = isStale(error)
        ? t('errors.stale')
        : error instanceof ApiError
          ? error.message
          : t('errors.network');
      toast.show(message, 'error');
    },
    [t, toast],
  );
}

/** For a form's save: errors about one of its `fields` stay beside the field, unless stale. */
export function useSaveErrorToast(fields: string[]): (error: unknown) => void {
  const showError = useErrorToast();
  return (error: unknown) => {
    if (isStale(error) || !namesField(error, fields)) showError(error);
  };
}
