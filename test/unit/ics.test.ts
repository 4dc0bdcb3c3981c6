import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { dateValue, escapeText, foldLine, utcStamp, writeCalendar } from '../../src/domain/ics.js';

const unfold = (text: string) => text.replace(/\r\n /g, '');

describe('escapeText', () => {
  it('escapes backslash, semicolon, comma and every kind of newline', () => {
    expect(escapeText('a\\b;c,d\ne\r\nf')).toBe('a\\\\b\\;c\\,d\\ne\\nf');
  });
});

describe('foldLine', () => {
  it('leaves a line of 75 octets alone and folds the 76th onto a continuation', () => {
    expect(foldLine('x'.repeat(75))).toBe('x'.repeat(75));
    expect(foldLine('x'.repeat(76))).toBe(`${'x'.repeat(75)}\r\n x`);
  });

  it('folds long Vietnamese lines between characters, never inside a UTF-8 sequence', () => {
    const line = `SUMMARY:${'Gọi lại cho chị Hương về hợp đồng phần mềm quản lý kho, '.repeat(4)}`;
    const folded = foldLine(line);
    const physical = folded.split('\r\n');
    expect(physical.length).toBeGreaterThan(3);
    for (const part of physical) {
      expect(Buffer.byteLength(part, 'utf8')).toBeLessThanOrEqual(75);
      // A split sequence would decode to U+FFFD.
      expect(Buffer.from(part, 'utf8').toString('utf8')).not.toContain('\uFFFD');
    }
    expect(unfold(folded)).toBe(line);
  });

  it('keeps every physical line within 75 octets and unfolds to the original', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'grapheme', maxLength: 300 }), (text) => {
        const folded = foldLine(text);
        for (const part of folded.split('\r\n')) {
          expect(Buffer.byteLength(part, 'utf8')).toBeLessThanOrEqual(75);
        }
        expect(unfold(folded)).toBe(text);
      }),
    );
  });
});

describe('dates', () => {
  it('writes UTC stamps and the calendar date in a zone', () => {
    const at = new Date('2026-03-09T17:00:00.000Z');
    expect(utcStamp(at)).toBe('20260309T170000Z');
    expect(dateValue(at, 'UTC')).toBe('20260309');
    expect(dateValue(at, 'Asia/Ho_Chi_Minh')).toBe('20260310');
  });
});

describe('writeCalendar', () => {
  const stamp = new Date('2026-03-01T00:00:00Z');
  const text = writeCalendar({
    name: 'Pipewright: Lan',
    dateZone: 'Asia/Ho_Chi_Minh',
    events: [
      {
        uid: 'a@pipewright',
        start: new Date('2026-03-10T02:00:00Z'),
        allDay: false,
        durationMinutes: 60,
        summary: 'Meeting: demo, pricing; next steps',
        description: 'line one\nline two',
        url: 'https://crm.example/deals/1',
        stamp,
      },
      {
        uid: 'b@pipewright',
        start: new Date('2026-03-10T17:00:00Z'),
        allDay: true,
        durationMinutes: 30,
        summary: 'Task: send quote',
        stamp,
      },
    ],
  });

  it('ends every line with CRLF and carries the calendar properties', () => {
    expect(text.endsWith('END:VCALENDAR\r\n')).toBe(true);
    expect(text.replace(/\r\n/g, '')).not.toMatch(/[\r\n]/);
    expect(text).toContain('VERSION:2.0\r\n');
    expect(text).toMatch(/PRODID:[^\r]+\r\n/);
    expect(text).toContain('X-WR-CALNAME:Pipewright: Lan\r\n');
  });

  it('writes timed events in UTC with their end, and all-day ones as dates in the zone', () => {
    expect(text).toContain('DTSTART:20260310T020000Z\r\nDTEND:20260310T030000Z\r\n');
    expect(text).toContain('SUMMARY:Meeting: demo\\, pricing\\; next steps\r\n');
    expect(text).toContain('DESCRIPTION:line one\\nline two\r\n');
    expect(text).toContain('URL:https://crm.example/deals/1\r\n');
    // 17:00Z on the 10th is already the 11th in Ho Chi Minh City.
    expect(text).toContain('DTSTART;VALUE=DATE:20260311\r\nDTEND;VALUE=DATE:20260312\r\n');
  });
});
