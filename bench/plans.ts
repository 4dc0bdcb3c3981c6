import { CompiledQuery, sql, type Kysely, type RawBuilder } from 'kysely';
import type { DB } from '../src/db/schema.js';
import * as repo from '../src/server/modules/deals/deals.repository.js';
import { totalsQuery } from './raw-sql.js';
import { BOARD_LIMIT } from './scenarios.js';
import type { Seeded } from './seed.js';

type Explained = { title: string; sql: string; plan: string };

async function explain(db: Kysely<DB>, title: string, query: CompiledQuery): Promise<Explained> {
  const result = await db.executeQuery<{ 'QUERY PLAN': string }>(
    CompiledQuery.raw(`explain (analyze, buffers) ${query.sql}`, [...query.parameters]),
  );
  return { title, sql: query.sql, plan: result.rows.map((r) => r['QUERY PLAN']).join('\n') };
}

const compiled = (db: Kysely<DB>, q: RawBuilder<unknown>) => q.compile(db);

/**
 * EXPLAIN ANALYZE of the board's queries as the app sends them: the per-stage first page (built
 * with the app's own repository functions) for an open and a closed stage, and the totals query;
 * plus the move's neighbour lookup at a deep index.
 */
export async function explainBoard(db: Kysely<DB>, s: Seeded): Promise<string> {
  const scope = { workspaceId: s.workspaceId, owners: null };
  const page = (stageId: string) =>
    repo
      .applyDealFilters(repo.selectDeals(db), scope, { stageId })
      .orderBy('deals.position')
      .orderBy('deals.id')
      .limit(BOARD_LIMIT + 1)
      .compile();
  const open = s.openStageIds[0] as string;
  const won = s.stages.find((x) => x.kind === 'won')?.id as string;
  const neighbours = db
    .selectFrom('deals')
    .select('position')
    .where('stage_id', '=', open)
    .where('id', '!=', s.sampleDealIds[0] as string)
    .orderBy('position')
    .orderBy('id')
    .offset(19)
    .limit(2)
    .compile();
  const plans = [
    await explain(
      db,
      'Board totals (group by stage, currency)',
      compiled(db, totalsQuery(s.workspaceId, s.pipelineId)),
    ),
    await explain(db, 'Board first page of an open stage', page(open)),
    await explain(db, 'Board first page of the Won stage', page(won)),
    await explain(db, 'Move: neighbours at index 20', neighbours),
  ];
  const version = await sql<{ v: string }>`select version() as v`.execute(db);
  const header = `# EXPLAIN (ANALYZE, BUFFERS) on ${version.rows[0]?.v ?? 'PostgreSQL'}\n`;
  return (
    header +
    plans
      .map((p) => `\n## ${p.title}\n\n${p.sql.replace(/\s+/g, ' ').trim()}\n\n${p.plan}\n`)
      .join('')
  );
}
