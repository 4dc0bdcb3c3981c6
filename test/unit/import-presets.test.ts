import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseDate, parseInstant } from '../../src/domain/import-values.js';
import {
  detectPreset,
  presetOverrides,
  presets,
} from '../../src/server/modules/imports/crm-presets.js';
import type { ImportableEntity } from '../../src/server/modules/imports/import-fields.js';

const fixtures = join(import.meta.dirname, '..', 'fixtures', 'crm-exports');
const headerOf = (crm: string, file: string) =>
  readFileSync(join(fixtures, crm, file), 'utf8')
    .split('\n')[0]!
    .split(',');
const detected = (entity: ImportableEntity, headers: string[]) => {
  const found = detectPreset(entity, headers);
  return found && [found.preset.id, found.recognised];
};

describe('detecting a CRM export from its header row', () => {
  it('knows each fixture file for the entity it holds', () => {
    expect(detected('companies', headerOf('pipedrive', 'organizations.csv'))).toEqual([
      'pipedrive',
      4,
    ]);
    expect(detected('contacts', headerOf('pipedrive', 'persons.csv'))).toEqual(['pipedrive', 10]);
    expect(detected('deals', headerOf('pipedrive', 'deals.csv'))).toEqual(['pipedrive', 19]);
    expect(detected('companies', headerOf('hubspot', 'companies.csv'))).toEqual(['hubspot', 8]);
    expect(detected('contacts', headerOf('hubspot', 'contacts.csv'))).toEqual(['hubspot', 10]);
    expect(detected('deals', headerOf('hubspot', 'deals.csv'))).toEqual(['hubspot', 14]);
    expect(detected('companies', headerOf('salesforce', 'Account.csv'))).toEqual(['salesforce', 8]);
    expect(detected('contacts', headerOf('salesforce', 'Contact.csv'))).toEqual(['salesforce', 10]);
    expect(detected('deals', headerOf('salesforce', 'Opportunity.csv'))).toEqual([
      'salesforce',
      16,
    ]);
  });

  it('knows a Salesforce report exported with field labels', () => {
    const report = [
      'Opportunity Name',
      'Account Name',
      'Stage',
      'Amount',
      'Close Date',
      'Opportunity Owner',
    ];
    expect(detected('deals', report)).toEqual(['salesforce', 6]);
  });

  it('leaves alone its own export, a plain file, activities and a file of another entity', () => {
    const ownExport = [
      'Id',
      'Title',
      'Pipeline',
      'Stage',
      'Status',
      'Value',
      'Currency',
      'Owner',
      'Company',
      'Closed at',
    ];
    expect(detectPreset('deals', ownExport)).toBeNull();
    expect(detectPreset('contacts', ['Name', 'Email', 'Phone', 'Company'])).toBeNull();
    // The companies and contacts exports (GET /companies/export.csv, pipewright export).
    const own = ['Id', 'Name', 'Website', 'Phone', 'Industry', 'Address', 'Owner'];
    expect(detectPreset('companies', own)).toBeNull();
    const people = ['Id', 'Name', 'Email', 'Phone', 'Job title', 'Company', 'Owner'];
    expect(detectPreset('contacts', people)).toBeNull();
    expect(detectPreset('activities', headerOf('pipedrive', 'deals.csv'))).toBeNull();
    expect(detectPreset('deals', headerOf('hubspot', 'contacts.csv'))).toBeNull();
  });
});

describe('a preset as column choices', () => {
  it("gives each field its first column, keeps the others as stand-ins and yields to the user's --map", () => {
    const headers = [
      'Person - Name',
      'Person - Email - Work',
      'Person - Email - Home',
      'Person - Owner',
    ];
    const read = presetOverrides(
      presets.pipedrive,
      'contacts',
      headers,
      new Map([['Person - Owner', '']]),
    );
    expect(Object.fromEntries(read.overrides)).toEqual({
      'Person - Name': 'name',
      'Person - Email - Work': 'email',
      'Person - Email - Home': '',
      'Person - Owner': '',
    });
    expect(Object.fromEntries(read.alternates)).toEqual({ email: ['Person - Email - Home'] });
  });

  it('keeps the stand-ins when the whole mapping comes back unchanged (the web wizard)', () => {
    const headers = ['Person - Name', 'Person - Phone - Work', 'Person - Phone - Mobile'];
    const first = presetOverrides(presets.pipedrive, 'contacts', headers, new Map());
    const back = presetOverrides(presets.pipedrive, 'contacts', headers, first.overrides);
    expect(Object.fromEntries(back.alternates)).toEqual({ phone: ['Person - Phone - Mobile'] });
    const moved = new Map([...first.overrides, ['Person - Phone - Work', '']]);
    expect(presetOverrides(presets.pipedrive, 'contacts', headers, moved).alternates.size).toBe(0);
  });

  it('ignores a column it does not name whose header alone would give a field it gave', () => {
    const read = presetOverrides(presets.hubspot, 'deals', ['Deal Name', 'Title'], new Map());
    expect(Object.fromEntries(read.overrides)).toEqual({ 'Deal Name': 'title', Title: '' });
  });
});

describe('dates as CRMs write them', () => {
  it('reads slash dates in the order the preset says, with AM and PM', () => {
    expect(parseDate('2/1/2024', 'mdy')).toEqual({ ok: true, value: '2024-02-01' });
    expect(parseDate('2/1/2024', 'dmy')).toEqual({ ok: true, value: '2024-01-02' });
    expect(parseDate('2/30/2024', 'mdy')).toEqual({
      ok: false,
      message: '"2/30/2024" is not a date that exists',
    });
    expect(parseDate('2/1/2024').ok).toBe(false);
    const instant = (text: string) => {
      const parsed = parseInstant(text, 'Asia/Ho_Chi_Minh', 'mdy');
      return parsed.ok ? parsed.value.toISOString() : parsed.message;
    };
    expect(instant('1/15/2024 11:00 AM')).toBe('2024-01-15T04:00:00.000Z');
    expect(instant('1/15/2024 12:30 PM')).toBe('2024-01-15T05:30:00.000Z');
    expect(instant('1/15/2024 12:30 AM')).toBe('2024-01-14T17:30:00.000Z');
    expect(instant('1/15/2024 13:30 PM')).toBe('"1/15/2024 13:30 PM" is not a time that exists');
    expect(instant('2024-01-15T04:00:00.000Z')).toBe('2024-01-15T04:00:00.000Z');
  });
});
