import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { apiAs } from '../helpers/api.js';
import { createTestApp, userFactory, workspaceFactory, type TestApp } from '../helpers/test-app.js';

let t: TestApp;
beforeAll(async () => {
  t = await createTestApp();
});
afterAll(() => t?.close());

const good = 'Deal name,Amount,Notes\r\nAlpha,"1,200.50",x\r\nBeta,300,y\r\n';
const bad = 'Deal name,Amount,Notes\r\nAlpha,12,x\r\nBeta,lots,y\r\n';

describe('the import API (the web wizard)', () => {
  it('previews, dry-runs, imports once, and undoes a file', async () => {
    const { workspaceId, admin } = await workspaceFactory(t.db);
    const api = apiAs(t.app, admin.headers);
    const deals = () =>
      t.db.selectFrom('deals').select('title').where('workspace_id', '=', workspaceId).execute();

    const preview = await api.post('/api/v1/imports/deals/preview', {
      fileName: 'deals.csv',
      csv: good,
    });
    expect(preview.status).toBe(200);
    expect(preview.body.mapping).toEqual({ 'Deal name': 'title', Amount: 'value', Notes: null });
    expect(preview.body.sample).toEqual([
      ['Alpha', '1,200.50', 'x'],
      ['Beta', '300', 'y'],
    ]);
    const remapped = await api.post('/api/v1/imports/deals/preview', {
      fileName: 'deals.csv',
      csv: good,
      map: { Notes: 'source' },
    });
    expect(remapped.body.mapping.Notes).toBe('source');

    const dry = await api.post('/api/v1/imports/deals', {
      fileName: 'deals.csv',
      csv: bad,
      dryRun: true,
    });
    expect(dry.status).toBe(200);
    expect(dry.body.problems).toEqual([
      expect.objectContaining({
        row: 3,
        column: 'Amount',
        message: expect.stringContaining('lots'),
      }),
    ]);
    const refused = await api.post('/api/v1/imports/deals', { fileName: 'deals.csv', csv: bad });
    expect(refused.body).toMatchObject({ problemCount: 1, batchIds: [] });
    expect(await deals()).toEqual([]);

    const run = await api.post('/api/v1/imports/deals', {
      fileName: 'deals.csv',
      csv: good,
      map: { Notes: 'source' },
    });
    expect(run.body).toMatchObject({ rows: 2, created: 2, problemCount: 0, source: 'deals.csv' });
    const again = await api.post('/api/v1/imports/deals', {
      fileName: 'deals.csv',
      csv: good,
      map: { Notes: 'source' },
    });
    expect(again.body).toMatchObject({ created: 0, alreadyImported: 2 });
    expect((await deals()).map((d) => d.title).sort()).toEqual(['Alpha', 'Beta']);

    const undo = await api.post('/api/v1/imports/undo', { source: 'deals.csv' });
    expect(undo.body).toEqual({ batches: 1, records: 2 });
    expect(await deals()).toEqual([]);
    expect((await api.post('/api/v1/imports/undo', { source: 'deals.csv' })).status).toBe(404);
  });

  it('names what is wrong: a map to no column, unreadable CSV, a rep, an unknown entity', async () => {
    const { workspaceId, admin } = await workspaceFactory(t.db);
    const api = apiAs(t.app, admin.headers);
    const noColumn = await api.post('/api/v1/imports/deals', {
      fileName: 'd.csv',
      csv: good,
      map: { Owner: 'owner' },
    });
    expect(noColumn.status).toBe(422);
    expect(noColumn.body.error.field).toBe('map');
    expect(noColumn.body.error.details.problems[0]).toContain('no column "Owner"');
    const noTitle = await api.post('/api/v1/imports/deals', {
      fileName: 'd.csv',
      csv: 'Amount\r\n1\r\n',
    });
    expect(noTitle.status).toBe(422);
    expect(noTitle.body.error.details.problems[0]).toContain('title');
    const rep = await userFactory(t.db, workspaceId, { role: 'rep' });
    const asRep = await apiAs(t.app, rep.headers).post('/api/v1/imports/deals', {
      fileName: 'd.csv',
      csv: good,
    });
    expect(asRep.status).toBe(403);
    expect((await api.post('/api/v1/imports/users', { fileName: 'u.csv', csv: good })).status).toBe(
      400,
    );
    expect((await api.post('/api/v1/imports/deals', { fileName: 'd.csv', csv: '' })).status).toBe(
      400,
    );
  });

  it('streams progress lines while a run works, then the report; column problems are a plain 422', async () => {
    const { admin } = await workspaceFactory(t.db);
    const rows = Array.from({ length: 3000 }, (_, i) => `Deal ${i},${i}`).join('\r\n');
    const res = await t.app.inject({
      method: 'POST',
      url: '/api/v1/imports/deals/run',
      headers: admin.headers,
      payload: { fileName: 'big.csv', csv: `Title,Value\r\n${rows}\r\n` },
    });
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toContain('application/x-ndjson');
    const lines = res.body
      .trim()
      .split('\n')
      .map((l) => JSON.parse(l) as Record<string, unknown>);
    const last = lines.at(-1)!;
    expect(last).toMatchObject({ type: 'report', rows: 3000, created: 3000, problemCount: 0 });
    expect(lines[0]).toMatchObject({ type: 'progress', phase: 'checking' });
    for (const line of lines.slice(0, -1)) {
      expect(line.type).toBe('progress');
      expect(line.bytes as number).toBeLessThanOrEqual(line.totalBytes as number);
    }

    const badMap = await t.app.inject({
      method: 'POST',
      url: '/api/v1/imports/deals/run',
      headers: { ...admin.headers, 'accept-language': 'vi' },
      payload: { fileName: 'd.csv', csv: good, map: { Owner: 'owner' } },
    });
    expect(badMap.statusCode).toBe(422);
    expect(badMap.json().error.message).toBe('Các cột không khớp với các trường');
  });
});
