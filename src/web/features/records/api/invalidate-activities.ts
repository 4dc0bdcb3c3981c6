import type { QueryClient } from '@tanstack/react-query';
import { dealKeys } from '../../../lib/queries/deal-types';
import { activityKeys } from './activity-keys';

/**
 * After an activity changes: every activity list and timeline, and every deal query (the deal's
 * next step, its timeline, and the board and table flags all come from its activities), and the
 * bell (done work stops counting).
 */
export const invalidateActivities = (client: QueryClient) =>
  Promise.all([
    client.invalidateQueries({ queryKey: activityKeys.all }),
    client.invalidateQueries({ queryKey: dealKeys.all }),
    client.invalidateQueries({ queryKey: ['notifications'] }),
  ]);
