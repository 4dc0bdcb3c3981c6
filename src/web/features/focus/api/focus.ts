import { useQuery } from '@tanstack/react-query';
import type { z } from 'zod';
import type { focusList, scoringModel } from '../../../../contracts/scoring';
import { api } from '../../../lib/api-client';

export type Focus = z.infer<typeof focusList>;
export type ScoringModel = z.infer<typeof scoringModel>;

export const useFocus = () =>
  useQuery({ queryKey: ['focus'], queryFn: () => api<Focus>('/focus?limit=25') });

export const useScoringModel = (enabled: boolean) =>
  useQuery({
    queryKey: ['scoring-model'],
    queryFn: () => api<ScoringModel>('/scoring/model'),
    enabled,
  });
