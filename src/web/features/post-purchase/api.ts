import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { z } from 'zod';
import type { contract, dealLinks, onboardingResult } from '../../../contracts/post-purchase';
import { api, ApiError } from '../../lib/api-client';

export type Contract = z.infer<typeof contract>;
export type DealLinks = z.infer<typeof dealLinks>;

const keys = {
  contract: (id: string) => ['deals', id, 'contract'] as const,
  links: (id: string) => ['deals', id, 'links'] as const,
};

/** The won deal's contract, or null before one is recorded (the API answers 404). */
export const useContract = (dealId: string, enabled: boolean) =>
  useQuery({
    queryKey: keys.contract(dealId),
    enabled,
    queryFn: async () => {
      try {
        return await api<Contract>(`/deals/${dealId}/contract`);
      } catch (error) {
        if (error instanceof ApiError && error.status === 404) return null;
        throw error;
      }
    },
  });

export const useDealLinks = (dealId: string) =>
  useQuery({
    queryKey: keys.links(dealId),
    queryFn: () => api<DealLinks>(`/deals/${dealId}/links`),
  });

export type ContractInput = {
  startsOn: string;
  endsOn: string;
  recurringValue: number | null;
  recurringPeriod: 'month' | 'year' | null;
};

export const useSaveContract = (dealId: string) => {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (body: ContractInput) =>
      api<Contract>(`/deals/${dealId}/contract`, { method: 'PUT', body }),
    onSuccess: (data) => client.setQueryData(keys.contract(dealId), data),
  });
};

export const useStartOnboarding = (dealId: string) => {
  const client = useQueryClient();
  return useMutation({
    mutationFn: () =>
      api<z.infer<typeof onboardingResult>>(`/deals/${dealId}/onboarding`, { method: 'POST' }),
    onSettled: () => client.invalidateQueries({ queryKey: ['deals'] }),
  });
};

export const useCreateExpansion = (dealId: string) => {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (body: { title: string; value: number }) =>
      api<{ id: string }>(`/deals/${dealId}/expansion`, { method: 'POST', body }),
    onSettled: () => client.invalidateQueries({ queryKey: ['deals'] }),
  });
};
