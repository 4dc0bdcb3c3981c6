import { describe, expect, it } from 'vitest';
import { importProgress } from '../../src/cli/import-progress.js';

function fakeStream(isTTY: boolean) {
  const written: string[] = [];
  const stream = {
    isTTY,
    write: (s: string) => written.push(s) > 0,
  } as unknown as NodeJS.WriteStream;
  return { stream, written };
}

describe('import progress', () => {
  it('writes a plain line at each tenth of the file when not on a terminal', () => {
    const { stream, written } = fakeStream(false);
    const p = importProgress(1000, stream);
    p.phase('Importing deals');
    for (let bytes = 50; bytes <= 1000; bytes += 50) p.bytes(bytes);
    p.rows(800);
    p.finish();
    expect(written.every((l) => l.endsWith('\n') && !l.includes('\r'))).toBe(true);
    // One line as each tenth is reached (the first at 5%), and a last one with the final count.
    expect(written[0]).toBe('Importing deals: 5% of the file, 0 rows\n');
    expect(written).toHaveLength(12);
    expect(written.at(-1)).toBe('Importing deals: 100% of the file, 800 rows\n');
  });

  it('redraws one line with a bar on a terminal, ending it when the pass ends', () => {
    const { stream, written } = fakeStream(true);
    const p = importProgress(200, stream);
    p.phase('Checking deals');
    p.bytes(100);
    p.finish();
    expect(written[0]).toMatch(/^\rChecking deals █{15}░{15} 50%/);
    expect(written.at(-2)).toMatch(/^\rChecking deals █{30} 100%/);
    expect(written.at(-1)).toBe('\n');
  });
});
