import { useQuery } from '@tanstack/react-query';
import type { z } from 'zod';
import type { referralCredit } from '../../../contracts/leads';
import type { expansionSuggestions, retentionReport } from '../../../contracts/post-purchase';
import { api, query } from '../../lib/api-client';

type Range = { from: string; to: string };

export const useRetention = (range: Range) =>
  useQuery({
    queryKey: ['retention', range],
    queryFn: () => api<z.infer<typeof retentionReport>>(`/retention${query(range)}`),
  });

export const useReferralCredit = (range: Range) =>
  useQuery({
    queryKey: ['referrals', range],
    queryFn: () => api<z.infer<typeof referralCredit>>(`/referrals${query(range)}`),
  });

export const useExpansionSuggestions = (days: number) =>
  useQuery({
    queryKey: ['expansion-suggestions', days],
    queryFn: () =>
      api<z.infer<typeof expansionSuggestions>>(`/expansion-suggestions${query({ days })}`),
  });
