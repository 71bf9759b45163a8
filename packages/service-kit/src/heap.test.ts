import { getHeapStatistics } from 'node:v8';
import { describe, expect, it } from 'vitest';

import { collectGarbage } from './heap.js';

describe('collectGarbage', () => {
  it('frees the garbage of the work before it at once', () => {
    let held: { i: number; s: string }[] | undefined = Array.from({ length: 300_000 }, (_, i) => ({ i, s: `x${i}` }));
    const holding = getHeapStatistics().used_heap_size;
    expect(held.length).toBe(300_000);
    held = undefined;
    collectGarbage();
    expect(getHeapStatistics().used_heap_size).toBeLessThan(holding - 10 * 1024 * 1024);
  });
});
