import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Database } from '../../src/db/database.js';
import { apiAs } from '../helpers/api.js';
import { dealFactory, salesPipeline } from '../helpers/factories.js';
import { createTestApp, workspaceFactory, type TestApp } from '../helpers/test-app.js';
import { createTestDatabase } from '../helpers/test-db.js';

let database: Database;
beforeAll(async () => {
  database = await createTestDatabase();
});
afterAll(() => database?.close());

describe('the database layer', () => {
  it('parses bigint, numeric, date and timestamptz to the same JS types on every engine', async () => {
    const { rows } = await sql<{
      big: number;
      num: string;
      day: string;
      at: Date;
      local: Date;
      n: number;
    }>`select 9007199254740991::int8 as big, 12345.678901234567890::numeric as num,
          '2026-02-28'::date as day, '2026-01-02 03:04:05.678+07'::timestamptz as at,
          '2026-01-02 03:04:05'::timestamp as local, count(*) as n from (values (1), (2)) v(x)`.execute(
      database.db,
    );
    const row = rows[0]!;
    expect(row).toEqual({
      big: 9007199254740991,
      num: '12345.678901234567890',
      day: '2026-02-28',
      at: new Date('2026-01-01T20:04:05.678Z'),
      local: new Date('2026-01-02T03:04:05Z'),
      n: 2,
    });
  });

  it('refuses an int8 beyond 2^53 instead of rounding it silently', async () => {
    await expect(sql`select 9007199254740993::int8 as big`.execute(database.db)).rejects.toThrow(
      /safe integer/,
    );
  });

  it('rolls a failed transaction back completely', async () => {
    await sql`create table tx_probe (id int primary key)`.execute(database.db);
    await expect(
      database.db.transaction().execute(async (trx) => {
        await sql`insert into tx_probe values (1)`.execute(trx);
        await sql`insert into tx_probe values (1)`.execute(trx);
      }),
    ).rejects.toThrow();
    const { rows } = await sql<{ n: number }>`select count(*) as n from tx_probe`.execute(
      database.db,
    );
    expect(rows[0]!.n).toBe(0);
  });
});

describe('concurrent requests', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp();
  });
  afterAll(() => t?.close());

  it('serializes concurrent moves and creates without deadlock or lost events', async () => {
    const api = apiAs(t.app, (await workspaceFactory(t.db)).admin.headers);
    const sales = await salesPipeline(api);
    const deals = await Promise.all(
      Array.from({ length: 10 }, (_, i) => dealFactory(api, { title: `C${i}` })),
    );
    const targets = ['Qualification', 'Proposal', 'Won'].map((n) => sales.stage(n).id);
    const moves = deals.flatMap((d) => targets.map((stageId) => ({ id: d.id, stageId })));
    // Fire every move of every deal at once; each deal's moves still apply in some order.
    const results = await Promise.all(
      moves.map((m) => api.post(`/api/v1/deals/${m.id}/move`, { stageId: m.stageId })),
    );
    expect(results.every((r) => r.status === 200)).toBe(true);
    for (const deal of deals) {
      const now = (await api.get(`/api/v1/deals/${deal.id}`)).body;
      expect(now.version).toBe(4);
      const events = (await api.get(`/api/v1/deals/${deal.id}/history`)).body.data;
      const stageEvents = events.filter((e: { type: string }) => e.type === 'stage');
      // The events chain: each move starts where the previous one ended, and ends where the deal is.
      for (let i = 1; i < stageEvents.length; i++)
        expect(stageEvents[i].fromStageId).toBe(stageEvents[i - 1].toStageId);
      expect(stageEvents.at(-1)?.toStageId ?? sales.stage('Prospecting').id).toBe(now.stageId);
    }
  });
});
