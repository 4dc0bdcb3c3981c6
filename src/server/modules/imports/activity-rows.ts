import { randomUUID } from 'node:crypto';
import { sql } from 'kysely';
import type { ActivityType } from '../../../db/schema.js';
import { parseInstant, type Parsed } from '../../../domain/import-values.js';
import { foldText, normaliseEmail } from '../../../domain/normalise.js';
import type { CheckContext } from './deal-rows.js';
import { findOwner } from './import-lookups.js';
import type { RowCheck } from './row-check.js';
import type { Keyed, WriteContext, WriteResult } from './write-context.js';

export type ActivityPlan = {
  type: ActivityType;
  subject: string;
  body: string;
  dueAt: Date | null;
  durationMinutes: number | null;
  done: boolean;
  doneAt: Date | null;
  ownerId: string | null;
  dealId: string | null;
  contactId: string | null;
  companyId: string | null;
};

const TYPES: readonly ActivityType[] = ['call', 'meeting', 'task', 'email', 'note'];
const YES = new Set(['yes', 'y', 'true', '1', 'x', 'done', 'completed', 'co']);
const NO = new Set(['no', 'n', 'false', '0', 'open', 'not done', 'khong']);

function parseYesNo(text: string): Parsed<boolean> {
  const key = foldText(text);
  if (YES.has(key)) return { ok: true, value: true };
  if (NO.has(key)) return { ok: true, value: false };
  return { ok: false, message: `"${text}" is not yes or no` };
}

function parseMinutes(text: string): Parsed<number> {
  const n = /^\d{1,4}$/.test(text) ? Number(text) : NaN;
  return n > 0
    ? { ok: true, value: n }
    : { ok: false, message: `"${text}" is not a whole number of minutes` };
}

/**
 * Checks one activity row. Links: `deal` is the id a deal was imported with (from any file),
 * `contact` an email, `company` a name; each must exist. As in the app, notes and emails are done
 * unless the row says otherwise, and only meetings have a duration.
 */
export function checkActivityRow(c: RowCheck, ctx: CheckContext): ActivityPlan | null {
  const links = ctx.lookups.links;
  const subject = c.required('subject');
  const typeText = c.text('type').toLowerCase();
  const type = (typeText || 'task') as ActivityType;
  if (!TYPES.includes(type))
    c.fail('type', `"${c.text('type')}" is not an activity type (${TYPES.join(', ')})`);
  const instant = (t: string) => parseInstant(t, ctx.lookups.timeZone);
  const dueAt = c.parse('dueAt', instant);
  const doneAt = c.parse('doneAt', instant);
  const durationMinutes = c.parse('durationMinutes', parseMinutes);
  if (durationMinutes !== null && type !== 'meeting')
    c.fail('durationMinutes', 'is set, but only meetings have a duration');
  const done =
    c.parse('done', parseYesNo) ?? (doneAt !== null || type === 'note' || type === 'email');
  if (doneAt && !done) c.fail('doneAt', 'is set, but the activity is not done');
  if (doneAt && doneAt.getTime() > ctx.now.getTime() + 60_000) c.fail('doneAt', 'is in the future');
  let ownerId: string | null = null;
  if (c.text('owner')) {
    const owner = findOwner(ctx.lookups, c.text('owner'));
    if ('problem' in owner) c.fail('owner', owner.problem);
    else ownerId = owner.id;
  }
  const link = (
    field: 'deal' | 'contact',
    map: Map<string, string | null> | undefined,
    key: string,
    what: string,
  ) => {
    if (!key) return null;
    const id = map?.get(key);
    if (id) return id;
    return c.fail(
      field,
      id === null
        ? `"${c.text(field)}" matches several ${what}s`
        : `no ${what} "${c.text(field)}" in this workspace${field === 'deal' ? ' (deals are found by the id they were imported with)' : ''}`,
    );
  };
  const dealId = link('deal', links?.dealsByExternalId, c.text('deal'), 'deal');
  const contactId = link(
    'contact',
    links?.contactsByEmail,
    c.text('contact') ? normaliseEmail(c.text('contact')) : '',
    'contact',
  );
  const companyId = c.text('company')
    ? (ctx.lookups.companiesByName.get(foldText(c.text('company'))) ??
      c.fail('company', `no company "${c.text('company')}" in this workspace`))
    : null;
  if (!c.ok || !subject) return null;
  return {
    type,
    subject,
    body: c.text('body'),
    dueAt,
    durationMinutes,
    done,
    // Done without a time: when it was due, or (for a note logged now) when the import runs.
    doneAt: done ? (doneAt ?? dueAt ?? ctx.now) : null,
    ownerId,
    dealId,
    contactId,
    companyId,
  };
}

/** Inserts the batch's activities; done ones count as the last activity on their deals. */
export async function writeActivities(
  ctx: WriteContext,
  rows: Keyed<ActivityPlan>[],
): Promise<WriteResult> {
  const values = rows.map(({ plan }) => ({
    id: randomUUID(),
    workspace_id: ctx.workspaceId,
    type: plan.type,
    subject: plan.subject,
    body: plan.body,
    due_at: plan.dueAt,
    duration_minutes: plan.durationMinutes,
    owner_id: plan.ownerId ?? ctx.actorId,
    done: plan.done,
    done_at: plan.doneAt,
    deal_id: plan.dealId,
    contact_id: plan.contactId,
    company_id: plan.companyId,
    created_by: ctx.actorId,
  }));
  for (let i = 0; i < values.length; i += 1000)
    await ctx.trx
      .insertInto('activities')
      .values(values.slice(i, i + 1000))
      .execute();
  const latest = new Map<string, Date>();
  for (const v of values)
    if (v.deal_id && v.done_at && !(v.done_at <= (latest.get(v.deal_id) ?? new Date(0))))
      latest.set(v.deal_id, v.done_at);
  for (const [dealId, at] of latest)
    await ctx.trx
      .updateTable('deals')
      .set({ last_activity_at: sql`greatest(last_activity_at, cast(${at} as timestamptz))` })
      .where('id', '=', dealId)
      .execute();
  return {
    records: rows.map((r, i) => ({
      entity: 'activities' as const,
      externalId: r.externalId,
      recordId: values[i]!.id,
    })),
    newCompanies: new Map(),
  };
}
