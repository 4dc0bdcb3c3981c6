import { queryOptions, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { z } from 'zod';
import type { exchangeRateList, exchangeRatesBody } from '../../../../contracts/money-settings';
import { api } from '../../../lib/api-client';

export type RateList = z.infer<typeof exchangeRateList>;
export type RateInput = z.infer<typeof exchangeRatesBody>['rates'][number];

export const ratesQuery = queryOptions({
  queryKey: ['exchange-rates'],
  queryFn: () => api<RateList>('/exchange-rates'),
});

export const useRates = () => useQuery(ratesQuery);

export const useSaveRates = () => {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (rates: RateInput[]) =>
      api<{ saved: number }>('/exchange-rates', { method: 'PUT', body: { rates } }),
    onSettled: () => client.invalidateQueries({ queryKey: ratesQuery.queryKey }),
  });
};

export const useDeleteRate = () => {
  const client = useQueryClient();
  return useMutation({
    mutationFn: ({ currency, date }: { currency: string; date: string }) =>
      api<void>(`/exchange-rates/${currency}/${date}`, { method: 'DELETE' }),
    onSettled: () => client.invalidateQueries({ queryKey: ratesQuery.queryKey }),
  });
};
