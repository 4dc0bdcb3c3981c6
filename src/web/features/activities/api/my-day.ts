import { queryOptions, useQuery } from '@tanstack/react-query';
import type { z } from 'zod';
import type { myDay, myDayActivity } from '../../../../contracts/attention';
import { api, query } from '../../../lib/api-client';

export type MyDay = z.infer<typeof myDay>;
export type MyDayActivity = z.infer<typeof myDayActivity>;

export const myDayKeys = { all: ['my-day'] as const };

export const fetchMyDay = (date: string | undefined) => api<MyDay>(`/my-day${query({ date })}`);

export const myDayQuery = (date: string | undefined) =>
  queryOptions({
    queryKey: [...myDayKeys.all, date ?? 'today'],
    queryFn: () => fetchMyDay(date),
  });

export const useMyDay = (date: string | undefined) => useQuery(myDayQuery(date));
