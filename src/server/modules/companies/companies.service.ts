import { sql, type Kysely } from 'kysely';
import type { CompanyRow, DB } from '../../../db/schema.js';
import { forbidden, notFound } from '../../../domain/errors.js';
import {
  domainOf,
  foldText,
  normalisePhone,
  prefixTsQuery,
  searchDocument,
} from '../../../domain/normalise.js';
import { scopeOf, type Scope } from '../access/visibility.js';
import type { Actor } from '../auth/actor.js';
import { afterKey, decodeCursor, pageOf, type CursorKey } from '../shared/cursor.js';
import { assertOwnerInWorkspace } from '../shared/owned-records.js';
import { checkVersionedUpdate } from '../shared/versioned-update.js';

const toCompany = (c: CompanyRow) => ({
  id: c.id,
  name: c.name,
  domain: c.domain,
  website: c.website,
  phone: c.phone,
  industry: c.industry,
  address: c.address,
  ownerId: c.owner_id,
  version: c.version,
  createdAt: c.created_at.toISOString(),
  updatedAt: c.updated_at.toISOString(),
});

function visibleCompanies(db: Kysely<DB>, scope: Scope) {
  return db
    .selectFrom('companies')
    .selectAll('companies')
    .where('companies.workspace_id', '=', scope.workspaceId)
    .$if(scope.owners !== null, (q) =>
      q.where((eb) =>
        eb.or([
          eb('companies.owner_id', 'is', null),
          eb('companies.owner_id', 'in', scope.owners as string[]),
        ]),
      ),
    );
}

export async function getCompany(db: Kysely<DB>, scope: Scope, id: string) {
  const row = await visibleCompanies(db, scope).where('companies.id', '=', id).executeTakeFirst();
  if (!row) throw notFound('Company');
  return toCompany(row);
}

const sorts = {
  name: {
    expr: sql`lower(companies.name) collate "C"`,
    cast: 'text',
    value: (c: CompanyRow) => c.name.toLowerCase(),
  },
  createdAt: {
    expr: sql`companies.created_at`,
    cast: 'timestamptz',
    value: (c: CompanyRow) => c.created_at.toISOString(),
  },
  updatedAt: {
    expr: sql`companies.updated_at`,
    cast: 'timestamptz',
    value: (c: CompanyRow) => c.updated_at.toISOString(),
  },
};

export async function listCompanies(
  db: Kysely<DB>,
  actor: Actor,
  input: {
    limit: number;
    cursor?: string | undefined;
    q?: string | undefined;
    ownerId?: string | undefined;
    domain?: string | undefined;
    sort: keyof typeof sorts;
    order: 'asc' | 'desc';
  },
) {
  const scope = await scopeOf(db, actor);
  const sort = sorts[input.sort];
  const after = decodeCursor(input.cursor);
  const ts = input.q ? prefixTsQuery(input.q) : null;
  const rows = await visibleCompanies(db, scope)
    .$if(!!input.ownerId, (q) => q.where('companies.owner_id', '=', input.ownerId as string))
    .$if(!!input.domain, (q) => q.where('companies.domain', '=', domainOf(input.domain as string)))
    .$if(ts !== null, (q) => q.where(sql<boolean>`companies.search @@ to_tsquery('simple', ${ts})`))
    .$if(after !== null, (q) =>
      q.where(afterKey(sort, input.order, after as CursorKey, 'companies.id')),
    )
    .orderBy(sort.expr, input.order)
    .orderBy('companies.id', input.order)
    .limit(input.limit + 1)
    .execute();
  const page = pageOf(rows, input.limit, (c) => ({ v: sort.value(c), id: c.id }));
  return { data: page.data.map(toCompany), nextCursor: page.nextCursor };
}

/** Companies that look like the same one: same web domain, or the same name once accents are folded. */
export async function findCompanyDuplicates(
  db: Kysely<DB>,
  workspaceId: string,
  probe: { name?: string | undefined; domain?: string | null | undefined },
  exceptId?: string,
) {
  const folded = probe.name ? foldText(probe.name) : null;
  const rows = await db
    .selectFrom('companies')
    .select(['id', 'name', 'domain'])
    .where('workspace_id', '=', workspaceId)
    .where((eb) =>
      eb.or([
        ...(probe.domain ? [eb('domain', '=', probe.domain)] : []),
        ...(folded ? [eb('search_document', 'like', `${folded.replace(/[\\%_]/g, '\\$&')}%`)] : []),
      ]),
    )
    .$if(!!exceptId, (q) => q.where('id', '!=', exceptId as string))
    .limit(20)
    .execute();
  return rows
    .map((r) => ({
      id: r.id,
      name: r.name,
      matchedOn: (probe.domain && r.domain === probe.domain ? 'domain' : 'name') as
        'domain' | 'name',
    }))
    .filter((r) => r.matchedOn === 'domain' || foldText(r.name) === folded);
}

type CompanyInput = {
  name?: string | undefined;
  website?: string | null | undefined;
  phone?: string | null | undefined;
  industry?: string | null | undefined;
  address?: string | null | undefined;
  ownerId?: string | null | undefined;
};

function normalised(input: CompanyInput) {
  return {
    ...(input.name !== undefined && { name: input.name }),
    ...(input.website !== undefined && {
      website: input.website || null,
      domain: input.website ? domainOf(input.website) : null,
    }),
    ...(input.phone !== undefined && { phone: input.phone ? normalisePhone(input.phone) : null }),
    ...(input.industry !== undefined && { industry: input.industry || null }),
    ...(input.address !== undefined && { address: input.address || null }),
    ...(input.ownerId !== undefined && { owner_id: input.ownerId }),
  };
}

export async function createCompany(
  db: Kysely<DB>,
  actor: Actor,
  input: CompanyInput & { name: string },
) {
  await assertOwnerInWorkspace(db, actor.workspaceId, input.ownerId);
  const values = normalised({
    ...input,
    ownerId: input.ownerId === undefined ? actor.id : input.ownerId,
  });
  const duplicates = await findCompanyDuplicates(db, actor.workspaceId, {
    name: input.name,
    domain: values.domain,
  });
  const row = await db
    .insertInto('companies')
    .values({
      ...values,
      name: input.name,
      workspace_id: actor.workspaceId,
      search_document: searchDocument(input.name, values.domain),
    })
    .returningAll()
    .executeTakeFirstOrThrow();
  return { ...toCompany(row), duplicates };
}

export async function updateCompany(
  db: Kysely<DB>,
  actor: Actor,
  id: string,
  input: CompanyInput & { version: number },
) {
  const scope = await scopeOf(db, actor);
  const current = await getCompany(db, scope, id);
  await assertOwnerInWorkspace(db, actor.workspaceId, input.ownerId);
  const values = normalised(input);
  const name = input.name ?? current.name;
  const domain = values.domain === undefined ? current.domain : values.domain;
  const updated = await db
    .updateTable('companies')
    .set((eb) => ({
      ...values,
      search_document: searchDocument(name, domain),
      version: eb('version', '+', 1),
      updated_at: new Date(),
    }))
    .where('id', '=', id)
    .where('version', '=', input.version)
    .returningAll()
    .executeTakeFirst();
  const row = await checkVersionedUpdate(updated, 'Company', async () => current.version);
  const duplicates = await findCompanyDuplicates(db, actor.workspaceId, { name, domain }, id);
  return { ...toCompany(row), duplicates };
}

export async function deleteCompany(db: Kysely<DB>, actor: Actor, id: string) {
  const company = await getCompany(db, await scopeOf(db, actor), id);
  if (actor.role === 'rep' && company.ownerId !== actor.id)
    throw forbidden('Reps can delete only their own companies');
  await db.deleteFrom('companies').where('id', '=', id).execute();
}
