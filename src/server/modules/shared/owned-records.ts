import type { Kysely } from 'kysely';
import type { DB } from '../../../db/schema.js';
import { invalid } from '../../../domain/errors.js';

export async function assertOwnerInWorkspace(
  db: Kysely<DB>,
  workspaceId: string,
  ownerId: string | null | undefined,
) {
  if (!ownerId) return;
  const row = await db
    .selectFrom('users')
    .select('id')
    .where('id', '=', ownerId)
    .where('workspace_id', '=', workspaceId)
    .executeTakeFirst();
  if (!row) throw invalid('ownerId', 'No such user in this workspace');
}
