import { describe, expect, it } from 'vitest';

import { SeededRandom } from './random.js';

describe('SeededRandom', () => {
  it('repeats its sequence for the same seed and differs for another', () => {
    const a = new SeededRandom(42);
    const b = new SeededRandom(42);
    const c = new SeededRandom(43);
    const seqA = Array.from({ length: 5 }, () => a.next());
    expect(Array.from({ length: 5 }, () => b.next())).toEqual(seqA);
    expect(Array.from({ length: 5 }, () => c.next())).not.toEqual(seqA);
  });

  it('keeps integers in range and reaches both ends', () => {
    const random = new SeededRandom(1);
    const values = new Set(Array.from({ length: 500 }, () => random.int(1, 4)));
    expect([...values].sort()).toEqual([1, 2, 3, 4]);
  });

  it('forks independent streams by label', () => {
    const x = new SeededRandom(7).fork('health').next();
    const y = new SeededRandom(7).fork('education').next();
    expect(x).not.toBe(y);
    expect(new SeededRandom(7).fork('health').next()).toBe(x);
  });
});
