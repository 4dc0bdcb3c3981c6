import { describe, expect, it } from 'vitest';
import { headers } from '../../src/server/modules/exports/deal-csv-columns.js';
import { mapColumns, MappingError } from '../../src/server/modules/imports/column-mapping.js';

const fieldsOf = (
  entity: 'deals' | 'companies' | 'contacts',
  header: string[],
  map: Record<string, string> = {},
) =>
  Object.fromEntries(
    [...mapColumns(entity, header, new Map(Object.entries(map))).columns].map(([f, c]) => [
      c.header,
      f,
    ]),
  );

describe('matching columns to fields', () => {
  it('matches every column of the deals export, in English and Vietnamese, except the computed ones', () => {
    for (const lang of ['en', 'vi'] as const) {
      const names = headers[lang];
      const matched = fieldsOf('deals', Object.values(names));
      expect(matched[names.title]).toBe('title');
      expect(matched[names.value]).toBe('value');
      expect(matched[names.createdAt]).toBe('createdAt');
      expect(matched[names.closedAt]).toBe('closedAt');
      expect(matched[names.stageEnteredAt]).toBe('stageEnteredAt');
      expect(matched[names.owner]).toBe('owner');
      expect(matched[names.contacts]).toBeUndefined();
      expect(matched[names.nextStep]).toBeUndefined();
    }
  });

  it('matches common names regardless of case, accents, "_" and "-"', () => {
    expect(
      fieldsOf('deals', ['OPPORTUNITY_ID', 'Deal Name', 'close-value', 'sales_agent']),
    ).toEqual({
      OPPORTUNITY_ID: 'externalId',
      'Deal Name': 'title',
      'close-value': 'value',
      sales_agent: 'owner',
    });
    expect(fieldsOf('contacts', ['First name', 'Surname', 'E-mail', 'Title'])).toEqual({
      'First name': 'firstName',
      Surname: 'lastName',
      'E-mail': 'email',
      Title: 'jobTitle',
    });
  });

  it('lets --map choose a field for a column, or ignore it', () => {
    expect(
      fieldsOf('deals', ['Name', 'Amount', 'Worth'], { name: 'title', Amount: '', Worth: 'value' }),
    ).toEqual({ Name: 'title', Worth: 'value' });
  });

  it('refuses a mapping it cannot follow, naming the column and the fields there are', () => {
    const problems = (header: string[], map: Record<string, string> = {}) => {
      try {
        mapColumns('deals', header, new Map(Object.entries(map)));
        return [];
      } catch (err) {
        if (err instanceof MappingError) return err.problems;
        throw err;
      }
    };
    expect(problems(['Amount'])).toEqual([
      'no column gives title; name one with --map "<column>=title"',
    ]);
    expect(problems(['Title', 'Amount', 'Value'])).toEqual([
      'columns "Amount" and "Value" both give value; choose one with --map "Value=" or --map "Amount="',
    ]);
    expect(problems(['Title'], { Worth: 'value' })[0]).toMatch(
      /the file has no column "Worth" \(it has "Title"\)/,
    );
    expect(problems(['Title', 'X'], { X: 'colour' })[0]).toMatch(
      /deals have no field "colour" \(they have externalId, title, /,
    );
  });
});
