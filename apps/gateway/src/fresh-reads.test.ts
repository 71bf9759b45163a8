import { describe, expect, it } from 'vitest';

import { freshReads } from './fresh-reads.js';

/** A value read through a controllable source: each read resolves when `finish` is called. */
function source() {
  let value = 0;
  const pending: (() => void)[] = [];
  let started = 0;
  const read = () => {
    started++;
    const seen = value;
    return new Promise<number>((resolve) => pending.push(() => resolve(seen)));
  };
  const finishOne = async () => {
    pending.shift()?.();
    // Lets the awaiting callers and the next read start.
    for (let i = 0; i < 5; i++) await Promise.resolve();
  };
  return { read, finishOne, write: () => value++, started: () => started };
}

describe('freshReads', () => {
  it('starts a read at once when none runs', async () => {
    const s = source();
    const fresh = freshReads(s.read);
    const answer = fresh();
    expect(s.started()).toBe(1);
    await s.finishOne();
    await expect(answer).resolves.toBe(0);
  });

  it('never answers a caller with a read that started before it asked', async () => {
    const s = source();
    const fresh = freshReads(s.read);
    const first = fresh();
    s.write();
    // Asked after the write, while the first read (which saw the old value) still runs.
    const second = fresh();
    const third = fresh();
    await s.finishOne();
    await expect(first).resolves.toBe(0);
    expect(s.started()).toBe(2);
    await s.finishOne();
    await expect(second).resolves.toBe(1);
    await expect(third).resolves.toBe(1);
  });

  it('serves everyone who asked during one read with one more read', async () => {
    const s = source();
    const fresh = freshReads(s.read);
    const answers = [fresh(), fresh(), fresh(), fresh(), fresh()];
    await s.finishOne();
    await s.finishOne();
    await Promise.all(answers);
    expect(s.started()).toBe(2);
  });

  it('passes a failed read to its callers only, and reads again for the next', async () => {
    let fail = true;
    const fresh = freshReads(() => (fail ? Promise.reject(new Error('down')) : Promise.resolve('v')));
    await expect(fresh()).rejects.toThrow('down');
    fail = false;
    await expect(fresh()).resolves.toBe('v');
  });
});
