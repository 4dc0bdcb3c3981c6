import { useMutation, useQueryClient } from '@tanstack/react-query';
import { api } from '../../../lib/api-client';
import type { Activity, ActivityType } from './activity-keys';
import { invalidateActivities } from './invalidate-activities';

export type ActivityInput = {
  type: ActivityType;
  subject: string;
  body: string;
  dueAt: string | null;
  allDay: boolean;
  durationMinutes: number | null;
  dealId?: string | null;
  contactId?: string | null;
  companyId?: string | null;
};

export const createActivity = (body: ActivityInput) =>
  api<Activity>('/activities', { method: 'POST', body });

export const useCreateActivity = () => {
  const client = useQueryClient();
  return useMutation({
    mutationFn: createActivity,
    onSuccess: () => invalidateActivities(client),
  });
};
