import { GraphQLError } from 'graphql';
import { describe, expect, it } from 'vitest';

import { assertUnitCode } from './unit-code.js';

describe('assertUnitCode', () => {
  it.each(['20', '178', '05977', ' 20 '])('accepts %j', (code) => {
    expect(assertUnitCode(code)).toBe(code.trim());
  });

  it.each(['2', '2000', '123456', 'LS', '', '20a'])('rejects %j with a typed error naming the field', (code) => {
    try {
      assertUnitCode(code, 'scope.code');
      expect.unreachable();
    } catch (error) {
      expect(error).toBeInstanceOf(GraphQLError);
      expect((error as GraphQLError).extensions).toMatchObject({
        code: 'BAD_USER_INPUT',
        field: 'scope.code',
        reason: 'MALFORMED_UNIT_CODE',
      });
    }
  });
});
