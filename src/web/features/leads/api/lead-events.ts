import { useQuery } from '@tanstack/react-query';
import type { z } from 'zod';
import type { leadEvents } from '../../../../contracts/leads';
import { api } from '../../../lib/api-client';
import { leadKeys } from './leads';

export type LeadEvent = z.infer<typeof leadEvents>['data'][number];

// Under leadKeys.all, so every lead change that invalidates the lead refreshes its history too.
export const useLeadEvents = (id: string) =>
  useQuery({
    queryKey: [...leadKeys.all, 'events', id],
    queryFn: () => api<{ data: LeadEvent[] }>(`/leads/${id}/events`),
  });
