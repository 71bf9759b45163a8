import { afterEach, describe, expect, it, vi } from 'vitest';

import { VerifiedTokens } from './verified-tokens.js';

const inSeconds = (seconds: number) => Math.floor(Date.now() / 1000) + seconds;

describe('VerifiedTokens', () => {
  afterEach(() => vi.useRealTimers());

  it('gives a remembered token back until its time runs out, then forgets it', () => {
    vi.useFakeTimers({ toFake: ['Date'] });
    const tokens = new VerifiedTokens<string>(10);
    tokens.set('a', 'alice', inSeconds(60));
    expect(tokens.get('a')).toBe('alice');
    expect(tokens.get('b')).toBeUndefined();
    vi.setSystemTime(Date.now() + 61_000);
    expect(tokens.get('a')).toBeUndefined();
  });

  it('never remembers a token whose time has already run out', () => {
    const tokens = new VerifiedTokens<string>(10);
    tokens.set('a', 'alice', inSeconds(-1));
    expect(tokens.get('a')).toBeUndefined();
  });

  it('keeps at most its capacity, forgetting the least recently verified first', () => {
    const tokens = new VerifiedTokens<number>(2);
    tokens.set('a', 1, inSeconds(60));
    tokens.set('b', 2, inSeconds(60));
    tokens.set('a', 1, inSeconds(60));
    tokens.set('c', 3, inSeconds(60));
    expect([tokens.get('a'), tokens.get('b'), tokens.get('c')]).toEqual([1, undefined, 3]);
  });
});
