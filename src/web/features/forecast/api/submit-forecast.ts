import { useMutation, useQueryClient } from '@tanstack/react-query';
import type { z } from 'zod';
import type { submissionBody } from '../../../../contracts/forecast';
import { api } from '../../../lib/api-client';
import { submissionKeys, type Submission } from './submissions';

export type SubmissionInput = z.infer<typeof submissionBody>;

export const submitForecast = (body: SubmissionInput) =>
  api<Submission>('/forecast/submissions', { method: 'POST', body });

export const useSubmitForecast = () => {
  const client = useQueryClient();
  return useMutation({
    mutationFn: submitForecast,
    onSettled: () => client.invalidateQueries({ queryKey: submissionKeys.all }),
  });
};
