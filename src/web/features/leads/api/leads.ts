import {
  queryOptions,
  useMutation,
  useQuery,
  useQueryClient,
  keepPreviousData,
} from '@tanstack/react-query';
import type { z } from 'zod';
import type {
  captureSettings,
  criteriaList,
  lead,
  leadConversion,
  leadList,
} from '../../../../contracts/leads';
import { api, query } from '../../../lib/api-client';

export type Lead = z.infer<typeof lead>;
export type LeadList = z.infer<typeof leadList>;
export type Criterion = z.infer<typeof criteriaList>['data'][number];
export type Conversion = z.infer<typeof leadConversion>;
export type CaptureSettings = z.infer<typeof captureSettings>;
export type LeadFilters = { status?: string | undefined; q?: string | undefined };

export const leadKeys = { all: ['leads'] as const };

export const leadsQuery = (filters: LeadFilters) =>
  queryOptions({
    queryKey: [...leadKeys.all, 'list', filters],
    queryFn: () => api<LeadList>(`/leads${query({ ...filters, limit: '100' })}`),
    placeholderData: keepPreviousData,
  });

export const useLeads = (filters: LeadFilters) => useQuery(leadsQuery(filters));

export const useLead = (id: string | undefined) =>
  useQuery({
    queryKey: [...leadKeys.all, 'one', id],
    queryFn: () => api<Lead>(`/leads/${id ?? ''}`),
    enabled: !!id,
  });

const useInvalidate = () => {
  const client = useQueryClient();
  return () => client.invalidateQueries({ queryKey: leadKeys.all });
};

export type LeadDraft = {
  name: string;
  email?: string | null;
  phone?: string | null;
  companyName?: string | null;
  website?: string | null;
  jobTitle?: string | null;
  source?: string | null;
  referrerCompanyId?: string | null;
};

export const useCreateLead = () => {
  const invalidate = useInvalidate();
  return useMutation({
    mutationFn: (body: LeadDraft) => api<Lead>('/leads', { method: 'POST', body }),
    onSettled: invalidate,
  });
};

export type LeadPatch = Partial<LeadDraft> & {
  id: string;
  version: number;
  status?: Exclude<Lead['status'], 'qualified'>;
  disqualifyReason?: string | null;
  criteria?: Record<string, { state: 'unknown' | 'yes' | 'no'; note: string }>;
  notes?: string;
};

export const useUpdateLead = () => {
  const invalidate = useInvalidate();
  return useMutation({
    mutationFn: ({ id, ...body }: LeadPatch) =>
      api<Lead>(`/leads/${id}`, { method: 'PATCH', body }),
    onSettled: invalidate,
  });
};

export type ConvertInput = {
  id: string;
  version: number;
  pipelineId?: string;
  dealTitle?: string;
  value: number;
  currency: string;
  skipCriteria?: boolean;
};

export const useConvertLead = () => {
  const client = useQueryClient();
  return useMutation({
    mutationFn: ({ id, ...body }: ConvertInput) =>
      api<Conversion>(`/leads/${id}/convert`, { method: 'POST', body }),
    onSettled: () =>
      Promise.all([
        client.invalidateQueries({ queryKey: leadKeys.all }),
        client.invalidateQueries({ queryKey: ['deals'] }),
      ]),
  });
};

export const criteriaQuery = queryOptions({
  queryKey: ['lead-criteria'],
  queryFn: () => api<z.infer<typeof criteriaList>>('/lead-criteria'),
});
export const useCriteria = () => useQuery(criteriaQuery);

export const useSaveCriteria = () => {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (criteria: Criterion[]) =>
      api<z.infer<typeof criteriaList>>('/lead-criteria', { method: 'PUT', body: { criteria } }),
    onSuccess: (data) => client.setQueryData(criteriaQuery.queryKey, data),
  });
};
