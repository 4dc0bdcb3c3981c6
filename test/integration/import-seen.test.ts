import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Database } from '../../src/db/database.js';
import type { ImportField } from '../../src/server/modules/imports/import-fields.js';
import type { Problem, RowInput } from '../../src/server/modules/imports/row-check.js';
import { withIds } from '../../src/server/modules/imports/row-ids.js';
import { SeenIds } from '../../src/server/modules/imports/seen-ids.js';
import { createTestDatabase } from '../helpers/test-db.js';

let database: Database;
beforeAll(async () => {
  database = await createTestDatabase();
});
afterAll(() => database?.close());

const runRows = async () =>
  Number(
    (
      await database.db
        .selectFrom('import_seen')
        .select((eb) => eb.fn.countAll<number>().as('n'))
        .executeTakeFirstOrThrow()
    ).n,
  );

function rowsOf(values: string[], withIdColumn: boolean): AsyncIterable<RowInput> {
  return (async function* () {
    for (const [i, v] of values.entries()) {
      const cells = new Map<ImportField, { text: string; column: string }>();
      if (withIdColumn) cells.set('externalId', { text: v, column: 'id' });
      yield { row: i + 1, line: i + 2, cells, raw: [v, 'same'] };
    }
  })();
}

async function idsOf(values: string[], withIdColumn: boolean) {
  const seen = await SeenIds.open(database.db);
  const problems: Problem[] = [];
  const ids: (string | null)[] = [];
  try {
    for await (const r of withIds(rowsOf(values, withIdColumn), seen, {
      push: (p) => problems.push(p),
    }))
      ids.push(r.externalId);
  } finally {
    await seen.close();
  }
  return { ids, problems };
}

describe('what an import run has read', () => {
  it('counts each key across calls and within one, and keeps the row it first came on', async () => {
    const seen = await SeenIds.open(database.db);
    const [a, b, c] = ['1', '-2', '9223372036854775807'];
    expect(
      await seen.mark([
        { key: a, row: 4 },
        { key: b, row: 5 },
        { key: a, row: 6 },
      ]),
    ).toEqual([
      { before: 0, firstRow: 4 },
      { before: 0, firstRow: 5 },
      { before: 1, firstRow: 4 },
    ]);
    expect(
      await seen.mark([
        { key: a, row: 7 },
        { key: c, row: 8 },
      ]),
    ).toEqual([
      { before: 2, firstRow: 4 },
      { before: 0, firstRow: 8 },
    ]);
    // Another run starts afresh.
    const other = await SeenIds.open(database.db);
    expect(await other.mark([{ key: a, row: 1 }])).toEqual([{ before: 0, firstRow: 1 }]);
    await seen.close();
    await other.close();
    expect(await runRows()).toBe(0);
  });

  it('finds an id repeated 2,000 rows later, across chunks, on the later row only', async () => {
    const values = Array.from({ length: 2500 }, (_, i) => `D${i + 1}`);
    values[2199] = 'D3';
    const { ids, problems } = await idsOf(values, true);
    expect(problems).toEqual([
      { row: 2200, line: 2201, column: 'id', message: 'repeats the id "D3" of row 3' },
    ]);
    expect(ids[2] as string).toBe('D3');
    expect(ids[2199]).toBeNull();
    expect(ids.filter((id) => id !== null)).toHaveLength(2499);
  });

  it('numbers identical rows of a file without ids, far apart, so each stays a record', async () => {
    const values = Array.from({ length: 2100 }, (_, i) => `row ${i}`);
    values[1500] = 'row 7';
    values[2050] = 'row 7';
    const { ids, problems } = await idsOf(values, false);
    expect(problems).toEqual([]);
    const first = ids[7] as string;
    expect(first).toMatch(/^row:[\w-]{24}$/);
    expect([ids[1500], ids[2050]]).toEqual([`${first}:2`, `${first}:3`]);
    expect(new Set(ids).size).toBe(2100);
  });
});
