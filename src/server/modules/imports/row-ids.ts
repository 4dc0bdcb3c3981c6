import { createHash } from 'node:crypto';
import { RowCheck, type ProblemSink, type RowInput } from './row-check.js';
import { SeenIds, type Seen } from './seen-ids.js';

// Rows are checked for repeats this many at a time: one round trip to the database per chunk.
const CHUNK = 1000;

type Pending = {
  c: RowCheck;
  /** The digest key; null for a row whose id cell is empty. */
  key: string | null;
  /** The id column's value, or (no id column) a digest of the whole row. */
  id: string | null;
  kind: 'id' | 'row';
};

function prepare(c: RowCheck): Pending {
  const input: RowInput = c.input;
  if (!input.cells.has('externalId')) {
    const hash = createHash('sha256').update(input.raw.join('\u001f')).digest();
    return {
      c,
      key: SeenIds.keyOf(hash),
      id: hash.toString('base64url').slice(0, 24),
      kind: 'row',
    };
  }
  const id = c.text('externalId');
  if (!id) return { c, key: null, id: null, kind: 'id' };
  return { c, key: SeenIds.keyOf(createHash('sha256').update(id).digest()), id, kind: 'id' };
}

/**
 * The row's id: its id column, where a repeated id is a problem on the later row; or, without
 * one, a digest of the whole row and how many times the same row came before, so that re-running
 * the same file finds every row again and identical rows are still separate records.
 */
function settle(p: Pending, seen: Seen | null): string | null {
  if (p.c.input.problem) p.c.fail(null, p.c.input.problem);
  if (p.kind === 'row') {
    const occurrence = (seen?.before ?? 0) + 1;
    return occurrence === 1 ? `row:${p.id}` : `row:${p.id}:${occurrence}`;
  }
  if (!p.id || !seen) return p.c.fail('externalId', 'is empty; every row needs its id');
  if (seen.before > 0) {
    return p.c.fail('externalId', `repeats the id "${p.id}" of row ${seen.firstRow}`);
  }
  return p.id;
}

/**
 * Each row with its id, in file order. Repeats are found through the run's SeenIds a chunk at a
 * time; a row's id problems are reported just before the row is handed on, so problems stay in row
 * order.
 */
export async function* withIds(rows: AsyncIterable<RowInput>, seen: SeenIds, sink: ProblemSink) {
  let chunk: Pending[] = [];
  async function* flush() {
    const current = chunk;
    chunk = [];
    const keyed = current.filter((p) => p.key !== null);
    const marks = await seen.mark(keyed.map((p) => ({ key: p.key as string, row: p.c.input.row })));
    const byPending = new Map(keyed.map((p, i) => [p, marks[i] as Seen]));
    for (const p of current) {
      yield { c: p.c, externalId: settle(p, byPending.get(p) ?? null) };
    }
  }
  for await (const input of rows) {
    chunk.push(prepare(new RowCheck(input, sink)));
    if (chunk.length >= CHUNK) yield* flush();
  }
  yield* flush();
}
