// A March 2026 in Ho Chi Minh City for the channel and leaderboard tests, in a workspace whose
// currency is VND. Deals are created back-dated, straight into their stage (a deal created in
// Won is won at its creation instant), so every win date is known. Leads are written directly
// with the instants the tests need. The expected numbers are worked out in the tests.
import type { Kysely } from 'kysely';
import type { DB } from '../../src/db/schema.js';
import { addDays, localDate } from '../../src/domain/local-day.js';
import { apiAs, type Api } from './api.js';
import { dealFactory } from './factories.js';
import { userFactory, workspaceFactory, type TestApp } from './test-app.js';

export const ZONE = 'Asia/Ho_Chi_Minh';
export type ChannelsFixture = Awaited<ReturnType<typeof channelsFixture>>;

const ok = (what: string, res: { status: number; body: unknown }, status = 200) => {
  if (res.status !== status) throw new Error(`${what}: ${JSON.stringify(res.body)}`);
  return res;
};

async function lead(
  db: Kysely<DB>,
  workspaceId: string,
  fields: { source: string | null; createdAt: string; convertedAt?: string; ownerId?: string },
) {
  await db
    .insertInto('leads')
    .values({
      workspace_id: workspaceId,
      name: `Lead ${fields.createdAt}`,
      source: fields.source,
      owner_id: fields.ownerId ?? null,
      created_at: new Date(fields.createdAt),
      converted_at: fields.convertedAt ? new Date(fields.convertedAt) : null,
    })
    .execute();
}

export async function channelsFixture(t: TestApp) {
  const ws = await workspaceFactory(t.db);
  const api = apiAs(t.app, ws.admin.headers);
  const settings = (await api.get('/api/v1/workspace')).body;
  ok(
    'workspace',
    await api.patch('/api/v1/workspace', {
      version: settings.version,
      timezone: ZONE,
      defaultCurrency: 'VND',
    }),
  );
  const rep = await userFactory(t.db, ws.workspaceId, { role: 'rep', name: 'Rep' });
  const created = ok(
    'pipeline',
    await api.post('/api/v1/pipelines', {
      name: 'Channels',
      stages: [
        { name: 'Lead', probability: 10 },
        { name: 'Proposal', probability: 60 },
        { name: 'Won', probability: 100, kind: 'won' },
        { name: 'Lost', probability: 0, kind: 'lost' },
      ],
    }),
    201,
  );
  const pipeline = created.body as { id: string; stages: { id: string; name: string }[] };
  const stageId = (name: string) => pipeline.stages.find((s) => s.name === name)?.id as string;

  // USD is 25,000 ₫ from 1 March and 26,000 ₫ from 11 March; EUR has no rate at all.
  ok(
    'rates',
    await api.put('/api/v1/exchange-rates', {
      rates: [
        { currency: 'USD', date: '2026-03-01', rate: '25000' },
        { currency: 'USD', date: '2026-03-11', rate: '26000' },
      ],
    }),
  );
  ok(
    'spend',
    await api.put('/api/v1/marketing-spend', {
      entries: [
        { channel: 'Ads', month: '2026-03', amount: 40_000, currency: 'USD' },
        { channel: 'ads', month: '2026-02', amount: 999, currency: 'VND' },
        { channel: 'Referral', month: '2026-03', amount: 1_000_000, currency: 'VND' },
        { channel: 'Referral', month: '2026-04', amount: 5_000_000, currency: 'VND' },
        { channel: 'Webinars', month: '2026-03', amount: 3_000_000, currency: 'VND' },
        { channel: 'Print', month: '2026-03', amount: 10_000, currency: 'EUR' },
      ],
    }),
  );

  const deal = (stage: string, createdAt: string, value: number, extra: object = {}) =>
    dealFactory(api, {
      pipelineId: pipeline.id,
      stageId: stageId(stage),
      createdAt,
      value,
      currency: 'USD',
      ...extra,
    });
  const deals = {
    D1: await deal('Won', '2026-03-10T03:00:00.000Z', 100_000, { source: 'ADS' }),
    D2: await deal('Lead', '2026-03-15T03:00:00.000Z', 50_000, { source: 'Ads' }),
    D3: await deal('Won', '2026-03-20T03:00:00.000Z', 20_000, { source: 'Ads', currency: 'EUR' }),
    // 23:30 on 28 February and on 31 March in Ho Chi Minh City.
    D4: await deal('Won', '2026-02-28T16:30:00.000Z', 7_000_000, {
      source: 'Referral',
      currency: 'VND',
    }),
    D5: await deal('Won', '2026-03-31T16:30:00.000Z', 2_000_000, {
      source: 'Referral',
      currency: 'VND',
    }),
    D6: await deal('Lead', '2026-03-03T03:00:00.000Z', 10_000, { source: 'Events' }),
    D7: await deal('Won', '2026-03-12T03:00:00.000Z', 20_000, { source: 'Ads', ownerId: rep.id }),
    D8: await deal('Lead', '2026-03-04T03:00:00.000Z', 5_000),
    D9: await deal('Lost', '2026-03-25T03:00:00.000Z', 1_000, { source: 'Events' }),
    D10: await deal('Proposal', '2026-03-05T03:00:00.000Z', 100_000, { ownerId: rep.id }),
  };

  const L = (fields: Parameters<typeof lead>[2]) => lead(t.db, ws.workspaceId, fields);
  await L({ source: 'Ads', createdAt: '2026-03-05T03:00:00.000Z', ownerId: ws.admin.id });
  // Created 23:59 on 28 February local (out), converted in March (in).
  await L({
    source: 'ads',
    createdAt: '2026-02-28T16:59:00.000Z',
    convertedAt: '2026-03-02T03:00:00.000Z',
  });
  // The first instant of March local, and the last one.
  await L({ source: 'Ads', createdAt: '2026-02-28T17:00:00.000Z' });
  await L({
    source: 'Referral',
    createdAt: '2026-03-31T16:59:59.999Z',
    convertedAt: '2026-03-31T17:00:00.000Z',
  });
  await L({ source: null, createdAt: '2026-03-10T03:00:00.000Z' });
  await L({ source: ' ADS ', createdAt: '2026-03-06T03:00:00.000Z', ownerId: rep.id });

  return {
    t,
    api,
    admin: ws.admin,
    rep,
    repApi: apiAs(t.app, rep.headers) as Api,
    pipeline,
    stageId,
    deals,
    tomorrow: addDays(localDate(new Date(), ZONE), 1),
  };
}
