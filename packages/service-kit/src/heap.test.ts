import { getHeapStatistics } from 'node:v8';
import { describe, expect, it } from 'vitest';

import { ALLOCATOR_ENV, collectGarbage, withAllocatorEnv } from './heap.js';

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

describe('withAllocatorEnv', () => {
  it("gives a launched service glibc's settings beside the rest of the environment", () => {
    const env = withAllocatorEnv({ PATH: '/usr/bin', PORT: '4002' });
    expect(env).toEqual({ PATH: '/usr/bin', PORT: '4002', MALLOC_ARENA_MAX: '2', MALLOC_MMAP_THRESHOLD_: '131072' });
  });

  it('keeps the values an operator set', () => {
    const env = withAllocatorEnv({ MALLOC_ARENA_MAX: '4' });
    expect(env.MALLOC_ARENA_MAX).toBe('4');
    expect(env.MALLOC_MMAP_THRESHOLD_).toBe(ALLOCATOR_ENV.MALLOC_MMAP_THRESHOLD_);
  });
});
