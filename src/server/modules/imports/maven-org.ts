import { randomUUID } from 'node:crypto';
import type { Kysely } from 'kysely';
import type { DB } from '../../../db/schema.js';
import { foldText } from '../../../domain/normalise.js';
import type { PipelineTemplate } from '../../../domain/pipeline-templates.js';
import { insertPipelineFromTemplate } from '../workspaces/workspace-setup.js';
import { existingIds, insertBatch, insertRecords } from './import-records.repository.js';

export const MAVEN_SOURCE = 'maven-crm';

/** The data set's four stages (Prospecting > Engaging > Won / Lost) as a pipeline of their own. */
export const mavenPipeline: PipelineTemplate = {
  key: 'maven-crm',
  name: 'Maven CRM',
  stages: [
    { name: 'Prospecting', probability: 10, rottingDays: 14, kind: 'open' },
    { name: 'Engaging', probability: 40, rottingDays: 30, kind: 'open' },
    { name: 'Won', probability: 100, rottingDays: null, kind: 'won' },
    { name: 'Lost', probability: 0, rottingDays: null, kind: 'lost' },
  ],
};

/** One row of sales_teams.csv. */
export type SalesTeamRow = { agent: string; manager: string; office: string };

const slug = (name: string) =>
  foldText(name)
    .replace(/[^a-z0-9]+/g, '.')
    .replace(/^\.|\.$/g, '');

/**
 * Agents become reps, managers become managers leading a team per manager and office, and the
 * pipeline is added if missing; all in one transaction, and again on a re-run without duplicates
 * (people are found by name through their import records). The people get no password: they are
 * history, and an admin invites whoever should log in. Emails use the reserved .invalid domain.
 */
export async function importMavenOrg(
  db: Kysely<DB>,
  workspaceId: string,
  actorId: string,
  teams: SalesTeamRow[],
) {
  return db.transaction().execute(async (trx) => {
    const hasPipeline = await trx
      .selectFrom('pipelines')
      .select('id')
      .where('workspace_id', '=', workspaceId)
      .where('name', '=', mavenPipeline.name)
      .executeTakeFirst();
    if (!hasPipeline) {
      const last = await trx
        .selectFrom('pipelines')
        .select((eb) => eb.fn.max('position').as('p'))
        .where('workspace_id', '=', workspaceId)
        .executeTakeFirst();
      await insertPipelineFromTemplate(trx, workspaceId, mavenPipeline, (last?.p ?? -1) + 1);
    }
    const people = new Map<string, 'rep' | 'manager'>();
    for (const t of teams) {
      people.set(t.manager, 'manager');
      if (!people.has(t.agent)) people.set(t.agent, 'rep');
    }
    const key = { workspaceId, entity: 'users' as const, source: MAVEN_SOURCE };
    const known = await existingIds(trx, key, [...people.keys()]);
    const fresh = [...people].filter(([name]) => !known.has(name));
    const ids = new Map(known);
    if (fresh.length) {
      const batchId = randomUUID();
      await insertBatch(trx, {
        id: batchId,
        workspaceId,
        entity: 'users',
        source: MAVEN_SOURCE,
        fileName: 'sales_teams.csv',
        firstRow: 2,
        lastRow: teams.length + 1,
        createdCount: fresh.length,
        importedBy: actorId,
      });
      const users = [];
      for (const [name, role] of fresh) {
        const id = randomUUID();
        ids.set(name, id);
        users.push({
          id,
          workspace_id: workspaceId,
          name,
          role,
          email: await freeEmail(trx, slug(name), workspaceId),
          password_hash: null,
        });
      }
      await trx.insertInto('users').values(users).execute();
      await insertRecords(
        trx,
        { id: batchId, workspaceId, source: MAVEN_SOURCE },
        users.map((u) => ({ entity: 'users', externalId: u.name, recordId: u.id })),
      );
    }
    for (const t of teams) {
      const name = `${t.office}: ${t.manager}`;
      await trx
        .insertInto('teams')
        .values({ workspace_id: workspaceId, name, manager_id: ids.get(t.manager) ?? null })
        .onConflict((oc) => oc.columns(['workspace_id', 'name']).doNothing())
        .execute();
      const team = await trx
        .selectFrom('teams')
        .select('id')
        .where('workspace_id', '=', workspaceId)
        .where('name', '=', name)
        .executeTakeFirstOrThrow();
      await trx
        .insertInto('team_members')
        .values({ team_id: team.id, user_id: ids.get(t.agent) as string })
        .onConflict((oc) => oc.doNothing())
        .execute();
    }
    return { usersCreated: fresh.length, people: people.size };
  });
}

/** Emails are unique across workspaces: a second workspace importing the set gets a suffix. */
async function freeEmail(db: Kysely<DB>, local: string, workspaceId: string) {
  const plain = `${local}@maven-crm.invalid`;
  const taken = await db
    .selectFrom('users')
    .select('id')
    .where('email', '=', plain)
    .executeTakeFirst();
  return taken ? `${local}.${workspaceId.slice(0, 8)}@maven-crm.invalid` : plain;
}
