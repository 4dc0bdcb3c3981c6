import { useMutation } from '@tanstack/react-query';
import type { z } from 'zod';
import type { calendarFeed } from '../../../../contracts/activities';
import { api } from '../../../lib/api-client';

export type CalendarFeed = z.infer<typeof calendarFeed>;

/** Creates the private feed link, or replaces it: the old URL stops working. */
export const createCalendarFeed = () =>
  api<CalendarFeed>('/calendar/feed', { method: 'POST', body: {} });

export const deleteCalendarFeed = () => api<void>('/calendar/feed', { method: 'DELETE' });

export const useCreateCalendarFeed = () => useMutation({ mutationFn: createCalendarFeed });
export const useDeleteCalendarFeed = () => useMutation({ mutationFn: deleteCalendarFeed });
