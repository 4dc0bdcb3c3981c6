import { queryOptions, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { z } from 'zod';
import type { notificationCount, notificationList } from '../../../../contracts/notifications';
import { api } from '../../../lib/api-client';

export type NotificationList = z.infer<typeof notificationList>;
export type Notification = NotificationList['data'][number];

export const notificationKeys = { all: ['notifications'] as const };

// The server is the only source: every app process sees the same rows, so polling is enough.
export const notificationCountQuery = queryOptions({
  queryKey: [...notificationKeys.all, 'count'],
  queryFn: () => api<z.infer<typeof notificationCount>>('/notifications/count'),
  refetchInterval: 30_000,
  refetchOnWindowFocus: true,
});

export const notificationListQuery = queryOptions({
  queryKey: [...notificationKeys.all, 'list'],
  queryFn: () => api<NotificationList>('/notifications?limit=30'),
});

export const useNotificationCount = () => useQuery(notificationCountQuery);
export const useNotifications = (enabled: boolean) =>
  useQuery({ ...notificationListQuery, enabled });

/** Marks the given notifications read, or all of them when no ids are given. */
export const useMarkRead = () => {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (ids?: string[]) =>
      api<{ marked: number }>('/notifications/read', { method: 'POST', body: ids ? { ids } : {} }),
    onSettled: () => client.invalidateQueries({ queryKey: notificationKeys.all }),
  });
};
