import type { z } from 'zod';
import type { activity, activityType, timelineEntry } from '../../../../contracts/activities';

export type Activity = z.infer<typeof activity>;
export type ActivityType = z.infer<typeof activityType>;
export type TimelineEntry = z.infer<typeof timelineEntry>;

/** What a timeline belongs to; its key sits under ['deals'] for a deal, so deal changes refresh it. */
export type TimelineOwner = { kind: 'deals' | 'contacts' | 'companies'; id: string };

export const activityTypes: readonly ActivityType[] = ['call', 'meeting', 'task', 'email', 'note'];

export const activityKeys = {
  all: ['activities'] as const,
  timeline: ({ kind, id }: TimelineOwner) =>
    kind === 'deals'
      ? (['deals', 'timeline', id] as const)
      : (['activities', 'timeline', kind, id] as const),
};
