import type { Kysely } from 'kysely';
import type { DB } from '../../../db/schema.js';
import { invalid } from '../../../domain/errors.js';
import { addDays, startOfLocalDay } from '../../../domain/local-day.js';

/**
 * Local days `from`..`to` (both included) in the workspace's zone, as the UTC range
 * [start, end); `to` before `from` is a 400 naming `to`.
 */
export async function workspaceDays(
  db: Kysely<DB>,
  workspaceId: string,
  range: { from: string; to: string },
) {
  if (range.to < range.from) throw invalid('to', 'must not be before from');
  const ws = await db
    .selectFrom('workspaces')
    .select('timezone')
    .where('id', '=', workspaceId)
    .executeTakeFirstOrThrow();
  return {
    start: startOfLocalDay(range.from, ws.timezone),
    end: startOfLocalDay(addDays(range.to, 1), ws.timezone),
  };
}
