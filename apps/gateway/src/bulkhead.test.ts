import { describe, expect, it } from 'vitest';

import { createBulkhead } from './bulkhead.js';

const settled = async <T>(promise: Promise<T>) => {
  let state = 'pending';
  promise.then(
    () => (state = 'admitted'),
    () => (state = 'rejected'),
  );
  await new Promise((resolve) => setTimeout(resolve, 0));
  return state;
};

describe('bulkhead', () => {
  it('admits up to its limit and then one waiter per call that leaves, in order', async () => {
    const bulkhead = createBulkhead(2);
    const first = await bulkhead.enter(undefined, false);
    await bulkhead.enter(undefined, false);
    const third = bulkhead.enter(undefined, false);
    const fourth = bulkhead.enter(undefined, false);
    expect(bulkhead.load).toEqual({ running: 2, waiting: 2 });
    expect(await settled(third)).toBe('pending');
    first();
    expect(await settled(third)).toBe('admitted');
    expect(await settled(fourth)).toBe('pending');
    // Leaving twice gives back one turn only.
    first();
    expect(await settled(fourth)).toBe('pending');
    expect(bulkhead.load).toEqual({ running: 2, waiting: 1 });
  });

  it('lets a request already under way go before new ones', async () => {
    const bulkhead = createBulkhead(1);
    const leave = await bulkhead.enter(undefined, false);
    const order: string[] = [];
    const fresh = bulkhead.enter(undefined, false).then((out) => (order.push('fresh'), out));
    const continuing = bulkhead.enter(undefined, true).then((out) => (order.push('continuing'), out));
    leave();
    (await continuing)();
    (await fresh)();
    expect(order).toEqual(['continuing', 'fresh']);
    expect(bulkhead.load).toEqual({ running: 0, waiting: 0 });
  });

  it('drops a waiter whose request is aborted, with the abort’s reason, and gives its turn to the next', async () => {
    const bulkhead = createBulkhead(1);
    const leave = await bulkhead.enter(undefined, false);
    const controller = new AbortController();
    const aborted = bulkhead.enter(controller.signal, false);
    const next = bulkhead.enter(undefined, false);
    controller.abort(new Error('deadline'));
    await expect(aborted).rejects.toThrow('deadline');
    expect(bulkhead.load).toEqual({ running: 1, waiting: 1 });
    leave();
    expect(await settled(next)).toBe('admitted');
    await expect(bulkhead.enter(controller.signal, false)).rejects.toThrow('deadline');
  });
});
