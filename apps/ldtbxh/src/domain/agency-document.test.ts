import { describe, expect, it } from 'vitest';

import { agencyChange, agencyDocumentProblems, entryState, type UnitOn } from './agency-document.js';
import type { AgencyEntry } from './registry-files.js';

const unitOn: UnitOn = (code, asOf) =>
  code === '11' ? { validFrom: asOf < '2025-07-01' ? '2019-01-01' : '2025-07-01' } : undefined;

const entry = (over: Partial<AgencyEntry> = {}): AgencyEntry => ({
  code: 'SKHCN-11',
  name: 'Sở Khoa học và Công nghệ tỉnh Điện Biên',
  kind: 'DEPARTMENT',
  unit: { code: '11', asOf: '2019-01-01' },
  validFrom: '2019-01-01',
  validTo: null,
  functions: [{ function: 'INFORMATION', validFrom: '2025-03-01', validTo: null }],
  ...over,
});

const problems = (agencies: AgencyEntry[]) => agencyDocumentProblems(agencies, unitOn).map((p) => [p.field, p.reason]);

describe('the checks of an agency document', () => {
  it('accepts a well-formed agency', () => {
    expect(problems([entry()])).toEqual([]);
  });

  it('reports every problem with its path', () => {
    expect(
      problems([
        entry(),
        entry({
          unit: { code: '99', asOf: '2018-06-01' },
          validTo: '2018-12-31',
          functions: [
            { function: 'HEALTH', validFrom: '2019-01-01', validTo: null },
            { function: 'HEALTH', validFrom: '2019-06-01', validTo: '2019-03-01' },
          ],
        }),
        entry({
          code: 'SYT-20',
          functions: [
            { function: 'HEALTH', validFrom: '2019-01-01', validTo: '2020-12-31' },
            { function: 'HEALTH', validFrom: '2020-06-01', validTo: null },
          ],
        }),
      ]),
    ).toEqual([
      ['agencies[1].code', 'DUPLICATE_AGENCY_CODE'],
      ['agencies[1].validTo', 'END_BEFORE_START'],
      ['agencies[1].code', 'AGENCY_CODE_UNIT_MISMATCH'],
      ['agencies[1].unit.code', 'UNKNOWN_UNIT_CODE'],
      ['agencies[1].unit.asOf', 'UNIT_DAY_OUTSIDE_AGENCY_PERIOD'],
      ['agencies[1].functions[0]', 'FUNCTION_OUTSIDE_AGENCY_PERIOD'],
      ['agencies[1].functions[1].validTo', 'END_BEFORE_START'],
      ['agencies[2].code', 'AGENCY_CODE_UNIT_MISMATCH'],
      ['agencies[2].functions[1]', 'FUNCTION_PERIODS_OVERLAP'],
    ]);
  });

  it('takes a national body without unit and the -2025 suffix of a unit of the current list', () => {
    expect(problems([entry({ code: 'BKHCN', unit: null })])).toEqual([]);
    expect(
      problems([
        entry({
          code: 'SKHCN-11-2025',
          unit: { code: '11', asOf: '2025-07-01' },
          validFrom: '2025-07-01',
          functions: [{ function: 'INFORMATION', validFrom: '2025-07-01', validTo: null }],
        }),
      ]),
    ).toEqual([]);
  });

  it('tells an addition, a correction and an entry given as held', () => {
    const held = entryState(entry(), '2019-01-01');
    expect(agencyChange(undefined, held)).toBe('CREATED');
    expect(agencyChange(held, entryState(entry(), '2019-01-01'))).toBe('UNCHANGED');
    expect(agencyChange(held, entryState(entry({ validTo: '2026-06-30' }), '2019-01-01'))).toBe('CORRECTED');
    // The order the functions are given in does not matter.
    const two = entry({
      functions: [
        { function: 'PLANNING', validFrom: '2019-01-01', validTo: null },
        { function: 'FINANCE', validFrom: '2019-01-01', validTo: null },
      ],
    });
    const reversed = { ...two, functions: [...two.functions].reverse() };
    expect(agencyChange(entryState(two, '2019-01-01'), entryState(reversed, '2019-01-01'))).toBe('UNCHANGED');
  });
});
