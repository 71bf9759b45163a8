import { describe, expect, it } from 'vitest';

import {
  readProvinceSuccessions,
  UNIT_LISTS,
  unitIndexFor,
  unitListFor,
  type AdminUnitRecord,
  type UnitList,
} from '@ecd/reference-data';

import { generateAgencyCatalogue, provincesLeftWhole } from './agency-catalogue.js';
import { agencyDocumentProblems } from './agency-document.js';
import type { AgencyEntry } from './registry-files.js';

const [BEFORE, AFTER] = UNIT_LISTS as [UnitList, UnitList];
const units = (list: UnitList) => [...unitIndexFor(list).byCode.values()];
const catalogue = generateAgencyCatalogue({
  before: { list: BEFORE, units: units(BEFORE) },
  after: { list: AFTER, units: units(AFTER) },
  provinces: readProvinceSuccessions(),
});
const byCode = new Map(catalogue.map((a) => [a.code, a]));
const agency = (code: string): AgencyEntry => {
  const found = byCode.get(code);
  if (!found) throw new Error(`no generated agency ${code}`);
  return found;
};
const functionsOn = (a: AgencyEntry, day: string) =>
  a.functions
    .filter((f) => f.validFrom <= day && (f.validTo === null || day <= f.validTo))
    .map((f) => f.function)
    .sort();
const count = (list: UnitList, level: AdminUnitRecord['level']) => units(list).filter((u) => u.level === level).length;

describe('the agencies generated for every unit', () => {
  it('gives every province, district and commune of both lists its People’s Committee, once', () => {
    expect(new Set(catalogue.map((a) => a.code)).size).toBe(catalogue.length);
    const peoplesCommittees = catalogue.filter((a) => a.kind === 'PEOPLES_COMMITTEE');
    const whole = provincesLeftWhole(readProvinceSuccessions());
    expect(whole).toEqual(new Set(['01', '04', '11', '12', '14', '20', '22', '38', '40', '42', '46']));
    expect(peoplesCommittees).toHaveLength(
      count(BEFORE, 'province') +
        count(BEFORE, 'district') +
        count(BEFORE, 'commune') +
        (count(AFTER, 'province') - whole.size) +
        count(AFTER, 'commune'),
    );
    for (const unit of units(BEFORE)) expect(byCode.has(`UBND-${unit.code}`)).toBe(true);
    for (const unit of units(AFTER).filter((u) => u.level === 'commune'))
      expect(agency(`UBND-${unit.code}-2025`).unit).toEqual({ code: unit.code, asOf: '2025-07-01' });
  });

  it('dates the reorganisation of 1 March 2025: child protection from Sở LĐTBXH to Sở Y tế, labour to Sở Nội vụ', () => {
    expect(agency('SLDTBXH-11')).toMatchObject({
      name: 'Sở Lao động - Thương binh và Xã hội tỉnh Điện Biên',
      validTo: '2025-02-28',
    });
    expect(functionsOn(agency('SLDTBXH-11'), '2025-02-28')).toEqual([
      'CHILD_PROTECTION',
      'LABOUR',
      'SOCIAL_PROTECTION',
    ]);
    expect(functionsOn(agency('SYT-11'), '2025-02-28')).toEqual(['HEALTH']);
    expect(functionsOn(agency('SYT-11'), '2025-03-01')).toEqual(['CHILD_PROTECTION', 'HEALTH', 'SOCIAL_PROTECTION']);
    expect(functionsOn(agency('SNV-11'), '2025-03-01')).toEqual(['LABOUR']);
    expect(functionsOn(agency('STC-11'), '2025-03-01')).toEqual(['FINANCE', 'PLANNING']);
    expect(agency('SKHDT-11').validTo).toBe('2025-02-28');
    // Districts likewise, until the district level ends on 30 June 2025.
    expect(agency('PLDTBXH-720').validTo).toBe('2025-02-28');
    expect(functionsOn(agency('PYT-720'), '2025-03-01')).toEqual(['CHILD_PROTECTION', 'HEALTH', 'SOCIAL_PROTECTION']);
    expect(agency('PYT-720').validTo).toBe('2025-06-30');
    expect(agency('UBND-25780')).toMatchObject({
      name: 'Ủy ban nhân dân xã Minh Hoà, huyện Dầu Tiếng',
      validTo: '2025-06-30',
    });
  });

  it('keeps the bodies of a province the reform left whole, and gives a merged province new ones', () => {
    // Lạng Sơn (20) and Điện Biên (11) unchanged: their bodies continue, no "-2025" agencies.
    expect(agency('UBND-11')).toMatchObject({ name: 'Ủy ban nhân dân tỉnh Điện Biên', validTo: null });
    expect(byCode.has('UBND-11-2025')).toBe(false);
    expect(agency('SYT-20').validTo).toBeNull();
    // Ninh Bình (37) absorbed Hà Nam and Nam Định: the old bodies end, the new ones start on 1 July 2025.
    expect(agency('SYT-37').validTo).toBe('2025-06-30');
    expect(agency('UBND-35').validTo).toBe('2025-06-30');
    expect(agency('UBND-37-2025')).toMatchObject({
      name: 'Ủy ban nhân dân tỉnh Ninh Bình (sau hợp nhất Hà Nam, Nam Định, Ninh Bình)',
      unit: { code: '37', asOf: '2025-07-01' },
      validFrom: '2025-07-01',
      validTo: null,
    });
    expect(functionsOn(agency('SYT-79-2025'), '2025-12-05')).toEqual([
      'CHILD_PROTECTION',
      'HEALTH',
      'SOCIAL_PROTECTION',
    ]);
    expect(agency('SYT-79-2025').name).toBe(
      'Sở Y tế Thành phố Hồ Chí Minh (sau hợp nhất Bình Dương, Bà Rịa - Vũng Tàu, Hồ Chí Minh)',
    );
    expect(byCode.has('SLDTBXH-37-2025')).toBe(false);
  });

  it('passes every check an imported agency document passes (units on their days, functions inside periods)', () => {
    const unitOn = (code: string, asOf: string) => {
      const list = unitListFor(asOf);
      return unitIndexFor(list).byCode.has(code) ? { validFrom: list.validFrom } : undefined;
    };
    expect(agencyDocumentProblems(catalogue, unitOn)).toEqual([]);
  });
});
