import { describe, expect, it } from 'vitest';

import { childKeyFromInput, childKeyOf } from './child-key.js';

const SECRET = 'a-test-secret-of-at-least-thirty-two-characters';

describe('childKeyOf', () => {
  it('gives the same key for the same number under the same secret, and a different one under another', () => {
    const key = childKeyOf('001219012345', SECRET);
    expect(childKeyOf('001219012345', SECRET)).toBe(key);
    expect(childKeyOf('001219012345', `${SECRET}-other`)).not.toBe(key);
    expect(childKeyOf('001219012346', SECRET)).not.toBe(key);
  });

  it('does not contain the number', () => {
    const key = childKeyOf('001219012345', SECRET);
    expect(key).toMatch(/^[A-Za-z0-9_-]{43}$/);
    expect(key).not.toContain('001219012345');
  });
});

describe('childKeyFromInput', () => {
  it.each(['12345678901', '1234567890123', '00121901234a', ''])(
    'rejects %j with a typed error naming the field',
    (personalId) => {
      expect(() => childKeyFromInput(personalId, SECRET, 'input.personalId')).toThrow(
        expect.objectContaining({
          extensions: expect.objectContaining({
            code: 'BAD_USER_INPUT',
            field: 'input.personalId',
            reason: 'INVALID_PERSONAL_ID',
          }),
        }),
      );
    },
  );
});
