// Quotas: managers and admins set them per person or team and period; everyone reads the ones
// they may see. A team without its own quota rolls its members' up (see quota-status.service.ts).
import type { Kysely } from 'kysely';
import type { DB, QuotaUnit } from '../../../db/schema.js';
import { conflict, invalid, notFound, versionConflict } from '../../../domain/errors.js';
import { scopeOf } from '../access/visibility.js';
import type { Actor } from '../auth/actor.js';
import { moneyContext, periodStarting } from './forecast-context.js';
import { assertCanRead, assertCanSet, ledTeams, subjectOf, type Subject } from './quota-access.js';

type QuotaRow = {
  id: string;
  user_id: string | null;
  team_id: string | null;
  period_unit: QuotaUnit;
  period_start: string;
  kind: 'amount' | 'count';
  target: number;
  currency: string | null;
  version: number;
};

const columns = [
  'id',
  'user_id',
  'team_id',
  'period_unit',
  'period_start',
  'kind',
  'target',
  'currency',
  'version',
] as const;

export const toQuota = (r: QuotaRow) => ({
  id: r.id,
  userId: r.user_id,
  teamId: r.team_id,
  periodUnit: r.period_unit,
  periodStart: r.period_start,
  kind: r.kind,
  target: r.target,
  currency: r.currency?.trim() ?? null,
  version: r.version,
});

export type QuotaInput = {
  userId?: string | undefined;
  teamId?: string | undefined;
  periodUnit: QuotaUnit;
  periodStart: string;
  kind: 'amount' | 'count';
  target: number;
};

export async function createQuota(db: Kysely<DB>, actor: Actor, input: QuotaInput) {
  const subject = subjectOf(input);
  if (!subject) throw invalid('userId', 'give either userId or teamId');
  await assertCanSet(db, actor, subject);
  const money = await moneyContext(db, actor.workspaceId);
  periodStarting(input.periodUnit, input.periodStart, money.timeZone);
  const existing = await findQuota(
    db,
    actor.workspaceId,
    subject,
    input.periodUnit,
    input.periodStart,
  );
  if (existing)
    throw conflict('A quota for this period exists already; change it instead', 'periodStart');
  const row = await db
    .insertInto('quotas')
    .values({
      workspace_id: actor.workspaceId,
      user_id: subject.userId,
      team_id: subject.teamId,
      period_unit: input.periodUnit,
      period_start: input.periodStart,
      kind: input.kind,
      target: input.target,
      currency: input.kind === 'amount' ? money.currency : null,
      updated_by: actor.id,
    })
    .returning(columns)
    .executeTakeFirstOrThrow();
  return toQuota(row);
}

export function findQuota(
  db: Kysely<DB>,
  workspaceId: string,
  s: Subject,
  unit: QuotaUnit,
  start: string,
) {
  return db
    .selectFrom('quotas')
    .select(columns)
    .where('workspace_id', '=', workspaceId)
    .where('period_unit', '=', unit)
    .where('period_start', '=', start)
    .where(s.userId ? 'user_id' : 'team_id', '=', (s.userId ?? s.teamId) as string)
    .executeTakeFirst();
}

async function quotaById(db: Kysely<DB>, actor: Actor, id: string) {
  const row = await db
    .selectFrom('quotas')
    .select(columns)
    .where('workspace_id', '=', actor.workspaceId)
    .where('id', '=', id)
    .executeTakeFirst();
  if (!row) throw notFound('Quota');
  return row;
}

const subjectOfRow = (r: QuotaRow) =>
  subjectOf({ userId: r.user_id ?? undefined, teamId: r.team_id ?? undefined }) as Subject;

export async function updateQuota(
  db: Kysely<DB>,
  actor: Actor,
  id: string,
  input: { version: number; target: number },
) {
  const row = await quotaById(db, actor, id);
  await assertCanSet(db, actor, subjectOfRow(row));
  const updated = await db
    .updateTable('quotas')
    .set({
      target: input.target,
      version: row.version + 1,
      updated_by: actor.id,
      updated_at: new Date(),
    })
    .where('id', '=', id)
    .where('version', '=', input.version)
    .returning(columns)
    .executeTakeFirst();
  if (!updated) throw versionConflict('Quota', row.version);
  return toQuota(updated);
}

export async function deleteQuota(db: Kysely<DB>, actor: Actor, id: string) {
  const row = await quotaById(db, actor, id);
  await assertCanSet(db, actor, subjectOfRow(row));
  await db.deleteFrom('quotas').where('id', '=', id).execute();
}

export type QuotaFilters = {
  userId?: string | undefined;
  teamId?: string | undefined;
  periodUnit?: QuotaUnit | undefined;
  periodStart?: string | undefined;
};

/** The quotas the actor may read, narrowed by the filters. */
export async function listQuotas(db: Kysely<DB>, actor: Actor, f: QuotaFilters) {
  const subject = subjectOf(f);
  if (subject) await assertCanRead(db, actor, subject);
  const scope = await scopeOf(db, actor);
  const owners = actor.role === 'rep' ? [actor.id] : scope.owners;
  const teams =
    actor.role === 'admin' ? null : actor.role === 'rep' ? [] : await readableTeams(db, actor);
  const rows = await db
    .selectFrom('quotas')
    .select(columns)
    .where('workspace_id', '=', actor.workspaceId)
    .$if(f.userId !== undefined, (q) => q.where('user_id', '=', f.userId as string))
    .$if(f.teamId !== undefined, (q) => q.where('team_id', '=', f.teamId as string))
    .$if(f.periodUnit !== undefined, (q) => q.where('period_unit', '=', f.periodUnit as QuotaUnit))
    .$if(f.periodStart !== undefined, (q) => q.where('period_start', '=', f.periodStart as string))
    .where((eb) =>
      eb.or([
        owners === null
          ? eb('user_id', 'is not', null)
          : eb('user_id', 'in', [...owners, actor.id]),
        teams === null
          ? eb('team_id', 'is not', null)
          : eb(
              'team_id',
              'in',
              teams.length > 0 ? teams : ['00000000-0000-0000-0000-000000000000'],
            ),
      ]),
    )
    .orderBy('period_start')
    .orderBy('id')
    .execute();
  return { data: rows.map(toQuota) };
}

async function readableTeams(db: Kysely<DB>, actor: Actor) {
  const member = await db
    .selectFrom('team_members')
    .select('team_id')
    .where('user_id', '=', actor.id)
    .execute();
  return [...new Set([...member.map((m) => m.team_id), ...(await ledTeams(db, actor))])];
}
