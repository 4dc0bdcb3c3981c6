import type {
  Kysely,
  KyselyPlugin,
  PluginTransformQueryArgs,
  PluginTransformResultArgs,
  QueryId,
  QueryResult,
  RootOperationNode,
  UnknownRow,
} from 'kysely';
import { performance } from 'node:perf_hooks';
import type { DB } from '../src/db/schema.js';

type Pending = { start: number; node: RootOperationNode };
export type QueryTiming = { sql: string; ms: number };

/**
 * Times every query from the builder's compile to its parsed result, and keeps its SQL. Only the
 * profiling pass uses it; the measured runs go through the plain database.
 */
export class QueryProfiler implements KyselyPlugin {
  readonly done: QueryTiming[] = [];
  readonly #pending = new WeakMap<QueryId, Pending>();
  #db: Kysely<DB> | undefined;

  attach(db: Kysely<DB>): Kysely<DB> {
    this.#db = db.withPlugin(this);
    return this.#db;
  }

  transformQuery(args: PluginTransformQueryArgs): RootOperationNode {
    this.#pending.set(args.queryId, { start: performance.now(), node: args.node });
    return args.node;
  }

  async transformResult(args: PluginTransformResultArgs): Promise<QueryResult<UnknownRow>> {
    const pending = this.#pending.get(args.queryId);
    if (pending && this.#db) {
      const ms = performance.now() - pending.start;
      const compiled = this.#db.getExecutor().compileQuery(pending.node, args.queryId);
      this.done.push({ sql: compiled.sql.replace(/\s+/g, ' ').trim(), ms });
    }
    return args.result;
  }

  take(): QueryTiming[] {
    return this.done.splice(0, this.done.length);
  }
}

const round = (n: number) => Math.round(n * 1000) / 1000;

export type EndpointProfile = {
  requests: number;
  wallMs: number;
  dbMs: number;
  outsideDbMs: number;
  queriesPerRequest: number;
  queries: { sql: string; perRequest: number; meanMs: number }[];
};

/** Runs `op` n times; splits its mean wall time into time inside queries and time outside them. */
export async function profileOp(
  profiler: QueryProfiler,
  n: number,
  op: (i: number) => Promise<unknown>,
): Promise<EndpointProfile> {
  profiler.take();
  let wall = 0;
  for (let i = 0; i < n; i++) {
    const start = performance.now();
    await op(i);
    wall += performance.now() - start;
  }
  const timings = profiler.take();
  const bySql = new Map<string, { count: number; ms: number }>();
  for (const t of timings) {
    const key = t.sql.length > 160 ? `${t.sql.slice(0, 157)}...` : t.sql;
    const entry = bySql.get(key) ?? { count: 0, ms: 0 };
    entry.count++;
    entry.ms += t.ms;
    bySql.set(key, entry);
  }
  const db = timings.reduce((a, t) => a + t.ms, 0);
  return {
    requests: n,
    wallMs: round(wall / n),
    dbMs: round(db / n),
    outsideDbMs: round((wall - db) / n),
    queriesPerRequest: round(timings.length / n),
    queries: [...bySql.entries()].map(([sql, e]) => ({
      sql,
      perRequest: round(e.count / n),
      meanMs: round(e.ms / e.count),
    })),
  };
}

/** Mean milliseconds of a synchronous step, after a short warm-up. */
export function meanMsOf(n: number, step: () => unknown): number {
  for (let i = 0; i < Math.min(5, n); i++) step();
  const start = performance.now();
  for (let i = 0; i < n; i++) step();
  return round((performance.now() - start) / n);
}
