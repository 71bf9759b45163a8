import { describe, expect, it } from 'vitest';

import { fromColumns, fromSexColumns, toColumns, toSexColumns } from './commune-columns.js';

const IMMUNISATION = 'Sổ tiêm chủng của trạm y tế xã';
const REPORTED = 'Báo cáo tổng hợp của Sở Y tế';

describe('commune figures as columns', () => {
  const rows = [
    { unitCode: '06001', figure: { numerator: 180, denominator: 200, source: IMMUNISATION, reported: false } },
    { unitCode: '06004', figure: null },
    { unitCode: '06007', figure: { numerator: 12, denominator: null, source: REPORTED, reported: true } },
    { unitCode: '06010', figure: { numerator: 0, denominator: 0, source: IMMUNISATION, reported: false } },
  ];

  it('gives each source once and reads every commune back as it was, a commune without a figure and a zero included', () => {
    const columns = toColumns(rows);
    expect(columns.sources).toEqual([IMMUNISATION, REPORTED]);
    expect(columns.sourceIndexes).toEqual([0, null, 1, 0]);
    expect(columns.numerators).toEqual([180, null, 12, 0]);
    expect(fromColumns(columns)).toEqual(rows);
  });

  it('refuses columns that do not line up, or a source index out of the list', () => {
    const columns = toColumns(rows);
    expect(() => fromColumns({ ...columns, numerators: columns.numerators.slice(1) })).toThrow(
      /numerators has 3 entries for 4 communes/,
    );
    expect(() => fromColumns({ ...columns, sourceIndexes: [0, null, 5, 0] })).toThrow(/06007 has no source/);
  });

  it('lists both sexes for the split, and a commune without a split as null', () => {
    const bySex = [
      {
        unitCode: '06001',
        figure: [
          { sex: 'MALE' as const, numerator: 90, denominator: 101 },
          { sex: 'FEMALE' as const, numerator: 0, denominator: 0 },
        ],
      },
      { unitCode: '06004', figure: null },
    ];
    const columns = toSexColumns(bySex);
    expect(columns.groups.map((group) => group.sex)).toEqual(['MALE', 'FEMALE']);
    expect(columns.groups[1]?.numerators).toEqual([0, null]);
    expect(fromSexColumns(columns)).toEqual(bySex);
    expect(() => fromSexColumns({ ...columns, groups: [{ sex: 'MALE', numerators: [1], denominators: [2] }] })).toThrow(
      /MALE numerators has 1 entries for 2 communes/,
    );
  });
});
