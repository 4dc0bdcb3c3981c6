import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { cli, tempDataDir } from '../helpers/processes.js';

describe('pipewright import <entity> <file>', () => {
  it('answers usage mistakes with exit 2, data problems with exit 1 and the row and column, and writes only clean files', () => {
    const dir = tempDataDir();
    const env = { PIPEWRIGHT_DATA_DIR: dir };
    expect(
      cli(
        [
          'user',
          'create',
          '--email',
          'boss@example.com',
          '--password',
          'long enough password',
          '--role',
          'admin',
        ],
        env,
      ).status,
    ).toBe(0);
    const file = (name: string, text: string) => {
      const path = join(dir, name);
      writeFileSync(path, text);
      return path;
    };
    const good = file(
      'deals.csv',
      'Deal name;Stage;Amount;Created\r\nA;Proposal;1.234,50;2024-01-02\r\nB;Won;10;2024-01-03\r\n',
    );

    const widgets = cli(['import', 'widgets', good], env);
    expect(widgets.status).toBe(2);
    expect(widgets.stderr).toContain(
      '"widgets" is not one of companies, contacts, deals, activities, maven-crm, undo',
    );
    const badMap = cli(['import', 'deals', good, '--map', 'Colour=title'], env);
    expect(badMap.status).toBe(2);
    expect(badMap.stderr).toContain('the file has no column "Colour"');
    expect(cli(['import', 'deals', join(dir, 'missing.csv')], env).status).toBe(2);

    const bad = cli(['import', 'deals', good], env);
    expect(bad.status).toBe(1);
    expect(bad.stderr).toContain(
      'row 3: closedAt is empty; a won deal needs the time it closed (the file has no column for it; name one with --map "<column>=closedAt")',
    );
    const broken = cli(['import', 'deals', file('broken.csv', 'Title,Value\nA,"1\n')], env);
    expect(broken.status).toBe(1);
    expect(broken.stderr).toContain(
      'line 2: a quoted field that starts here is never closed; nothing was imported',
    );

    const fixed = file(
      'fixed.csv',
      'Deal name;Stage;Amount;Created;Closed at\r\nA;Proposal;1.234,50;2024-01-02;\r\nB;Won;10;2024-01-03;2024-02-01\r\n',
    );
    const dry = cli(['import', 'deals', fixed, '--dry-run'], env);
    expect(dry.status, dry.stderr).toBe(0);
    expect(dry.stdout).toContain(
      'deals: 2 rows checked, no problems; 2 would be imported, 0 were imported before',
    );
    const real = cli(['import', 'deals', fixed], env);
    expect(real.status, real.stderr).toBe(0);
    expect(real.stdout).toContain('deals: 2 imported, 0 already imported before, in 1 batches');
    const undo = cli(['import', 'undo', 'fixed.csv'], env);
    expect(undo.stdout).toContain('Undone: 1 batches, 2 records removed');

    // Another CRM's export: the layout is recognised from the header row, and said so.
    const orgs = join(import.meta.dirname, '..', 'fixtures', 'crm-exports', 'pipedrive');
    const pipedrive = cli(
      ['import', 'companies', join(orgs, 'organizations.csv'), '--dry-run'],
      env,
    );
    expect(pipedrive.status, pipedrive.stderr).toBe(1);
    expect(pipedrive.stderr).toContain(
      'Reading the file as a Pipedrive companies export (recognised 4 of its columns; --preset none reads header names alone)',
    );
    // Its owners are not users here: a problem per row, each naming the column.
    expect(pipedrive.stderr).toContain(
      'row 2, column "Organization - Owner": no active user is called "Lan Nguyễn"',
    );
    const forced = cli(['import', 'companies', good, '--preset', 'zoho'], env);
    expect(forced.status).toBe(2);
    expect(forced.stderr).toContain(
      '--preset: "zoho" is not one of pipedrive, hubspot, salesforce, none',
    );
  }, 180_000);
});
