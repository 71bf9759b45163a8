// @vitest-environment node
import { describe, expect, it } from 'vitest';

import { EDUCATION_COMPUTED } from '../../../../education/src/data/computed-indicators.ts';
import { SOCIAL_AFFAIRS_COMPUTED } from '../../../../ldtbxh/src/data/computed-indicators.ts';
import { COMPUTED_INDICATORS, takesAggregateFigure } from './computed-indicators.ts';

describe('the indicators offered for aggregate figures', () => {
  it('leave out exactly those each sector computes from its records', () => {
    expect([...COMPUTED_INDICATORS.EDUCATION].sort()).toEqual(Object.keys(EDUCATION_COMPUTED).sort());
    expect([...COMPUTED_INDICATORS.SOCIAL_AFFAIRS].sort()).toEqual(Object.keys(SOCIAL_AFFAIRS_COMPUTED).sort());
    expect(takesAggregateFigure('EDUCATION', 'UNDER5_DEVELOPING_ON_TRACK')).toBe(true);
    expect(takesAggregateFigure('EDUCATION', 'PRIMARY_DROPOUT')).toBe(false);
  });
});
