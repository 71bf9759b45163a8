import { describe, expect, it } from 'vitest';

import { reaggregate } from './reaggregate.js';

describe('reaggregate across the 2025 reform', () => {
  it('sums numerators and denominators of merged communes, never averaging their percentages', () => {
    // 90/100 and 1/10 make 91/110 ≈ 82.7%; averaging the two percentages would say 50%.
    const result = reaggregate(
      [
        { unit: 'A', numerator: 90, denominator: 100 },
        { unit: 'B', numerator: 1, denominator: 10 },
      ],
      [
        { predecessor: 'A', successor: 'N' },
        { predecessor: 'B', successor: 'N' },
      ],
    );
    expect(result).toEqual([{ unit: 'N', numerator: 91, denominator: 110, from: ['A', 'B'], approximate: false }]);
  });

  it('sums counts', () => {
    const result = reaggregate(
      [
        { unit: 'A', numerator: 3, denominator: null },
        { unit: 'B', numerator: 4, denominator: null },
      ],
      [
        { predecessor: 'A', successor: 'N' },
        { predecessor: 'B', successor: 'N' },
      ],
    );
    expect(result).toEqual([{ unit: 'N', numerator: 7, denominator: null, from: ['A', 'B'], approximate: false }]);
  });

  it('attributes a split commune whole to the successor that kept its code, and marks it approximate', () => {
    const links = [
      { predecessor: 'S', successor: 'X' },
      { predecessor: 'S', successor: 'S' },
    ];
    expect(reaggregate([{ unit: 'S', numerator: 5, denominator: 8 }], links)).toEqual([
      { unit: 'S', numerator: 5, denominator: 8, from: ['S'], approximate: true },
    ]);
  });

  it('keeps a unit that has no successor link', () => {
    expect(reaggregate([{ unit: 'K', numerator: 1, denominator: 2 }], [])).toEqual([
      { unit: 'K', numerator: 1, denominator: 2, from: ['K'], approximate: false },
    ]);
  });
});
