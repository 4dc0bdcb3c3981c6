import { sql, type Kysely } from 'kysely';
import type { DB } from '../../../db/schema.js';
import { DomainError, forbidden, notFound } from '../../../domain/errors.js';
import {
  domainOf,
  normaliseEmail,
  normalisePhone,
  searchDocument,
} from '../../../domain/normalise.js';
import { newSecret, secretHash } from '../../../domain/secrets.js';
import type { Actor } from '../auth/actor.js';
import { insertLeadEvent } from './leads.repository.js';

// Leads from a website: a public form (its id in the URL, protected by a rate limit and a
// honeypot) and a JSON endpoint that also needs the secret key. Only the key's hash is kept.

/** At most this many submissions per sender address, and per workspace, in the window. */
export const CAPTURE_LIMITS = { perAddress: 10, perWorkspace: 300, windowMinutes: 10 };

export async function captureSettingsOf(db: Kysely<DB>, actor: Actor) {
  if (actor.role !== 'admin') throw forbidden('Only admins manage lead capture');
  const row = await db
    .selectFrom('lead_capture')
    .select('form_id')
    .where('workspace_id', '=', actor.workspaceId)
    .executeTakeFirst();
  if (!row) throw notFound('Lead capture');
  return { formId: row.form_id, secret: null };
}

/** Turns capture on, or rotates its form id and key (the old ones stop working at once). */
export async function rotateCapture(db: Kysely<DB>, actor: Actor) {
  if (actor.role !== 'admin') throw forbidden('Only admins manage lead capture');
  const formId = newSecret('f_').slice(0, 26);
  const secret = newSecret('lc_');
  await db
    .insertInto('lead_capture')
    .values({
      workspace_id: actor.workspaceId,
      form_id: formId,
      secret_hash: secretHash(secret),
      owner_id: null,
    })
    .onConflict((oc) =>
      oc.column('workspace_id').doUpdateSet({
        form_id: formId,
        secret_hash: secretHash(secret),
      }),
    )
    .execute();
  return { formId, secret };
}

export async function disableCapture(db: Kysely<DB>, actor: Actor) {
  if (actor.role !== 'admin') throw forbidden('Only admins manage lead capture');
  await db.deleteFrom('lead_capture').where('workspace_id', '=', actor.workspaceId).execute();
}

/** The workspace behind a form id (and, for the JSON endpoint, its secret); else a 404. */
export async function captureTarget(db: Kysely<DB>, formId: string, secret?: string) {
  const row = await db
    .selectFrom('lead_capture')
    .select(['workspace_id', 'owner_id', 'secret_hash'])
    .where('form_id', '=', formId)
    .executeTakeFirst();
  if (!row) throw notFound('Lead capture');
  if (secret !== undefined && secretHash(secret) !== row.secret_hash)
    throw new DomainError('unauthenticated', 'The capture key is wrong or was rotated');
  return { workspaceId: row.workspace_id, ownerId: row.owner_id };
}

/** Counts this submission against the limits; a 429 once a sender or the workspace floods. */
export async function throttle(db: Kysely<DB>, workspaceId: string, address: string) {
  const since = sql<Date>`now() - make_interval(mins => ${CAPTURE_LIMITS.windowMinutes})`;
  const counts = await db
    .selectFrom('capture_hits')
    .select((eb) => [
      eb.fn.countAll<number>().as('all'),
      eb.fn.count<number>(sql`case when address = ${address} then 1 end`).as('mine'),
    ])
    .where('workspace_id', '=', workspaceId)
    .where('at', '>', since)
    .executeTakeFirstOrThrow();
  if (
    Number(counts.mine) >= CAPTURE_LIMITS.perAddress ||
    Number(counts.all) >= CAPTURE_LIMITS.perWorkspace
  ) {
    throw new DomainError(
      'rate_limited',
      'Too many submissions; try again in a few minutes',
      undefined,
      {
        retryAfterSeconds: CAPTURE_LIMITS.windowMinutes * 60,
      },
    );
  }
  await db.insertInto('capture_hits').values({ workspace_id: workspaceId, address }).execute();
  await db
    .deleteFrom('capture_hits')
    .where('workspace_id', '=', workspaceId)
    .where('at', '<', sql<Date>`now() - interval '1 day'`)
    .execute();
}

export type Submission = {
  name: string;
  email?: string | undefined;
  phone?: string | undefined;
  company?: string | undefined;
  website?: string | undefined;
  jobTitle?: string | undefined;
  message?: string | undefined;
  source?: string | undefined;
  url?: string | undefined;
};

export type CaptureOutcome = 'created' | 'merged-lead' | 'merged-contact' | 'ignored';

/**
 * Takes one submission: bots that fill the honeypot are thanked and ignored; a sender already
 * known as an open lead or a contact is merged into it (a note, missing fields filled) instead
 * of making a duplicate. All in one transaction.
 */
export async function captureLead(
  db: Kysely<DB>,
  target: { workspaceId: string; ownerId: string | null },
  input: Submission,
): Promise<CaptureOutcome> {
  if (input.url) return 'ignored';
  const email = input.email ? normaliseEmail(input.email) : null;
  const phone = input.phone ? normalisePhone(input.phone) : null;
  const note = [
    `Web form${input.source ? ` (${input.source})` : ''}: ${new Date().toISOString()}`,
    input.message ?? '',
  ]
    .filter(Boolean)
    .join('\n');
  return db.transaction().execute(async (trx) => {
    if (email) {
      const lead = await trx
        .selectFrom('leads')
        .select(['id', 'notes', 'phone', 'company_name', 'job_title', 'website'])
        .where('workspace_id', '=', target.workspaceId)
        .where('email', '=', email)
        .where('converted_at', 'is', null)
        .orderBy('created_at', 'desc')
        .forUpdate()
        .executeTakeFirst();
      if (lead) {
        await trx
          .updateTable('leads')
          .set((eb) => ({
            notes: lead.notes ? `${lead.notes}\n\n${note}` : note,
            phone: lead.phone ?? phone,
            company_name: lead.company_name ?? input.company ?? null,
            job_title: lead.job_title ?? input.jobTitle ?? null,
            website: lead.website ?? input.website ?? null,
            version: eb('version', '+', 1),
            updated_at: new Date(),
          }))
          .where('id', '=', lead.id)
          .execute();
        await insertLeadEvent(trx, {
          workspaceId: target.workspaceId,
          leadId: lead.id,
          type: 'merged',
          data: { via: 'capture', message: input.message ?? null },
          actorId: null,
        });
        return 'merged-lead';
      }
      const contact = await trx
        .selectFrom('contacts')
        .select(['id', 'owner_id', 'company_id'])
        .where('workspace_id', '=', target.workspaceId)
        .where('email', '=', email)
        .executeTakeFirst();
      const noteOwner =
        contact?.owner_id ?? target.ownerId ?? (await firstAdmin(trx, target.workspaceId));
      if (contact && noteOwner) {
        await trx
          .insertInto('activities')
          .values({
            workspace_id: target.workspaceId,
            type: 'note',
            subject: `Web form: ${input.name}`,
            body: note,
            owner_id: noteOwner,
            done: true,
            done_at: new Date(),
            contact_id: contact.id,
            company_id: contact.company_id,
          })
          .execute();
        return 'merged-contact';
      }
    }
    const row = await trx
      .insertInto('leads')
      .values({
        workspace_id: target.workspaceId,
        name: input.name,
        email,
        phone,
        company_name: input.company ?? null,
        website: input.website ?? null,
        domain: input.website ? domainOf(input.website) : null,
        job_title: input.jobTitle ?? null,
        source: input.source ?? 'Web form',
        owner_id: target.ownerId,
        notes: note,
        created_via: 'capture',
        search_document: searchDocument(input.name, email, input.company),
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    await insertLeadEvent(trx, {
      workspaceId: target.workspaceId,
      leadId: row.id,
      type: 'created',
      to: 'new',
      data: { via: 'capture' },
      actorId: null,
    });
    return 'created';
  });
}

async function firstAdmin(db: Kysely<DB>, workspaceId: string) {
  const row = await db
    .selectFrom('users')
    .select('id')
    .where('workspace_id', '=', workspaceId)
    .where('role', '=', 'admin')
    .where('active', '=', true)
    .orderBy('created_at')
    .executeTakeFirst();
  return row?.id ?? null;
}
