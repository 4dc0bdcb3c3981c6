import type { Kysely } from 'kysely';
import type { DB } from '../db/schema.js';
import { normaliseEmail } from '../domain/normalise.js';
import { UsageError } from './context.js';

/** The workspace an import goes into (--workspace, or the only one) and the admin it acts as. */
export async function importTarget(db: Kysely<DB>, workspace?: string, as?: string) {
  const workspaces = await db
    .selectFrom('workspaces')
    .select(['id', 'name'])
    .orderBy('created_at')
    .execute();
  const match = workspace
    ? workspaces.filter((w) => w.id === workspace || w.name === workspace)
    : workspaces;
  if (match.length !== 1) {
    const names = workspaces.map((w) => `  ${w.id}  ${w.name}`).join('\n');
    if (!workspaces.length)
      throw new UsageError('there is no workspace yet; create one with `pipewright user create`');
    throw new UsageError(
      workspace
        ? `--workspace: no single workspace matches "${workspace}":\n${names}`
        : `--workspace is needed; there are several:\n${names}`,
    );
  }
  const target = match[0]!;
  const admin = await db
    .selectFrom('users')
    .select(['id', 'email'])
    .where('workspace_id', '=', target.id)
    .where('role', '=', 'admin')
    .where('active', '=', true)
    .$if(!!as, (q) => q.where('email', '=', normaliseEmail(as as string)))
    .orderBy('created_at')
    .executeTakeFirst();
  if (!admin)
    throw new UsageError(
      as
        ? `--as: ${as} is not an active admin of "${target.name}"`
        : `"${target.name}" has no active admin to import as`,
    );
  return { workspaceId: target.id, workspaceName: target.name, actorId: admin.id };
}
