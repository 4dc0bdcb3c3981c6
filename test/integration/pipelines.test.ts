import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { apiAs, type Api } from '../helpers/api.js';
import { dealFactory, salesPipeline } from '../helpers/factories.js';
import { createTestApp, workspaceFactory, type TestApp } from '../helpers/test-app.js';

let t: TestApp;
let api: Api;
beforeAll(async () => {
  t = await createTestApp();
  api = apiAs(t.app, (await workspaceFactory(t.db)).admin.headers);
});
afterAll(() => t?.close());

const names = (p: { stages: Array<{ name: string }> }) => p.stages.map((s) => s.name);

describe('pipelines and stages', () => {
  it('creates pipelines from the templates', async () => {
    const templates = (await api.get('/api/v1/pipeline-templates')).body.data;
    expect(templates.map((x: { key: string }) => x.key)).toEqual([
      'sales',
      'post-purchase',
      'classic-7-step',
      'four-step',
    ]);
    const classic = await api.post('/api/v1/pipelines', {
      name: 'Enterprise',
      template: 'classic-7-step',
    });
    expect(classic.status).toBe(201);
    expect(names(classic.body)).toEqual([
      'Prospecting',
      'Preparation',
      'Approach',
      'Presentation',
      'Handling objections',
      'Closing',
      'Follow-up',
      'Won',
      'Lost',
    ]);
    const four = (await api.post('/api/v1/pipelines', { name: 'SMB', template: 'four-step' })).body;
    expect(names(four)).toEqual([
      'Research',
      'Prospecting',
      'Calling & closing',
      'Relationship building',
      'Won',
      'Lost',
    ]);
  });

  it('creates a pipeline from custom stages, refusing two won stages', async () => {
    const bad = await api.post('/api/v1/pipelines', {
      name: 'Bad',
      stages: [
        { name: 'A', probability: 10 },
        { name: 'W1', probability: 100, kind: 'won' },
        { name: 'W2', probability: 100, kind: 'won' },
      ],
    });
    expect(bad.status).toBe(400);
    expect(bad.body.error.field).toBe('stages');
    const ok = await api.post('/api/v1/pipelines', {
      name: 'Custom',
      stages: [{ name: 'Call', probability: 30, rottingDays: 7 }],
    });
    expect(ok.body.stages[0]).toMatchObject({
      name: 'Call',
      probability: 30,
      rottingDays: 7,
      kind: 'open',
    });
  });

  it('refuses a stage beyond the most a reorder can name', async () => {
    const stages = Array.from({ length: 30 }, (_, i) => ({ name: `S${i}`, probability: 10 }));
    const p = (await api.post('/api/v1/pipelines', { name: 'Long', stages })).body;
    expect(p.stages).toHaveLength(30);
    const over = await api.post(`/api/v1/pipelines/${p.id}/stages`, {
      name: 'One more',
      probability: 50,
    });
    expect([over.status, over.body.error.field]).toEqual([400, 'stages']);
    const order = [...p.stages].reverse().map((s: { id: string }) => s.id);
    expect(
      (await api.put(`/api/v1/pipelines/${p.id}/stage-order`, { stageIds: order })).status,
    ).toBe(200);
  });

  it('adds a stage before won/lost by default, renames, reorders and validates the order', async () => {
    const p = (await api.post('/api/v1/pipelines', { name: 'Shape', template: 'sales' })).body;
    const added = (
      await api.post(`/api/v1/pipelines/${p.id}/stages`, { name: 'Legal review', probability: 85 })
    ).body;
    expect(names(added).slice(-3)).toEqual(['Legal review', 'Won', 'Lost']);
    const legal = added.stages.find((s: { name: string }) => s.name === 'Legal review');
    const renamed = (
      await api.patch(`/api/v1/stages/${legal.id}`, { version: legal.version, name: 'Legal' })
    ).body;
    expect(names(renamed)).toContain('Legal');
    const stale = await api.patch(`/api/v1/stages/${legal.id}`, {
      version: legal.version,
      name: 'Again',
    });
    expect(stale.status).toBe(409);
    const ids = renamed.stages.map((s: { id: string }) => s.id);
    const reversed = (
      await api.put(`/api/v1/pipelines/${p.id}/stage-order`, { stageIds: [...ids].reverse() })
    ).body;
    expect(names(reversed)[0]).toBe('Lost');
    const partial = await api.put(`/api/v1/pipelines/${p.id}/stage-order`, {
      stageIds: ids.slice(1),
    });
    expect(partial.status).toBe(400);
    expect(partial.body.error.field).toBe('stageIds');
  });

  it('refuses to delete a stage holding deals (409) unless told where they go', async () => {
    const sales = await salesPipeline(api);
    const from = sales.stage('Demo / Meeting');
    const to = sales.stage('Proposal');
    const a = await dealFactory(api, { stageId: from.id });
    const b = await dealFactory(api, { stageId: from.id });
    const refused = await api.delete(`/api/v1/stages/${from.id}`);
    expect(refused.status).toBe(409);
    expect(refused.body.error).toMatchObject({ field: 'moveDealsTo', details: { dealCount: 2 } });
    expect((await api.delete(`/api/v1/stages/${from.id}?moveDealsTo=${from.id}`)).status).toBe(400);
    expect((await api.delete(`/api/v1/stages/${from.id}?moveDealsTo=${to.id}`)).status).toBe(204);
    for (const deal of [a, b]) {
      const moved = (await api.get(`/api/v1/deals/${deal.id}`)).body;
      expect(moved.stageId).toBe(to.id);
      const last = (await api.get(`/api/v1/deals/${deal.id}/history`)).body.data.at(-1);
      expect(last).toMatchObject({ type: 'stage', fromStageId: from.id, toStageId: to.id });
    }
    const after = await salesPipeline(api);
    expect(after.stages.map((s) => s.name)).not.toContain('Demo / Meeting');
  });

  it('moving deals into a Won stage on stage deletion wins them', async () => {
    const p = (await api.post('/api/v1/pipelines', { name: 'Closing', template: 'four-step' }))
      .body;
    const research = p.stages[0];
    const won = p.stages.find((s: { kind: string }) => s.kind === 'won');
    const deal = await dealFactory(api, { stageId: research.id });
    await api.delete(`/api/v1/stages/${research.id}?moveDealsTo=${won.id}`);
    expect((await api.get(`/api/v1/deals/${deal.id}`)).body.status).toBe('won');
  });

  it('deletes an empty stage without a target, and refuses deleting a pipeline that holds deals', async () => {
    const p = (await api.post('/api/v1/pipelines', { name: 'Temp', template: 'four-step' })).body;
    expect((await api.delete(`/api/v1/stages/${p.stages[0].id}`)).status).toBe(204);
    const deal = await dealFactory(api, { pipelineId: p.id });
    expect((await api.delete(`/api/v1/pipelines/${p.id}`)).status).toBe(409);
    await api.delete(`/api/v1/deals/${deal.id}`);
    expect((await api.delete(`/api/v1/pipelines/${p.id}`)).status).toBe(204);
    expect((await api.get(`/api/v1/pipelines/${p.id}`)).status).toBe(404);
  });

  it('moves a deal to another pipeline, recording both pipelines in the event', async () => {
    const sales = await salesPipeline(api);
    const post = (await api.get('/api/v1/pipelines')).body.data.find(
      (x: { name: string }) => x.name === 'Post-purchase',
    );
    const deal = await dealFactory(api);
    const moved = (await api.post(`/api/v1/deals/${deal.id}/move`, { stageId: post.stages[0].id }))
      .body;
    expect(moved.pipelineId).toBe(post.id);
    const last = (await api.get(`/api/v1/deals/${deal.id}/history`)).body.data.at(-1);
    expect(last).toMatchObject({ fromPipelineId: sales.id, toPipelineId: post.id });
  });
});
