import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { DigestTable } from '../../src/server/modules/imports/digest-table.js';

const digest = (text: string) => createHash('sha256').update(text).digest();

describe('the table of row digests', () => {
  it('answers what was set for each of many digests, through its growth, and nothing else', () => {
    const table = new DigestTable();
    for (let i = 0; i < 50_000; i++) table.set(digest(`id-${i}`), i + 1);
    table.set(digest('id-7'), 99);
    expect(table.get(digest('id-0'))).toBe(1);
    expect(table.get(digest('id-7'))).toBe(99);
    expect(table.get(digest('id-49999'))).toBe(50_000);
    expect(table.get(digest('id-50000'))).toBeUndefined();
    let found = 0;
    for (let i = 0; i < 50_000; i++) if (table.get(digest(`id-${i}`)) !== undefined) found++;
    expect(found).toBe(50_000);
    table.clear();
    expect(table.get(digest('id-0'))).toBeUndefined();
  });

  it('keeps a digest whose first bytes are all zero', () => {
    const table = new DigestTable();
    const zero = new Uint8Array(32);
    expect(table.get(zero)).toBeUndefined();
    table.set(zero, 5);
    expect(table.get(zero)).toBe(5);
  });
});
