import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { indexStages } from '../../src/domain/analytics/stages.js';
import { reachingOf } from '../../src/server/modules/analytics/facts.repository.js';
import { apiAs, type Api } from '../helpers/api.js';
import { createTestApp, workspaceFactory, type TestApp } from '../helpers/test-app.js';

// Each stage's bit in the stays' masks of stages entered before (migration 0025) is given once
// and never reused: a deleted stage's bit stays in old masks, so a new stage holding it would
// make its first entries look like returns.
let t: TestApp;
let api: Api;
beforeAll(async () => {
  t = await createTestApp();
  api = apiAs(t.app, (await workspaceFactory(t.db)).admin.headers);
});
afterAll(() => t?.close());

const bits = async (pipelineId: string) =>
  Object.fromEntries(
    (
      await t.db
        .selectFrom('stages')
        .select(['name', 'bit'])
        .where('pipeline_id', '=', pipelineId)
        .execute()
    ).map((s) => [s.name, s.bit]),
  );

describe('stage bits', () => {
  it('are given in creation order, never reused after a delete, and run out at 53', async () => {
    const created = await api.post('/api/v1/pipelines', {
      name: 'Bits',
      stages: [
        { name: 'A', probability: 10 },
        { name: 'B', probability: 30 },
        { name: 'Won', probability: 100, kind: 'won' },
        { name: 'Lost', probability: 0, kind: 'lost' },
      ],
    });
    expect(created.status).toBe(201);
    const id = created.body.id as string;
    expect(await bits(id)).toEqual({ A: 0, B: 1, Won: 2, Lost: 3 });
    const b = created.body.stages.find((s: { name: string }) => s.name === 'B');
    expect((await api.delete(`/api/v1/stages/${b.id}`)).status).toBe(204);
    const c = await api.post(`/api/v1/pipelines/${id}/stages`, { name: 'C', probability: 50 });
    expect(c.status).toBe(201);
    expect(await bits(id)).toEqual({ A: 0, Won: 2, Lost: 3, C: 4 });
    // Bits 5 to 52 go to stages added and deleted again; the next stage has none.
    for (let i = 5; i <= 52; i++) {
      const s = await api.post(`/api/v1/pipelines/${id}/stages`, { name: `S${i}`, probability: 5 });
      const stage = s.body.stages.find((x: { name: string }) => x.name === `S${i}`);
      expect((await bits(id))[`S${i}`]).toBe(i);
      expect((await api.delete(`/api/v1/stages/${stage.id}`)).status).toBe(204);
    }
    await api.post(`/api/v1/pipelines/${id}/stages`, { name: 'Late', probability: 60 });
    expect(await bits(id)).toEqual({ A: 0, Won: 2, Lost: 3, C: 4, Late: null });
  });

  it('make a mask only when every qualifying stage has one', () => {
    const stage = (id: string, position: number, bit: number | null) => ({
      id,
      pipelineId: 'p',
      position,
      kind: 'open' as const,
      probability: 0,
      bit,
    });
    const won = { ...stage('w', 9, 52), kind: 'won' as const };
    const all = indexStages([stage('a', 0, 0), stage('b', 1, 4), stage('c', 2, 7), won]);
    expect(reachingOf(all, 'p', 1)).toEqual({
      stageIds: ['b', 'c', 'w'],
      mask: 16 + 128 + 2 ** 52,
    });
    const missing = indexStages([stage('a', 0, 0), stage('b', 1, 4), stage('c', 2, null), won]);
    expect(reachingOf(missing, 'p', 1).mask).toBeNull();
    // A stage before the qualification one needs no bit.
    const early = indexStages([stage('a', 0, null), stage('b', 1, 4), won]);
    expect(reachingOf(early, 'p', 1).mask).toBe(16 + 2 ** 52);
  });
});
