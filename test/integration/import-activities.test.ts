import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { importText } from '../helpers/import.js';
import { createTestApp, workspaceFactory, type TestApp } from '../helpers/test-app.js';

let t: TestApp;
beforeAll(async () => {
  t = await createTestApp();
});
afterAll(() => t?.close());

describe('importing activities', () => {
  it('links them to deals by their import ids, contacts by email and companies by name', async () => {
    const { workspaceId, admin } = await workspaceFactory(t.db);
    const ws = { workspaceId, actorId: admin.id };
    await importText(
      t.db,
      ws,
      'deals',
      'Deal id,Title,Company\nD-1,Kế toán,Vinamilk\nD-2,ERP,FPT\n',
      { source: 'deals.csv' },
    );
    await importText(t.db, ws, 'contacts', 'Name,Email,Company\nAn,an@vinamilk.vn,Vinamilk\n', {
      source: 'contacts.csv',
    });
    const now = new Date('2025-06-01T00:00:00Z');
    const file = [
      'Type,Subject,Deal,Contact,Company,Due,Done,Duration,Notes',
      'call,First call,D-1,AN@vinamilk.vn,,2025-05-02 10:00,yes,,"Asked for a demo,\nnext week"',
      'meeting,Demo,D-1,,,2025-05-09 14:00,yes,45,',
      'task,Send the offer,D-1,,,2025-06-10 09:00,,,',
      'note,Background,,,FPT,,,,Big account',
    ].join('\n');
    const bad = await importText(
      t.db,
      ws,
      'activities',
      file.replace('D-1,,,2025-06-10', 'D-9,,,2025-06-10').replace('meeting,Demo', 'call,Demo'),
      { source: 'activities.csv', now },
    );
    // Row 2 holds a quoted line break, so from row 3 on the line is one further than the row.
    expect(bad.problems.map((p) => [p.row, p.line, p.column])).toEqual([
      [3, 4, 'Duration'],
      [4, 5, 'Deal'],
    ]);
    expect(bad.problems[1]?.message).toBe(
      'no deal "D-9" in this workspace (deals are found by the id they were imported with)',
    );

    expect(
      await importText(t.db, ws, 'activities', file, { source: 'activities.csv', now }),
    ).toMatchObject({ created: 4, problemCount: 0 });
    const rows = await t.db
      .selectFrom('activities')
      .selectAll()
      .where('workspace_id', '=', workspaceId)
      .orderBy('subject')
      .execute();
    const bySubject = Object.fromEntries(rows.map((r) => [r.subject, r]));
    const deal = await t.db
      .selectFrom('deals')
      .select(['id', 'last_activity_at'])
      .where('workspace_id', '=', workspaceId)
      .where('title', '=', 'Kế toán')
      .executeTakeFirstOrThrow();
    expect(bySubject['First call']).toMatchObject({
      type: 'call',
      deal_id: deal.id,
      done: true,
      body: 'Asked for a demo,\nnext week',
    });
    expect(bySubject['First call']?.contact_id).not.toBeNull();
    expect(bySubject['Demo']).toMatchObject({
      duration_minutes: 45,
      done: true,
      owner_id: admin.id,
    });
    expect(bySubject['Send the offer']).toMatchObject({ done: false, done_at: null });
    // Notes record something that happened: done, at the time of the import when no time is given.
    expect(bySubject['Background']).toMatchObject({ done: true, done_at: now, deal_id: null });
    expect(bySubject['Background']?.company_id).not.toBeNull();
    // The demo (done 2025-05-09 14:00 in UTC+7) is the deal's last activity.
    expect(deal.last_activity_at?.toISOString()).toBe('2025-05-09T07:00:00.000Z');
  });
});
