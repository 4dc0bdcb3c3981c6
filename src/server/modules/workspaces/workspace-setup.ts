import type { Kysely, Transaction } from 'kysely';
import type { DB, Role } from '../../../db/schema.js';
import { DomainError } from '../../../domain/errors.js';
import { normaliseEmail } from '../../../domain/normalise.js';
import { defaultPipelines, type PipelineTemplate } from '../../../domain/pipeline-templates.js';
import { hashPassword } from '../../../domain/secrets.js';

export type NewUser = {
  email: string;
  name: string;
  role: Role;
  password: string | null;
  locale?: 'en' | 'vi';
  timezone?: string | null;
};

/** Inserts a user; a taken email is a 409 naming the field. Hashes the password first. */
export async function insertUser(db: Kysely<DB>, workspaceId: string, user: NewUser) {
  const email = normaliseEmail(user.email);
  const taken = await db
    .selectFrom('users')
    .select('id')
    .where('email', '=', email)
    .executeTakeFirst();
  if (taken) throw new DomainError('duplicate', 'A user with this email already exists', 'email');
  const passwordHash = user.password ? await hashPassword(user.password) : null;
  return db
    .insertInto('users')
    .values({
      workspace_id: workspaceId,
      email,
      name: user.name,
      role: user.role,
      password_hash: passwordHash,
      locale: user.locale ?? 'en',
      timezone: user.timezone ?? null,
    })
    .returning(['id', 'workspace_id', 'email', 'name', 'role'])
    .executeTakeFirstOrThrow();
}

export async function insertPipelineFromTemplate(
  trx: Kysely<DB>,
  workspaceId: string,
  template: PipelineTemplate,
  position: number,
  name = template.name,
  afterTheWin = false,
) {
  const pipeline = await trx
    .insertInto('pipelines')
    .values({
      workspace_id: workspaceId,
      name,
      position,
      is_post_purchase: afterTheWin,
    })
    .returning(['id'])
    .executeTakeFirstOrThrow();
  await trx
    .insertInto('stages')
    .values(
      template.stages.map((s, i) => ({
        workspace_id: workspaceId,
        pipeline_id: pipeline.id,
        name: s.name,
        position: i,
        probability: s.probability,
        rotting_days: s.rottingDays,
        kind: s.kind,
        required_fields: s.requiredFields ?? [],
        close_date_push_limit: s.closeDatePushLimit ?? null,
      })),
    )
    .execute();
  return pipeline;
}

export type WorkspaceSetup = {
  name: string;
  admin: NewUser;
  timezone?: string;
  defaultCurrency?: string;
  isDemo?: boolean;
};

/** A new workspace with its first admin and the default pipelines, in one transaction. */
export async function createWorkspace(db: Kysely<DB>, setup: WorkspaceSetup) {
  return db.transaction().execute((trx: Transaction<DB>) => setupWorkspace(trx, setup));
}

/** The same inside a caller's transaction (the demo seed makes everything one transaction). */
export async function setupWorkspace(trx: Kysely<DB>, setup: WorkspaceSetup) {
  const workspace = await trx
    .insertInto('workspaces')
    .values({
      name: setup.name,
      timezone: setup.timezone ?? 'Asia/Ho_Chi_Minh',
      default_currency: setup.defaultCurrency ?? 'USD',
      is_demo: setup.isDemo ?? false,
    })
    .returning(['id', 'name'])
    .executeTakeFirstOrThrow();
  const admin = await insertUser(trx, workspace.id, { ...setup.admin, role: 'admin' });
  for (const [i, template] of defaultPipelines.entries()) {
    const afterTheWin = template.key === 'post-purchase';
    await insertPipelineFromTemplate(trx, workspace.id, template, i, template.name, afterTheWin);
  }
  return { workspace, admin };
}
