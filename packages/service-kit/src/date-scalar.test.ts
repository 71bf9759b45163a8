import { GraphQLError, Kind } from 'graphql';
import { describe, expect, it } from 'vitest';

import { DateScalar } from './date-scalar.js';
import { parseInputDate } from './dates.js';

describe('the Date scalar', () => {
  it('takes real calendar days of 1900-2100 as UTC midnight', () => {
    expect(DateScalar.parseValue('2024-02-29')).toEqual(new Date('2024-02-29T00:00:00.000Z'));
    expect(DateScalar.parseLiteral({ kind: Kind.STRING, value: '1900-01-01' })).toEqual(
      new Date('1900-01-01T00:00:00.000Z'),
    );
    expect(parseInputDate('2100-12-31')).toEqual(new Date('2100-12-31T00:00:00.000Z'));
  });

  it.each([
    '0000-01-01',
    '2021-02-30',
    '2023-02-29',
    '2021-13-01',
    '2021-04-31',
    '1899-12-31',
    '2101-01-01',
    '2021-1-1',
    '2021-01-01T00:00:00Z',
    '',
  ])('refuses %j as BAD_USER_INPUT with reason INVALID_DATE', (value) => {
    for (const parse of [
      () => DateScalar.parseValue(value),
      () => DateScalar.parseLiteral({ kind: Kind.STRING, value }),
    ]) {
      expect(parse).toThrow(GraphQLError);
      try {
        parse();
      } catch (error) {
        expect((error as GraphQLError).extensions).toMatchObject({ code: 'BAD_USER_INPUT', reason: 'INVALID_DATE' });
        expect((error as GraphQLError).message).toMatch(/^Ngày.* không hợp lệ/);
      }
    }
  });

  it('refuses what is not a string', () => {
    expect(() => DateScalar.parseValue(20210101)).toThrow(/không hợp lệ/);
    expect(() => DateScalar.parseLiteral({ kind: Kind.INT, value: '20210101' })).toThrow(/không hợp lệ/);
  });

  it('answers Dates and date strings as YYYY-MM-DD, whatever the year', () => {
    expect(DateScalar.serialize(new Date('2025-07-01T00:00:00.000Z'))).toBe('2025-07-01');
    expect(DateScalar.serialize('1850-03-01')).toBe('1850-03-01');
    expect(() => DateScalar.serialize(new Date(Number.NaN))).toThrow();
  });
});
