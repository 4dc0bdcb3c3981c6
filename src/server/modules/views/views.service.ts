import type { Kysely } from 'kysely';
import { viewConfig, type ViewConfig } from '../../../contracts/views.js';
import type { DB } from '../../../db/schema.js';
import { forbidden, notFound } from '../../../domain/errors.js';
import type { Actor } from '../auth/actor.js';
import { checkVersionedUpdate, duplicateOf } from '../shared/versioned-update.js';
import * as repo from './views.repository.js';

/** The owner edits their view; a shared view may also be edited by admins and managers. */
const canEdit = (view: repo.ViewRow, actor: Actor) =>
  view.owner_id === actor.id || (view.shared && actor.role !== 'rep');

const toView = (actor: Actor) => (v: repo.ViewRow) => ({
  id: v.id,
  entity: v.entity,
  name: v.name,
  // Validated when written; parsing again fills defaults added since and fixes the shape on the wire.
  config: viewConfig.parse(v.config),
  shared: v.shared,
  ownerId: v.owner_id,
  ownerName: v.owner_name,
  canEdit: canEdit(v, actor),
  version: v.version,
  createdAt: v.created_at.toISOString(),
  updatedAt: v.updated_at.toISOString(),
});

export async function listViews(db: Kysely<DB>, actor: Actor, entity: repo.ViewEntity) {
  const rows = await repo.listViews(db, actor.workspaceId, actor.id, entity);
  return rows.map(toView(actor));
}

async function loadView(db: Kysely<DB>, actor: Actor, id: string) {
  const row = await repo.findView(db, actor.workspaceId, actor.id, id);
  if (!row) throw notFound('View');
  return row;
}

export async function getView(db: Kysely<DB>, actor: Actor, id: string) {
  return toView(actor)(await loadView(db, actor, id));
}

export async function createView(
  db: Kysely<DB>,
  actor: Actor,
  input: { entity: repo.ViewEntity; name: string; config: ViewConfig; shared: boolean },
) {
  if (await repo.nameTaken(db, { ownerId: actor.id, entity: input.entity }, input.name)) {
    throw duplicateOf('A view', 'name');
  }
  const row = await db
    .insertInto('saved_views')
    .values({
      workspace_id: actor.workspaceId,
      owner_id: actor.id,
      name: input.name,
      entity: input.entity,
      config: JSON.stringify(input.config),
      shared: input.shared,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  return getView(db, actor, row.id);
}

export async function updateView(
  db: Kysely<DB>,
  actor: Actor,
  id: string,
  input: {
    version: number;
    name?: string | undefined;
    config?: ViewConfig | undefined;
    shared?: boolean | undefined;
  },
) {
  const view = await loadView(db, actor, id);
  if (!canEdit(view, actor)) throw forbidden('Only its owner may change this view');
  // Sharing decides who else sees the view, so it stays the owner's call.
  if (input.shared !== undefined && input.shared !== view.shared && view.owner_id !== actor.id) {
    throw forbidden('Only its owner may share or unshare this view');
  }
  if (
    input.name !== undefined &&
    (await repo.nameTaken(db, { ownerId: view.owner_id, entity: view.entity }, input.name, id))
  ) {
    throw duplicateOf('A view', 'name');
  }
  const updated = await db
    .updateTable('saved_views')
    .set((eb) => ({
      ...(input.name !== undefined && { name: input.name }),
      ...(input.config !== undefined && { config: JSON.stringify(input.config) }),
      ...(input.shared !== undefined && { shared: input.shared }),
      version: eb('version', '+', 1),
      updated_at: new Date(),
    }))
    .where('id', '=', id)
    .where('version', '=', input.version)
    .returning('id')
    .executeTakeFirst();
  await checkVersionedUpdate(updated, 'View', async () => view.version);
  return getView(db, actor, id);
}

export async function deleteView(db: Kysely<DB>, actor: Actor, id: string) {
  const view = await loadView(db, actor, id);
  if (!canEdit(view, actor)) throw forbidden('Only its owner may delete this view');
  await db.deleteFrom('saved_views').where('id', '=', id).execute();
}
