import { describe, expect, it } from 'vitest';
import { editDistance, suggest } from '../../src/semantics/suggest.js';

describe('suggest', () => {
  it('edit distance, with an early cut-off', () => {
    expect(editDistance('kitten', 'sitting')).toBe(3);
    expect(editDistance('', 'abc')).toBe(3);
    expect(editDistance('same', 'same')).toBe(0);
    expect(editDistance('abcdef', 'uvwxyz', 2)).toBe(3);
  });

  it('nearest close candidate; first wins ties; nothing when far', () => {
    expect(suggest('G7', ['G1', 'G2'])).toBe('G1');
    expect(suggest('Sn12', ['G1', 'Sn13'])).toBe('Sn13');
    expect(suggest('G7', ['Strategy'])).toBeUndefined();
    expect(suggest('g1', ['G2', 'G1'])).toBe('G1');
  });

  it('stops when the budget is spent', () => {
    const budget = { remaining: 1 };
    expect(suggest('G7', ['X', 'G1'], budget)).toBeUndefined();
  });
});
