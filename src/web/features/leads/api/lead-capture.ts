import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api, ApiError } from '../../../lib/api-client';
import type { CaptureSettings } from './leads';

const key = ['lead-capture'];

/** The capture URLs, or null while capture is off (the API answers 404). */
export const useCaptureSettings = () =>
  useQuery({
    queryKey: key,
    queryFn: async () => {
      try {
        return await api<CaptureSettings>('/lead-capture');
      } catch (error) {
        if (error instanceof ApiError && error.status === 404) return null;
        throw error;
      }
    },
  });

export const useRotateCapture = () => {
  const client = useQueryClient();
  return useMutation({
    mutationFn: () => api<CaptureSettings>('/lead-capture', { method: 'POST' }),
    // Keep the secret from this answer: the next read no longer shows it.
    onSuccess: (data) => client.setQueryData(key, data),
  });
};

export const useDisableCapture = () => {
  const client = useQueryClient();
  return useMutation({
    mutationFn: () => api<void>('/lead-capture', { method: 'DELETE' }),
    onSuccess: () => client.setQueryData(key, null),
  });
};
