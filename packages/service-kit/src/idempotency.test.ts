import { describe, expect, it } from 'vitest';

import { idempotencyKeyOf, requestHash } from './idempotency.js';

describe('idempotencyKeyOf', () => {
  it('takes 8-128 characters of A-Z, a-z, 0-9, "_" and "-", a UUID among them', () => {
    for (const key of ['3f1c9a52-6a0e-4b8e-9d35-0c1f6f7c2b1d', 'Ab3_-xyz', 'k'.repeat(128)])
      expect(idempotencyKeyOf(key)).toBe(key);
    expect(idempotencyKeyOf(undefined)).toBeUndefined();
  });

  it('refuses anything else as BAD_USER_INPUT with HTTP 400', () => {
    for (const key of ['', 'short12', 'k'.repeat(129), 'has a space', 'a,b,c,d,e', 'khóa-mới-123', 'key\nnext'])
      expect(() => idempotencyKeyOf(key)).toThrow(
        expect.objectContaining({
          extensions: expect.objectContaining({
            code: 'BAD_USER_INPUT',
            reason: 'MALFORMED_IDEMPOTENCY_KEY',
            http: { status: 400 },
          }) as unknown,
        }),
      );
  });
});

describe('requestHash', () => {
  const request = {
    query: 'mutation M($i: In!) { m(i: $i) { id } }',
    operationName: 'M',
    variables: { i: { a: 1, b: [1, { c: 2, d: 3 }] } },
  };

  it('is the same whatever the order of the variables’ fields', () => {
    expect(requestHash({ ...request, variables: { i: { b: [1, { d: 3, c: 2 }], a: 1 } } })).toBe(requestHash(request));
  });

  it('differs with the query, the operation name or any variable', () => {
    const hash = requestHash(request);
    expect(requestHash({ ...request, query: 'mutation M($i: In!) { m(i: $i) { id name } }' })).not.toBe(hash);
    expect(requestHash({ ...request, operationName: null })).not.toBe(hash);
    expect(requestHash({ ...request, variables: { i: { a: 2, b: [1, { c: 2, d: 3 }] } } })).not.toBe(hash);
    expect(requestHash({ ...request, variables: { i: { a: 1, b: [{ c: 2, d: 3 }, 1] } } })).not.toBe(hash);
  });
});
