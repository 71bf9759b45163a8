import { describe, expect, it, vi } from 'vitest';

import { createInFlightLimit, TooManyInFlightError, type InFlightLimit } from './in-flight-limit.js';
import { isReason } from './input/reasons.js';

const settled = async <T>(promise: Promise<T>) => {
  let state = 'pending';
  promise.then(
    () => (state = 'admitted'),
    () => (state = 'rejected'),
  );
  await new Promise((resolve) => setTimeout(resolve, 0));
  return state;
};

const limitOf = (perCaller: number, queue: number): InFlightLimit => createInFlightLimit({ perCaller, queue })!;

describe('in-flight limit per caller', () => {
  it('admits up to its limit, queues the next in order and hands each freed turn to the first waiting', async () => {
    const limit = limitOf(2, 5);
    const first = await limit.enter('a');
    await limit.enter('a');
    const order: string[] = [];
    const third = limit.enter('a').then((leave) => (order.push('third'), leave));
    const fourth = limit.enter('a').then((leave) => (order.push('fourth'), leave));
    expect(limit.load('a')).toEqual({ running: 2, waiting: 2 });
    expect(await settled(third)).toBe('pending');
    first();
    expect(await settled(third)).toBe('admitted');
    expect(await settled(fourth)).toBe('pending');
    // Leaving twice gives back one turn only.
    first();
    expect(await settled(fourth)).toBe('pending');
    expect(limit.load('a')).toEqual({ running: 2, waiting: 1 });
    (await third)();
    expect(await settled(fourth)).toBe('admitted');
    expect(order).toEqual(['third', 'fourth']);
  });

  it('keeps each caller’s requests apart: one caller’s queue never delays another', async () => {
    const limit = limitOf(1, 3);
    await limit.enter('heavy');
    const queued = [limit.enter('heavy'), limit.enter('heavy'), limit.enter('heavy')];
    expect(await settled(limit.enter('light'))).toBe('admitted');
    for (const waiting of queued) expect(await settled(waiting)).toBe('pending');
    expect(limit.load('light')).toEqual({ running: 1, waiting: 0 });
    expect(limit.load('heavy')).toEqual({ running: 1, waiting: 3 });
  });

  it('refuses a caller past its queue with a typed error, the others untouched', async () => {
    const limit = limitOf(1, 1);
    await limit.enter('a');
    const waiting = limit.enter('a');
    const refused = await limit.enter('a').catch((error: unknown) => error);
    expect(refused).toBeInstanceOf(TooManyInFlightError);
    expect(refused).toMatchObject({ code: 'RATE_LIMITED', reason: 'TOO_MANY_IN_FLIGHT', limit: 1, queueLimit: 1 });
    expect(isReason((refused as TooManyInFlightError).reason)).toBe(true);
    expect((refused as Error).message).toMatch(/^Bạn đang có quá nhiều yêu cầu đang xử lý/);
    expect(await settled(waiting)).toBe('pending');
    expect(limit.load('a')).toEqual({ running: 1, waiting: 1 });
  });

  it('drops a waiter whose client left, with the abort’s reason, and gives its place to the next', async () => {
    const limit = limitOf(1, 1);
    const leave = await limit.enter('a');
    const controller = new AbortController();
    const aborted = limit.enter('a', controller.signal);
    controller.abort(new Error('client gone'));
    await expect(aborted).rejects.toThrow('client gone');
    // Its place in the queue is free again.
    const next = limit.enter('a');
    expect(limit.load('a')).toEqual({ running: 1, waiting: 1 });
    leave();
    expect(await settled(next)).toBe('admitted');
    await expect(limit.enter('a', controller.signal)).rejects.toThrow('client gone');
  });

  it('refuses a waiter past its longest wait, sent nowhere, and gives its place to the next', async () => {
    vi.useFakeTimers();
    try {
      const limit = createInFlightLimit({ perCaller: 1, queue: 2, maxWaitMs: 1_000 })!;
      const leave = await limit.enter('a');
      const late = limit.enter('a').catch((error: unknown) => error);
      await vi.advanceTimersByTimeAsync(999);
      const timely = limit.enter('a');
      expect(limit.load('a')).toEqual({ running: 1, waiting: 2 });
      await vi.advanceTimersByTimeAsync(1);
      expect(await late).toBeInstanceOf(TooManyInFlightError);
      expect(limit.load('a')).toEqual({ running: 1, waiting: 1 });
      leave();
      await expect(timely).resolves.toBeTypeOf('function');
    } finally {
      vi.useRealTimers();
    }
  });

  it('forgets a caller with nothing in flight, and is off at 0', async () => {
    const limit = limitOf(2, 2);
    const leaves = [await limit.enter('a'), await limit.enter('a')];
    const queued = limit.enter('a');
    leaves[0]!();
    (await queued)();
    leaves[1]!();
    expect(limit.load('a')).toEqual({ running: 0, waiting: 0 });
    // A turn given back after the caller was forgotten does not count against its next requests.
    leaves[1]!();
    await limit.enter('a');
    await limit.enter('a');
    expect(limit.load('a')).toEqual({ running: 2, waiting: 0 });

    expect(createInFlightLimit({ perCaller: 0, queue: 16 })).toBeUndefined();
  });
});
