import { describe, expect, it } from 'vitest';

import { planKeyProblem, readParameters } from './params.js';
import { contentDisposition, statusOf } from './respond.js';

const ALL = ['year', 'unit', 'byCommune', 'bySex', 'frequency', 'target'] as const;

describe('the parameters of a download', () => {
  it('reads the year, unit and flags', () => {
    expect(readParameters({ year: '2025', unit: '05977', byCommune: 'true', bySex: '0' }, ALL)).toEqual({
      year: 2025,
      unitCode: '05977',
      byCommune: true,
      bySex: false,
      frequency: 'ANNUAL',
      targetCode: undefined,
    });
    expect(readParameters({ year: '2025', unit: '' }, ALL)).toEqual({
      year: 2025,
      unitCode: undefined,
      byCommune: false,
      bySex: false,
      frequency: 'ANNUAL',
      targetCode: undefined,
    });
    expect(readParameters({ year: '2025', target: 'a1-b1' }, ALL)).toMatchObject({ targetCode: 'a1-b1' });
    expect(readParameters({ year: '2025', frequency: 'final' }, ['year', 'frequency'])).toMatchObject({
      frequency: 'FINAL',
    });
  });

  it.each([
    [{}, 'year', 'REQUIRED'],
    [{ year: '20x5' }, 'year', 'NOT_A_WHOLE_NUMBER'],
    [{ year: ['2024', '2025'] }, 'year', 'WRONG_TYPE'],
    [{ year: '2025', unit: '2O' }, 'unit', 'MALFORMED_UNIT_CODE'],
    [{ year: '2025', byCommune: 'yes' }, 'byCommune', 'VALUE_NOT_ALLOWED'],
    [{ yaer: '2025' }, 'yaer', 'UNKNOWN_FIELD'],
    [{ year: '2025', frequency: 'MONTHLY' }, 'frequency', 'VALUE_NOT_ALLOWED'],
    [{ year: '2025', target: 'a1 b1' }, 'target', 'VALUE_NOT_ALLOWED'],
  ])('refuses %j: %s %s', (query, field, reason) => {
    expect(readParameters(query, ALL)).toMatchObject({ field, reason, message: expect.any(String) });
  });

  it('refuses parameters the path does not take, and a malformed plan key', () => {
    expect(readParameters({ bySex: 'true', year: '2025' }, ['year', 'unit'])).toMatchObject({
      field: 'bySex',
      reason: 'UNKNOWN_FIELD',
    });
    expect(planKeyProblem('lang-son-2019-de-an-1437')).toBeUndefined();
    expect(planKeyProblem('Lang Son')).toMatchObject({ field: 'planKey', reason: 'MALFORMED_PLAN_KEY' });
  });
});

describe('answers', () => {
  it('names the file in ASCII and in UTF-8 (RFC 5987)', () => {
    expect(contentDisposition('Báo cáo năm 2025 - lang-son.docx')).toBe(
      `attachment; filename="Bao cao nam 2025 - lang-son.docx"; filename*=UTF-8''B%C3%A1o%20c%C3%A1o%20n%C4%83m%202025%20-%20lang-son.docx`,
    );
    expect(contentDisposition('Đề án "1437".xlsx')).toMatch(
      /^attachment; filename="De an _1437_.xlsx"; filename\*=UTF-8''%C4%90%E1%BB%81/,
    );
  });

  it('gives each GraphQL error code its HTTP status', () => {
    expect(
      ['FORBIDDEN', 'BAD_USER_INPUT', 'NOT_FOUND', 'UNAUTHENTICATED', 'SUBGRAPH_UNAVAILABLE', 'X'].map(statusOf),
    ).toEqual([403, 400, 404, 401, 503, 500]);
  });
});
