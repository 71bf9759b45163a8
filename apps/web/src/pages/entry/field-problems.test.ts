import { CombinedGraphQLErrors } from '@apollo/client';
import { describe, expect, it } from 'vitest';

import { parseDay, parseDecimal, problemsByField } from './field-problems.ts';

describe('the problems of a form', () => {
  it('go next to the field they name, the rest above the form', () => {
    const error = new CombinedGraphQLErrors({
      errors: [
        {
          message: 'Số đo có 2 lỗi; không có dữ liệu nào được ghi.',
          extensions: {
            code: 'BAD_USER_INPUT',
            field: 'input',
            reason: 'INVALID_GROWTH_MEASUREMENT',
            problems: [
              {
                field: 'input.weightKg',
                reason: 'TOO_MANY_DECIMALS',
                message: 'Cân nặng ghi tối đa 3 chữ số thập phân.',
              },
              { field: 'input.childRecordId', reason: 'UNKNOWN_CHILD_RECORD', message: 'Không có trẻ này.' },
            ],
          },
        },
      ],
    });
    const { byField, general } = problemsByField(error, ['weightKg', 'communeCode']);
    expect(byField.get('weightKg')?.map((p) => p.reason)).toEqual(['TOO_MANY_DECIMALS']);
    expect(byField.has('communeCode')).toBe(false);
    // A field the form does not show stays above it, with the refusal.
    expect(general.map((p) => p.reason)).toEqual(['INVALID_GROWTH_MEASUREMENT', 'UNKNOWN_CHILD_RECORD']);
  });

  it('read numbers as Vietnamese type them', () => {
    expect(parseDecimal('9,1')).toBe(9.1);
    expect(parseDecimal(' 76.5 ')).toBe(76.5);
    expect(parseDecimal('1200')).toBe(1200);
    expect(parseDecimal('9,1,2')).toBeNull();
    expect(parseDecimal('chín')).toBeNull();
  });

  it('read days as Vietnamese write them', () => {
    expect(parseDay('01/03/2024')).toBe('2024-03-01');
    expect(parseDay(' 1/3/2024 ')).toBe('2024-03-01');
    expect(parseDay('15.09.2025')).toBe('2025-09-15');
    expect(parseDay('2025-09-15')).toBe('2025-09-15');
    expect(parseDay('31/02/2025')).toBeNull();
    expect(parseDay('03/2024')).toBeNull();
    expect(parseDay('hôm qua')).toBeNull();
  });
});
