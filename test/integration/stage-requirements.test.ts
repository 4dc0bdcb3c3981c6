import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { apiAs, type Api } from '../helpers/api.js';
import { contactFactory, dealFactory, salesPipeline } from '../helpers/factories.js';
import { createTestApp, workspaceFactory, type TestApp } from '../helpers/test-app.js';

let t: TestApp;
beforeAll(async () => {
  t = await createTestApp();
});
afterAll(() => t?.close());

type Stage = { id: string; name: string; version: number; requiredFields: string[] };

async function setup() {
  const { admin } = await workspaceFactory(t.db);
  const api = apiAs(t.app, admin.headers);
  const sales = await salesPipeline(api);
  return { api, sales, headers: admin.headers };
}

/** Sets a stage's hygiene settings and returns the stage as the API now shows it. */
async function requireFields(
  api: Api,
  stageId: string,
  body: Record<string, unknown>,
): Promise<Stage> {
  const pipelines = (await api.get('/api/v1/pipelines')).body.data;
  const stage = pipelines
    .flatMap((p: { stages: Stage[] }) => p.stages)
    .find((s: Stage) => s.id === stageId);
  const res = await api.patch(`/api/v1/stages/${stageId}`, { version: stage.version, ...body });
  expect(res.status).toBe(200);
  return res.body.stages.find((s: Stage) => s.id === stageId);
}

describe('stage hygiene settings', () => {
  it('keeps required fields as a set in a fixed order, and a close-date push limit', async () => {
    const { api, sales } = await setup();
    const stage = await requireFields(api, sales.stage('Proposal').id, {
      requiredFields: ['contactIds', 'value', 'contactIds'],
      closeDatePushLimit: 2,
    });
    expect(stage).toMatchObject({ requiredFields: ['value', 'contactIds'], closeDatePushLimit: 2 });
    const cleared = await requireFields(api, stage.id, {
      requiredFields: [],
      closeDatePushLimit: null,
    });
    expect(cleared).toMatchObject({ requiredFields: [], closeDatePushLimit: null });
  });

  it('refuses a field outside the allow-list and a negative limit, naming the field', async () => {
    const { api, sales } = await setup();
    const id = sales.stage('Proposal').id;
    const bad = await api.patch(`/api/v1/stages/${id}`, { version: 1, requiredFields: ['colour'] });
    expect(bad.status).toBe(400);
    expect(bad.body.error.field).toBe('requiredFields.0');
    const negative = await api.patch(`/api/v1/stages/${id}`, {
      version: 1,
      closeDatePushLimit: -1,
    });
    expect(negative.body.error.field).toBe('closeDatePushLimit');
  });

  it('takes them when a stage is added', async () => {
    const { api, sales } = await setup();
    const res = await api.post(`/api/v1/pipelines/${sales.id}/stages`, {
      name: 'Legal',
      probability: 70,
      requiredFields: ['companyId'],
      closeDatePushLimit: 0,
    });
    expect(res.status).toBe(201);
    expect(res.body.stages.find((s: Stage) => s.name === 'Legal')).toMatchObject({
      requiredFields: ['companyId'],
      closeDatePushLimit: 0,
    });
  });
});

describe('stage entry requirements', () => {
  it('refuse a move that misses fields with a 422 naming them, in English and Vietnamese', async () => {
    const { api, sales, headers } = await setup();
    const proposal = await requireFields(api, sales.stage('Proposal').id, {
      requiredFields: ['value', 'contactIds'],
    });
    const deal = await dealFactory(api, { value: 0 });
    const res = await api.post(`/api/v1/deals/${deal.id}/move`, { stageId: proposal.id });
    expect(res.status).toBe(422);
    expect(res.body.error).toEqual({
      code: 'stage_requirements',
      message: 'Before Proposal, fill in: value, contacts',
      field: 'value',
      details: { missing: ['value', 'contactIds'], stageId: proposal.id },
    });
    const vi = await apiAs(t.app, { ...headers, 'accept-language': 'vi' }).post(
      `/api/v1/deals/${deal.id}/move`,
      { stageId: proposal.id },
    );
    expect(vi.body.error.message).toBe('Trước khi vào Proposal, hãy điền: giá trị, người liên hệ');
    // Nothing moved; once filled in, the move goes through.
    expect((await api.get(`/api/v1/deals/${deal.id}`)).body.stageId).toBe(
      sales.stage('Prospecting').id,
    );
    const contact = await contactFactory(api);
    const filled = await api.patch(`/api/v1/deals/${deal.id}`, {
      version: deal.version,
      value: 500,
      contactIds: [contact.id],
    });
    expect(filled.status).toBe(200);
    expect((await api.post(`/api/v1/deals/${deal.id}/move`, { stageId: proposal.id })).status).toBe(
      200,
    );
  });

  it('never blocks reordering inside the stage a deal already sits in', async () => {
    const { api, sales } = await setup();
    const proposal = sales.stage('Proposal').id;
    const a = await dealFactory(api, { stageId: proposal, value: 0 });
    const b = await dealFactory(api, { stageId: proposal, value: 0 });
    await requireFields(api, proposal, { requiredFields: ['value'] });
    const res = await api.post(`/api/v1/deals/${a.id}/move`, { stageId: proposal, afterId: b.id });
    expect(res.status).toBe(200);
  });

  it('apply when a deal is created into the stage', async () => {
    const { api, sales } = await setup();
    const proposal = await requireFields(api, sales.stage('Proposal').id, {
      requiredFields: ['expectedCloseDate', 'source'],
    });
    const res = await api.post('/api/v1/deals', {
      title: 'New',
      stageId: proposal.id,
      source: ' ',
    });
    expect(res.status).toBe(422);
    expect(res.body.error).toMatchObject({
      code: 'stage_requirements',
      field: 'expectedCloseDate',
      details: { missing: ['expectedCloseDate', 'source'] },
    });
    const ok = await api.post('/api/v1/deals', {
      title: 'New',
      stageId: proposal.id,
      source: 'Referral',
      expectedCloseDate: '2026-12-01',
    });
    expect(ok.status).toBe(201);
  });

  it('apply when a deal is won by status into the won stage, to the deal as changed', async () => {
    const { api, sales } = await setup();
    await requireFields(api, sales.stage('Won').id, { requiredFields: ['companyId'] });
    const deal = await dealFactory(api);
    const refused = await api.patch(`/api/v1/deals/${deal.id}`, { version: 1, status: 'won' });
    expect(refused.status).toBe(422);
    expect(refused.body.error.field).toBe('companyId');
    const company = (await api.post('/api/v1/companies', { name: 'Acme' })).body;
    const won = await api.patch(`/api/v1/deals/${deal.id}`, {
      version: 1,
      status: 'won',
      companyId: company.id,
    });
    expect(won.status).toBe(200);
    expect(won.body).toMatchObject({ status: 'won', stageId: sales.stage('Won').id });
  });

  it('make a bulk stage change all or nothing, listing each deal that misses fields', async () => {
    const { api, sales } = await setup();
    const proposal = await requireFields(api, sales.stage('Proposal').id, {
      requiredFields: ['value'],
    });
    const good = await dealFactory(api, { title: 'Good', value: 10 });
    const bad = await dealFactory(api, { title: 'Bad', value: 0 });
    const res = await api.post('/api/v1/deals/bulk', {
      ids: [good.id, bad.id],
      set: { stageId: proposal.id },
    });
    expect(res.status).toBe(422);
    expect(res.body.error).toMatchObject({
      code: 'stage_requirements',
      message: 'Before Proposal, fill in the required fields of a deal; nothing was changed',
      field: 'ids',
      details: {
        stageId: proposal.id,
        count: 1,
        deals: [{ id: bad.id, title: 'Bad', missing: ['value'] }],
      },
    });
    const after = await api.get(`/api/v1/deals/${good.id}`);
    expect(after.body).toMatchObject({ stageId: sales.stage('Prospecting').id, version: 1 });
    // The same edit without the incomplete deal goes through.
    const ok = await api.post('/api/v1/deals/bulk', {
      ids: [good.id],
      set: { stageId: proposal.id },
    });
    expect(ok.status).toBe(200);
  });

  it('keep a stage that cannot hand its deals over to the target, and delete it once they can', async () => {
    const { api, sales } = await setup();
    const qualification = sales.stage('Qualification').id;
    const proposal = await requireFields(api, sales.stage('Proposal').id, {
      requiredFields: ['value'],
    });
    const bad = await dealFactory(api, { stageId: qualification, value: 0 });
    await dealFactory(api, { stageId: qualification, value: 5 });
    const url = `/api/v1/stages/${qualification}?moveDealsTo=${proposal.id}`;
    const refused = await api.delete(url);
    expect(refused.status).toBe(422);
    expect(refused.body.error).toMatchObject({
      code: 'stage_requirements',
      field: 'moveDealsTo',
      details: { count: 1, deals: [{ id: bad.id, missing: ['value'] }] },
    });
    expect((await salesPipeline(api)).stages.map((s) => s.id)).toContain(qualification);
    await api.patch(`/api/v1/deals/${bad.id}`, { version: 1, value: 1 });
    expect((await api.delete(url)).status).toBe(204);
  });
});
