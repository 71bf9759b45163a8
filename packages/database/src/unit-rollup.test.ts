import { describe, expect, it } from 'vitest';

import { levelsOfCodes } from './unit-rollup.js';

describe('levelsOfCodes', () => {
  it('tells the levels by the official codes’ lengths, in the order of LocationLevel', () => {
    expect(levelsOfCodes(['20', '25252', '25253'])).toEqual(['province', 'commune']);
    expect(levelsOfCodes(['178'])).toEqual(['district']);
  });

  it('gives every level when a code has no official length', () => {
    expect(levelsOfCodes(['20', '1234'])).toEqual(['province', 'district', 'commune']);
  });
});
