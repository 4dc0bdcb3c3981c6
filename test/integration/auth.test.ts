import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { apiAs } from '../helpers/api.js';
import { createTestApp, userFactory, workspaceFactory, type TestApp } from '../helpers/test-app.js';

let t: TestApp;
beforeAll(async () => {
  t = await createTestApp();
});
afterAll(() => t?.close());

const cookieOf = (headers: Record<string, unknown>) => {
  const raw = headers['set-cookie'];
  const first = Array.isArray(raw) ? raw[0] : String(raw);
  return String(first).split(';')[0] as string;
};

describe('sign-up, login and logout', () => {
  it('signs up the first admin with a workspace and default pipelines, then uses the session', async () => {
    const anon = apiAs(t.app);
    const res = await anon.post('/api/v1/auth/signup', {
      workspaceName: 'Acme Sales',
      name: 'Lan Nguyễn',
      email: 'Lan@Example.com',
      password: 'correct horse battery',
    });
    expect(res.status).toBe(201);
    expect(res.body).toMatchObject({
      email: 'lan@example.com',
      role: 'admin',
      workspace: { name: 'Acme Sales' },
    });
    const setCookie = String(res.headers['set-cookie']);
    expect(setCookie).toMatch(/HttpOnly/i);
    expect(setCookie).toMatch(/SameSite=Lax/i);

    const session = apiAs(t.app, { cookie: cookieOf(res.headers) });
    expect((await session.get('/api/v1/auth/me')).body.email).toBe('lan@example.com');
    const pipelines = (await session.get('/api/v1/pipelines')).body.data;
    expect(pipelines.map((p: { name: string }) => p.name)).toEqual(['Sales', 'Post-purchase']);
    expect(pipelines[0].stages.map((s: { name: string }) => s.name)).toEqual([
      'Prospecting',
      'Qualification',
      'Demo / Meeting',
      'Proposal',
      'Negotiation & Commitment',
      'Won',
      'Lost',
    ]);
    expect(pipelines[1].stages.map((s: { name: string }) => s.name)).toEqual([
      'Onboarding',
      'Adoption',
      'Renewal due',
      'Expansion (upsell / cross-sell)',
      'Advocacy & referrals',
    ]);

    expect((await session.post('/api/v1/auth/logout')).status).toBe(204);
    expect((await session.get('/api/v1/auth/me')).status).toBe(401);
  });

  it('rejects a taken email, a short password and a malformed email, naming the field', async () => {
    const anon = apiAs(t.app);
    const short = await anon.post('/api/v1/auth/signup', {
      workspaceName: 'W',
      name: 'N',
      email: 'a@b.co',
      password: 'short',
    });
    expect(short.status).toBe(400);
    expect(short.body.error.field).toBe('password');
    const bad = await anon.post('/api/v1/auth/signup', {
      workspaceName: 'W',
      name: 'N',
      email: 'nope',
      password: 'long enough pw',
    });
    expect(bad.body.error.field).toBe('email');
    const taken = await anon.post('/api/v1/auth/signup', {
      workspaceName: 'W',
      name: 'N',
      email: 'lan@example.com',
      password: 'long enough pw',
    });
    expect(taken.status).toBe(409);
    expect(taken.body.error.field).toBe('email');
  });

  it('logs in with the right password and refuses the wrong one without saying which part was wrong', async () => {
    const anon = apiAs(t.app);
    const ok = await anon.post('/api/v1/auth/login', {
      email: 'lan@example.com',
      password: 'correct horse battery',
    });
    expect(ok.status).toBe(200);
    const wrong = await anon.post('/api/v1/auth/login', {
      email: 'lan@example.com',
      password: 'wrong password!',
    });
    expect(wrong.status).toBe(401);
    const unknown = await anon.post('/api/v1/auth/login', {
      email: 'nobody@example.com',
      password: 'wrong password!',
    });
    expect(unknown.status).toBe(401);
    expect(unknown.body.error.message).toBe(wrong.body.error.message);
  });

  it('rate limits repeated failed logins for an email, even with the right password afterwards', async () => {
    const { workspaceId } = await workspaceFactory(t.db);
    await userFactory(t.db, workspaceId, {
      email: 'target@example.com',
      password: 'the real password',
    });
    const anon = apiAs(t.app);
    for (let i = 0; i < 5; i++) {
      expect(
        (
          await anon.post('/api/v1/auth/login', {
            email: 'target@example.com',
            password: `guess ${i} xx`,
          })
        ).status,
      ).toBe(401);
    }
    const limited = await anon.post('/api/v1/auth/login', {
      email: 'target@example.com',
      password: 'the real password',
    });
    expect(limited.status).toBe(429);
    expect(limited.body.error.code).toBe('rate_limited');
    expect(limited.headers['retry-after']).toBeDefined();
  });
});

describe('API tokens', () => {
  it('creates, uses, lists and revokes a personal token', async () => {
    const { admin } = await workspaceFactory(t.db);
    const api = apiAs(t.app, admin.headers);
    const created = await api.post('/api/v1/tokens', { name: 'zapier' });
    expect(created.status).toBe(201);
    expect(created.body.token).toMatch(/^pw_/);
    const viaToken = apiAs(t.app, { authorization: `Bearer ${created.body.token}` });
    expect((await viaToken.get('/api/v1/auth/me')).status).toBe(200);
    const list = (await api.get('/api/v1/tokens')).body.data;
    expect(list.find((x: { id: string }) => x.id === created.body.id)).not.toHaveProperty('token');
    expect((await api.delete(`/api/v1/tokens/${created.body.id}`)).status).toBe(204);
    expect((await viaToken.get('/api/v1/auth/me')).status).toBe(401);
  });

  it('refuses a made-up bearer token', async () => {
    const res = await apiAs(t.app, { authorization: 'Bearer pw_madeup' }).get('/api/v1/deals');
    expect(res.status).toBe(401);
  });
});

describe('invitations', () => {
  it('invites by link, previews it, and accepting creates the user in the team and signs in', async () => {
    const { admin } = await workspaceFactory(t.db);
    const api = apiAs(t.app, admin.headers);
    const team = (await api.post('/api/v1/teams', { name: 'Hà Nội' })).body;
    const inv = await api.post('/api/v1/invitations', {
      email: 'new.rep@example.com',
      role: 'rep',
      teamId: team.id,
    });
    expect(inv.status).toBe(201);
    expect(inv.body.url).toContain(`/invite/${inv.body.token}`);
    const anon = apiAs(t.app);
    const preview = await anon.get(`/api/v1/invitations/${inv.body.token}`);
    expect(preview.body).toMatchObject({ email: 'new.rep@example.com', role: 'rep' });
    const accepted = await anon.post(`/api/v1/invitations/${inv.body.token}/accept`, {
      name: 'New Rep',
      password: 'a good password',
    });
    expect(accepted.status).toBe(201);
    expect(accepted.body.role).toBe('rep');
    const again = await anon.post(`/api/v1/invitations/${inv.body.token}/accept`, {
      name: 'Twice',
      password: 'a good password',
    });
    expect(again.status).toBe(404);
    const members = (await api.get(`/api/v1/teams/${team.id}`)).body.memberIds;
    expect(members).toContain(accepted.body.id);
  });

  it('revokes an open invitation so that its link stops working', async () => {
    const { admin } = await workspaceFactory(t.db);
    const api = apiAs(t.app, admin.headers);
    const inv = (await api.post('/api/v1/invitations', { email: 'gone@example.com' })).body;
    expect((await api.delete(`/api/v1/invitations/${inv.id}`)).status).toBe(204);
    expect((await apiAs(t.app).get(`/api/v1/invitations/${inv.token}`)).status).toBe(404);
  });

  it('lets reps invite nobody and managers invite reps only', async () => {
    const { workspaceId } = await workspaceFactory(t.db);
    const rep = await userFactory(t.db, workspaceId, { role: 'rep' });
    const manager = await userFactory(t.db, workspaceId, { role: 'manager' });
    expect(
      (await apiAs(t.app, rep.headers).post('/api/v1/invitations', { email: 'x@example.com' }))
        .status,
    ).toBe(403);
    expect(
      (
        await apiAs(t.app, manager.headers).post('/api/v1/invitations', {
          email: 'x@example.com',
          role: 'admin',
        })
      ).status,
    ).toBe(403);
    expect(
      (
        await apiAs(t.app, manager.headers).post('/api/v1/invitations', {
          email: 'x@example.com',
          role: 'rep',
        })
      ).status,
    ).toBe(201);
  });
});
