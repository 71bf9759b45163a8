import { describe, expect, it } from 'vitest';

import type { Identity } from '../../auth/identity.ts';
import { mayReview, mayWriteReport } from './ReportingPage.tsx';

const person = (roles: Identity['roles'], agency: string | null, unitCode: string | null = '20'): Identity => ({
  userId: 'u',
  name: null,
  roles,
  sector: null,
  unitCode,
  agency,
});
const reporter = (code: string, unitCode: string | null) => ({
  code,
  name: code,
  unit: unitCode ? { code: unitCode, fullName: unitCode, parent: null } : null,
});
const langSon = { scope: { code: '20', fullName: 'Tỉnh Lạng Sơn', parent: null } };

describe('what the reporting page offers', () => {
  it('lets a sector officer write their own agency’s report only', () => {
    const officer = person(['sector-officer'], 'SYT-20');
    expect(mayWriteReport(officer, reporter('SYT-20', '20'))).toBe(true);
    expect(mayWriteReport(officer, reporter('SGDDT-20', '20'))).toBe(false);
  });

  it('lets the lead agency write for any agency of its unit, and review its plan’s reports', () => {
    const lead = person(['lead-agency'], 'SLDTBXH-20');
    expect(mayWriteReport(lead, reporter('SGDDT-20', '20'))).toBe(true);
    expect(mayWriteReport(lead, reporter('SGDDT-22', '22'))).toBe(false);
    expect(mayReview(lead, langSon)).toBe(true);
    expect(mayReview(person(['lead-agency'], 'SLDTBXH-22', '22'), langSon)).toBe(false);
  });

  it('offers a viewer nothing to do', () => {
    const viewer = person(['viewer'], 'UBND-20');
    expect(mayWriteReport(viewer, reporter('UBND-20', '20'))).toBe(false);
    expect(mayReview(viewer, langSon)).toBe(false);
  });
});
