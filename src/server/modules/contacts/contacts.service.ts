import { sql, type Kysely } from 'kysely';
import type { DB } from '../../../db/schema.js';
import { forbidden, invalid, notFound } from '../../../domain/errors.js';
import {
  normaliseEmail,
  normalisePhone,
  prefixTsQuery,
  searchDocument,
} from '../../../domain/normalise.js';
import { scopeOf, type Scope } from '../access/visibility.js';
import type { Actor } from '../auth/actor.js';
import { afterKey, decodeCursor, pageOf, type CursorKey } from '../shared/cursor.js';
import { assertOwnerInWorkspace } from '../shared/owned-records.js';
import { checkVersionedUpdate } from '../shared/versioned-update.js';

function visibleContacts(db: Kysely<DB>, scope: Scope) {
  return db
    .selectFrom('contacts')
    .leftJoin('companies', 'companies.id', 'contacts.company_id')
    .selectAll('contacts')
    .select('companies.name as company_name')
    .where('contacts.workspace_id', '=', scope.workspaceId)
    .$if(scope.owners !== null, (q) =>
      q.where((eb) =>
        eb.or([
          eb('contacts.owner_id', 'is', null),
          eb('contacts.owner_id', 'in', scope.owners as string[]),
        ]),
      ),
    );
}

type ContactView = Awaited<
  ReturnType<ReturnType<typeof visibleContacts>['executeTakeFirstOrThrow']>
>;

const toContact = (c: ContactView) => ({
  id: c.id,
  name: c.name,
  email: c.email,
  phone: c.phone,
  jobTitle: c.job_title,
  companyId: c.company_id,
  companyName: c.company_name,
  ownerId: c.owner_id,
  version: c.version,
  createdAt: c.created_at.toISOString(),
  updatedAt: c.updated_at.toISOString(),
});

export async function getContact(db: Kysely<DB>, scope: Scope, id: string) {
  const row = await visibleContacts(db, scope).where('contacts.id', '=', id).executeTakeFirst();
  if (!row) throw notFound('Contact');
  return toContact(row);
}

const sorts = {
  name: {
    expr: sql`lower(contacts.name) collate "C"`,
    cast: 'text',
    value: (c: ContactView) => c.name.toLowerCase(),
  },
  createdAt: {
    expr: sql`contacts.created_at`,
    cast: 'timestamptz',
    value: (c: ContactView) => c.created_at.toISOString(),
  },
  updatedAt: {
    expr: sql`contacts.updated_at`,
    cast: 'timestamptz',
    value: (c: ContactView) => c.updated_at.toISOString(),
  },
};

export async function listContacts(
  db: Kysely<DB>,
  actor: Actor,
  input: {
    limit: number;
    cursor?: string | undefined;
    q?: string | undefined;
    ownerId?: string | undefined;
    companyId?: string | undefined;
    email?: string | undefined;
    sort: keyof typeof sorts;
    order: 'asc' | 'desc';
  },
) {
  const scope = await scopeOf(db, actor);
  const sort = sorts[input.sort];
  const after = decodeCursor(input.cursor);
  const ts = input.q ? prefixTsQuery(input.q) : null;
  const rows = await visibleContacts(db, scope)
    .$if(!!input.ownerId, (q) => q.where('contacts.owner_id', '=', input.ownerId as string))
    .$if(!!input.companyId, (q) => q.where('contacts.company_id', '=', input.companyId as string))
    .$if(!!input.email, (q) =>
      q.where('contacts.email', '=', normaliseEmail(input.email as string)),
    )
    .$if(ts !== null, (q) => q.where(sql<boolean>`contacts.search @@ to_tsquery('simple', ${ts})`))
    .$if(after !== null, (q) =>
      q.where(afterKey(sort, input.order, after as CursorKey, 'contacts.id')),
    )
    .orderBy(sort.expr, input.order)
    .orderBy('contacts.id', input.order)
    .limit(input.limit + 1)
    .execute();
  const page = pageOf(rows, input.limit, (c) => ({ v: sort.value(c), id: c.id }));
  return { data: page.data.map(toContact), nextCursor: page.nextCursor };
}

/** Contacts with the same (normalised) email. */
export async function findContactDuplicates(
  db: Kysely<DB>,
  workspaceId: string,
  email: string | null,
  exceptId?: string,
) {
  if (!email) return [];
  const rows = await db
    .selectFrom('contacts')
    .select(['id', 'name'])
    .where('workspace_id', '=', workspaceId)
    .where('email', '=', email)
    .$if(!!exceptId, (q) => q.where('id', '!=', exceptId as string))
    .limit(20)
    .execute();
  return rows.map((r) => ({ id: r.id, name: r.name, matchedOn: 'email' as const }));
}

type ContactInput = {
  name?: string | undefined;
  email?: string | null | undefined;
  phone?: string | null | undefined;
  jobTitle?: string | null | undefined;
  companyId?: string | null | undefined;
  ownerId?: string | null | undefined;
};

async function validate(db: Kysely<DB>, scope: Scope, input: ContactInput) {
  await assertOwnerInWorkspace(db, scope.workspaceId, input.ownerId);
  if (input.companyId) {
    const company = await db
      .selectFrom('companies')
      .select('id')
      .where('id', '=', input.companyId)
      .where('workspace_id', '=', scope.workspaceId)
      .executeTakeFirst();
    if (!company) throw invalid('companyId', 'No such company in this workspace');
  }
}

function normalised(input: ContactInput) {
  return {
    ...(input.name !== undefined && { name: input.name }),
    ...(input.email !== undefined && { email: input.email ? normaliseEmail(input.email) : null }),
    ...(input.phone !== undefined && { phone: input.phone ? normalisePhone(input.phone) : null }),
    ...(input.jobTitle !== undefined && { job_title: input.jobTitle || null }),
    ...(input.companyId !== undefined && { company_id: input.companyId }),
    ...(input.ownerId !== undefined && { owner_id: input.ownerId }),
  };
}

export async function createContact(
  db: Kysely<DB>,
  actor: Actor,
  input: ContactInput & { name: string },
) {
  const scope = await scopeOf(db, actor);
  await validate(db, scope, input);
  const values = normalised({
    ...input,
    ownerId: input.ownerId === undefined ? actor.id : input.ownerId,
  });
  const duplicates = await findContactDuplicates(db, actor.workspaceId, values.email ?? null);
  const row = await db
    .insertInto('contacts')
    .values({
      ...values,
      name: input.name,
      workspace_id: actor.workspaceId,
      search_document: searchDocument(input.name, values.email, values.phone),
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  return { ...(await getContact(db, { ...scope, owners: null }, row.id)), duplicates };
}

export async function updateContact(
  db: Kysely<DB>,
  actor: Actor,
  id: string,
  input: ContactInput & { version: number },
) {
  const scope = await scopeOf(db, actor);
  const current = await getContact(db, scope, id);
  await validate(db, scope, input);
  const values = normalised(input);
  const email = values.email === undefined ? current.email : values.email;
  const phone = values.phone === undefined ? current.phone : values.phone;
  const updated = await db
    .updateTable('contacts')
    .set((eb) => ({
      ...values,
      search_document: searchDocument(input.name ?? current.name, email, phone),
      version: eb('version', '+', 1),
      updated_at: new Date(),
    }))
    .where('id', '=', id)
    .where('version', '=', input.version)
    .returning('id')
    .executeTakeFirst();
  await checkVersionedUpdate(updated, 'Contact', async () => current.version);
  const duplicates = await findContactDuplicates(db, actor.workspaceId, email, id);
  return { ...(await getContact(db, { ...scope, owners: null }, id)), duplicates };
}

export async function deleteContact(db: Kysely<DB>, actor: Actor, id: string) {
  const contact = await getContact(db, await scopeOf(db, actor), id);
  if (actor.role === 'rep' && contact.ownerId !== actor.id)
    throw forbidden('Reps can delete only their own contacts');
  await db.deleteFrom('contacts').where('id', '=', id).execute();
}
