import { keepPreviousData, queryOptions, useQuery } from '@tanstack/react-query';
import type { z } from 'zod';
import type { calendar } from '../../../../contracts/activities';
import { api, query } from '../../../lib/api-client';

export type CalendarActivity = z.infer<typeof calendar>['data'][number];
export type CalendarRange = { from: string; to: string };

export const fetchCalendar = (range: CalendarRange) =>
  api<z.infer<typeof calendar>>(`/calendar${query(range)}`);

export const calendarQuery = (range: CalendarRange) =>
  queryOptions({
    queryKey: ['calendar', range],
    queryFn: async () => (await fetchCalendar(range)).data,
    placeholderData: keepPreviousData,
  });

export const useCalendar = (range: CalendarRange) => useQuery(calendarQuery(range));
