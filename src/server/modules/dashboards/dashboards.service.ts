import type { Kysely } from 'kysely';
import {
  dashboardFilters,
  dashboardLayout,
  type DashboardFilters,
  type DashboardLayout,
} from '../../../contracts/dashboards.js';
import type { DB } from '../../../db/schema.js';
import { defaultDashboard } from '../../../domain/dashboards/default-dashboards.js';
import { forbidden, notFound } from '../../../domain/errors.js';
import type { Actor } from '../auth/actor.js';
import { checkVersionedUpdate, duplicateOf } from '../shared/versioned-update.js';
import * as repo from './dashboards.repository.js';

/** The owner edits their dashboard; an admin may edit a shared one too. */
const canEdit = (d: repo.DashboardRow, actor: Actor) =>
  d.owner_id === actor.id || (d.shared && actor.role === 'admin');

const toDashboard = (actor: Actor) => (d: repo.DashboardRow) => ({
  id: d.id,
  name: d.name,
  shared: d.shared,
  // Validated when written; parsing again fills defaults added since.
  widgets: dashboardLayout.parse(d.widgets),
  filters: dashboardFilters.parse(d.filters),
  ownerId: d.owner_id,
  ownerName: d.owner_name,
  canEdit: canEdit(d, actor),
  version: d.version,
  createdAt: d.created_at.toISOString(),
  updatedAt: d.updated_at.toISOString(),
});

export async function listDashboards(db: Kysely<DB>, actor: Actor) {
  const rows = await repo.listDashboards(db, actor.workspaceId, actor.id);
  return rows.map(toDashboard(actor));
}

/** The dashboard for someone with none of their own, by role; copied with POST to edit it. */
export const defaultFor = (actor: Actor) => defaultDashboard(actor);

// Another user's private dashboard is answered like a missing one: its existence is private too.
async function load(db: Kysely<DB>, actor: Actor, id: string) {
  const row = await repo.findDashboard(db, actor.workspaceId, actor.id, id);
  if (!row) throw notFound('Dashboard');
  return row;
}

export async function getDashboard(db: Kysely<DB>, actor: Actor, id: string) {
  return toDashboard(actor)(await load(db, actor, id));
}

type CreateInput = {
  name: string;
  shared: boolean;
  widgets: DashboardLayout;
  filters: DashboardFilters;
};

export async function createDashboard(db: Kysely<DB>, actor: Actor, input: CreateInput) {
  if (await repo.nameTaken(db, actor.id, input.name)) throw duplicateOf('A dashboard', 'name');
  const row = await db
    .insertInto('dashboards')
    .values({
      workspace_id: actor.workspaceId,
      owner_id: actor.id,
      name: input.name,
      widgets: JSON.stringify(input.widgets),
      filters: JSON.stringify(input.filters),
      shared: input.shared,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  return getDashboard(db, actor, row.id);
}

type UpdateInput = { version: number } & { [K in keyof CreateInput]?: CreateInput[K] | undefined };

export async function updateDashboard(
  db: Kysely<DB>,
  actor: Actor,
  id: string,
  input: UpdateInput,
) {
  const current = await load(db, actor, id);
  if (!canEdit(current, actor)) throw forbidden('Only its owner may change this dashboard');
  // Sharing decides who else sees it, so it stays the owner's call.
  if (
    input.shared !== undefined &&
    input.shared !== current.shared &&
    current.owner_id !== actor.id
  ) {
    throw forbidden('Only its owner may share or unshare this dashboard');
  }
  if (input.name !== undefined && (await repo.nameTaken(db, current.owner_id, input.name, id))) {
    throw duplicateOf('A dashboard', 'name');
  }
  const updated = await db
    .updateTable('dashboards')
    .set((eb) => ({
      ...(input.name !== undefined && { name: input.name }),
      ...(input.widgets !== undefined && { widgets: JSON.stringify(input.widgets) }),
      ...(input.filters !== undefined && { filters: JSON.stringify(input.filters) }),
      ...(input.shared !== undefined && { shared: input.shared }),
      version: eb('version', '+', 1),
      updated_at: new Date(),
    }))
    .where('id', '=', id)
    .where('version', '=', input.version)
    .returning('id')
    .executeTakeFirst();
  await checkVersionedUpdate(updated, 'Dashboard', async () => current.version);
  return getDashboard(db, actor, id);
}

export async function deleteDashboard(db: Kysely<DB>, actor: Actor, id: string) {
  const current = await load(db, actor, id);
  if (!canEdit(current, actor)) throw forbidden('Only its owner may delete this dashboard');
  await db.deleteFrom('dashboards').where('id', '=', id).execute();
}
