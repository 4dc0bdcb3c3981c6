import { sql, type Kysely } from 'kysely';
import { errorResponses } from '../../../contracts/common.js';
import { searchQuery, searchResults } from '../../../contracts/deals.js';
import type { DB } from '../../../db/schema.js';
import { prefixTsQuery } from '../../../domain/normalise.js';
import type { AppContext, TypedApp } from '../../app-context.js';
import { currentUser } from '../../plugins/auth.js';
import { scopeOf, type Scope } from '../access/visibility.js';

type Hit = {
  type: 'deal' | 'contact' | 'company';
  id: string;
  title: string;
  subtitle: string | null;
  rank: number;
};

/** Full-text search over deals, contacts and companies, accent-insensitive, ranked, scoped. */
export async function search(
  db: Kysely<DB>,
  scope: Scope,
  q: string,
  limit: number,
): Promise<Hit[]> {
  const ts = prefixTsQuery(q);
  if (!ts) return [];
  const query = sql`to_tsquery('simple', ${ts})`;
  const rank = (table: string) => sql<number>`ts_rank(${sql.ref(`${table}.search`)}, ${query})`;
  const matches = (table: string) => sql<boolean>`${sql.ref(`${table}.search`)} @@ ${query}`;
  const owned = <T extends 'contacts' | 'companies'>(table: T) =>
    scope.owners === null
      ? sql<boolean>`true`
      : sql<boolean>`(${sql.ref(`${table}.owner_id`)} is null or ${sql.ref(`${table}.owner_id`)} in (${sql.join(scope.owners)}))`;
  const [deals, contacts, companies] = await Promise.all([
    db
      .selectFrom('deals')
      .leftJoin('companies', 'companies.id', 'deals.company_id')
      .select(['deals.id', 'deals.title', 'companies.name as subtitle', rank('deals').as('rank')])
      .where('deals.workspace_id', '=', scope.workspaceId)
      .$if(scope.owners !== null, (qb) =>
        qb.where('deals.owner_id', 'in', scope.owners as string[]),
      )
      .where(matches('deals'))
      .orderBy('rank', 'desc')
      .limit(limit)
      .execute(),
    db
      .selectFrom('contacts')
      .select([
        'contacts.id',
        'contacts.name as title',
        'contacts.email as subtitle',
        rank('contacts').as('rank'),
      ])
      .where('contacts.workspace_id', '=', scope.workspaceId)
      .where(owned('contacts'))
      .where(matches('contacts'))
      .orderBy('rank', 'desc')
      .limit(limit)
      .execute(),
    db
      .selectFrom('companies')
      .select([
        'companies.id',
        'companies.name as title',
        'companies.domain as subtitle',
        rank('companies').as('rank'),
      ])
      .where('companies.workspace_id', '=', scope.workspaceId)
      .where(owned('companies'))
      .where(matches('companies'))
      .orderBy('rank', 'desc')
      .limit(limit)
      .execute(),
  ]);
  const hits: Hit[] = [
    ...deals.map((d) => ({ type: 'deal' as const, ...d })),
    ...contacts.map((c) => ({ type: 'contact' as const, ...c })),
    ...companies.map((c) => ({ type: 'company' as const, ...c })),
  ];
  return hits.sort((a, b) => b.rank - a.rank).slice(0, limit);
}

export function searchRoutes(app: TypedApp, { db }: AppContext): void {
  app.get('/api/v1/search', {
    schema: {
      tags: ['search'],
      summary: 'Search deals, contacts and companies',
      querystring: searchQuery,
      response: { 200: searchResults, ...errorResponses },
    },
    handler: async (request) => {
      const scope = await scopeOf(db, currentUser(request));
      const hits = await search(db, scope, request.query.q, request.query.limit);
      return { data: hits.map(({ type, id, title, subtitle }) => ({ type, id, title, subtitle })) };
    },
  });
}
