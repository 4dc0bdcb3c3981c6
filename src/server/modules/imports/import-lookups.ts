import type { Kysely } from 'kysely';
import type { DB, StageKind } from '../../../db/schema.js';
import { notFound } from '../../../domain/errors.js';
import { foldText, normaliseEmail } from '../../../domain/normalise.js';
import type { RecordLinks } from './record-links.js';

export type LookupStage = {
  id: string;
  name: string;
  kind: StageKind;
  position: number;
  probability: number;
  required_fields: string[];
};
export type LookupPipeline = { id: string; name: string; stages: LookupStage[] };

/**
 * What rows are checked against, read once per pass: the workspace's pipelines and stages, its
 * active users by email and by name, and its companies by name. Companies an import creates are
 * added after their batch commits.
 */
export type Lookups = {
  workspaceId: string;
  timeZone: string;
  defaultCurrency: string;
  pipelines: LookupPipeline[];
  usersByEmail: Map<string, string>;
  /** Folded name -> id, or null when two active users share the name. */
  usersByName: Map<string, string | null>;
  companiesByName: Map<string, string>;
  /** For activities only: what their rows link to (null where a key is ambiguous). */
  links?: ActivityLinks | undefined;
  /** For deals and contacts: companies and contacts by imported id, contacts by email and name. */
  records?: RecordLinks | undefined;
};

export type ActivityLinks = {
  /** A deal's external id from any earlier import of the workspace -> the deal. */
  dealsByExternalId: Map<string, string | null>;
  contactsByEmail: Map<string, string | null>;
};

const unique = <K>(pairs: Iterable<[K, string]>) => {
  const map = new Map<K, string | null>();
  for (const [k, id] of pairs) map.set(k, map.has(k) && map.get(k) !== id ? null : id);
  return map;
};

/** Deals by the ids they were imported with, and contacts by email; read once per pass. */
export async function loadActivityLinks(
  db: Kysely<DB>,
  workspaceId: string,
): Promise<ActivityLinks> {
  const [deals, contacts] = await Promise.all([
    db
      .selectFrom('import_records')
      .select(['external_id', 'record_id'])
      .where('workspace_id', '=', workspaceId)
      .where('entity', '=', 'deals')
      .execute(),
    db
      .selectFrom('contacts')
      .select(['id', 'email'])
      .where('workspace_id', '=', workspaceId)
      .where('email', 'is not', null)
      .execute(),
  ]);
  return {
    dealsByExternalId: unique(deals.map((d) => [d.external_id, d.record_id])),
    contactsByEmail: unique(contacts.map((c) => [c.email as string, c.id])),
  };
}

export async function loadLookups(db: Kysely<DB>, workspaceId: string): Promise<Lookups> {
  const workspace = await db
    .selectFrom('workspaces')
    .select(['timezone', 'default_currency'])
    .where('id', '=', workspaceId)
    .executeTakeFirst();
  if (!workspace) throw notFound('Workspace');
  const [pipelines, stages, users, companies] = await Promise.all([
    db
      .selectFrom('pipelines')
      .select(['id', 'name'])
      .where('workspace_id', '=', workspaceId)
      .orderBy('position')
      .execute(),
    db
      .selectFrom('stages')
      .select(['id', 'pipeline_id', 'name', 'kind', 'position', 'probability', 'required_fields'])
      .where('workspace_id', '=', workspaceId)
      .orderBy('position')
      .execute(),
    db
      .selectFrom('users')
      .select(['id', 'email', 'name'])
      .where('workspace_id', '=', workspaceId)
      .where('active', '=', true)
      .execute(),
    db
      .selectFrom('companies')
      .select(['id', 'name'])
      .where('workspace_id', '=', workspaceId)
      .orderBy('created_at')
      .execute(),
  ]);
  const usersByName = new Map<string, string | null>();
  for (const u of users) {
    const key = foldText(u.name);
    usersByName.set(key, usersByName.has(key) ? null : u.id);
  }
  const companiesByName = new Map<string, string>();
  // The oldest company wins when names repeat, so every run links to the same one.
  for (const c of companies)
    if (!companiesByName.has(foldText(c.name))) companiesByName.set(foldText(c.name), c.id);
  return {
    workspaceId,
    timeZone: workspace.timezone,
    defaultCurrency: workspace.default_currency,
    pipelines: pipelines.map((p) => ({
      ...p,
      stages: stages.filter((s) => s.pipeline_id === p.id),
    })),
    usersByEmail: new Map(users.map((u) => [u.email, u.id])),
    usersByName,
    companiesByName,
  };
}

export type OwnerMatch = { id: string } | { problem: string };

/** An owner by email, or by name when no email is given (as the deals export writes it). */
export function findOwner(lookups: Lookups, text: string): OwnerMatch {
  if (text.includes('@')) {
    const id = lookups.usersByEmail.get(normaliseEmail(text));
    return id ? { id } : { problem: `no active user has the email "${text}"` };
  }
  const id = lookups.usersByName.get(foldText(text));
  if (id) return { id };
  return {
    problem:
      id === null
        ? `several active users are called "${text}"; give the owner's email instead`
        : `no active user is called "${text}"`,
  };
}

export function findPipeline(lookups: Lookups, name: string): LookupPipeline | undefined {
  return lookups.pipelines.find((p) => foldText(p.name) === foldText(name));
}

export function findStage(pipeline: LookupPipeline, name: string): LookupStage | undefined {
  return pipeline.stages.find((s) => foldText(s.name) === foldText(name));
}
