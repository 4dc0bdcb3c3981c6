import { describe, expect, it } from 'vitest';
import { defaultCategory, effectiveCategory } from '../../src/domain/forecast/categories.js';

describe('forecast categories', () => {
  it.each([
    [0, 'pipeline'],
    [39, 'pipeline'],
    [40, 'best_case'],
    [69, 'best_case'],
    [70, 'commit'],
    [100, 'commit'],
  ] as const)('an open stage at %i%% defaults to %s', (probability, category) => {
    expect(defaultCategory({ kind: 'open', probability })).toBe(category);
  });

  it('closes won deals and omits lost ones, whatever their probability', () => {
    expect(defaultCategory({ kind: 'won', probability: 0 })).toBe('closed');
    expect(defaultCategory({ kind: 'lost', probability: 100 })).toBe('omitted');
  });

  it('lets an override win on open deals only', () => {
    expect(effectiveCategory({ kind: 'open', probability: 10 }, 'commit')).toBe('commit');
    expect(effectiveCategory({ kind: 'open', probability: 90 }, 'omitted')).toBe('omitted');
    expect(effectiveCategory({ kind: 'open', probability: 50 }, null)).toBe('best_case');
    expect(effectiveCategory({ kind: 'won', probability: 100 }, 'pipeline')).toBe('closed');
    expect(effectiveCategory({ kind: 'lost', probability: 0 }, 'commit')).toBe('omitted');
  });
});
