import { queryOptions, useQuery } from '@tanstack/react-query';
import { api } from '../../../lib/api-client';
import { activityKeys, type TimelineEntry, type TimelineOwner } from './activity-keys';

export const fetchTimeline = async ({ kind, id }: TimelineOwner, signal?: AbortSignal) =>
  (
    await api<{ data: TimelineEntry[] }>(`/${kind}/${encodeURIComponent(id)}/timeline`, {
      signal,
    })
  ).data;

/** GET /deals|contacts|companies/:id/timeline: events and activities, newest first. */
export const timelineQuery = (owner: TimelineOwner) =>
  queryOptions({
    queryKey: activityKeys.timeline(owner),
    queryFn: ({ signal }) => fetchTimeline(owner, signal),
  });

export const useTimeline = (owner: TimelineOwner) => useQuery(timelineQuery(owner));
