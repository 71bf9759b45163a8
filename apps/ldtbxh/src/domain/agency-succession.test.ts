import { describe, expect, it } from 'vitest';

import { functionsToSucceed, resolveReporting, successorsOf, type AgencyOnRecord } from './agency-succession.js';
import type { SectorFunctionName } from './registry-files.js';

/** A Lạng Sơn-like province: the departments of the generated catalogue, a district and two 2025 communes. */
const agency = (
  code: string,
  validTo: string | null,
  functions: [SectorFunctionName, string?, string?][],
  validFrom = '2019-01-01',
): AgencyOnRecord => ({
  code,
  validFrom,
  validTo,
  functions: functions.map(([f, from, to]) => ({ function: f, validFrom: from ?? validFrom, validTo: to ?? validTo })),
});
const SLDTBXH = agency('SLDTBXH-20', '2025-02-28', [['CHILD_PROTECTION'], ['SOCIAL_PROTECTION'], ['LABOUR']]);
const SYT = agency('SYT-20', null, [
  ['HEALTH'],
  ['CHILD_PROTECTION', '2025-03-01'],
  ['SOCIAL_PROTECTION', '2025-03-01'],
]);
const SNV = agency('SNV-20', null, [['LABOUR', '2025-03-01']]);
const SGDDT = agency('SGDDT-20', null, [['EDUCATION']]);
const SKHDT = agency('SKHDT-20', '2025-02-28', [['PLANNING']]);
const STC = agency('STC-20', null, [['FINANCE'], ['PLANNING', '2025-03-01']]);
const UBND_178 = agency('UBND-178', '2025-06-30', [['COORDINATION']]);
const PLDTBXH_178 = agency('PLDTBXH-178', '2025-02-28', [['CHILD_PROTECTION'], ['SOCIAL_PROTECTION'], ['LABOUR']]);
const COMMUNE_A = agency('UBND-05977-2025', null, [['COORDINATION']], '2025-07-01');
const COMMUNE_B = agency('UBND-05980-2025', null, [['COORDINATION']], '2025-07-01');

const PROVINCE = [SLDTBXH, SYT, SNV, SGDDT, SKHDT, STC];
const tiersOf = (a: AgencyOnRecord) =>
  a.code.endsWith('-178') ? [[UBND_178, PLDTBXH_178], [COMMUNE_A, COMMUNE_B], PROVINCE] : [PROVINCE, []];
const resolve = (day: string) =>
  resolveReporting({
    day,
    recipient: SLDTBXH,
    reporters: [SLDTBXH, SYT, SGDDT, SKHDT, STC, UBND_178],
    tiersOf: (a, role) => (role === 'RECIPIENT' ? tiersOf(a) : tiersOf(a).slice(0, 2)),
  });

describe('reporting agencies on the due day, through succession', () => {
  it('keeps the rule’s agencies while they exist, without the recipient among the reporters', () => {
    expect(resolve('2024-12-05')).toEqual({
      recipient: 'SLDTBXH-20',
      reporters: ['SGDDT-20', 'SKHDT-20', 'STC-20', 'SYT-20', 'UBND-178'],
      notes: [],
    });
  });

  it('addresses the 2025 and 2026 reports to Sở Y tế, which holds child protection then, and asks them of who exists', () => {
    for (const day of ['2025-12-05', '2026-12-05']) {
      const resolved = resolve(day);
      expect(resolved.recipient).toBe('SYT-20');
      // Sở Y tế receives, so it does not report; Sở Tài chính took planning; the communes took the district's territory.
      expect(resolved.reporters).toEqual(['SGDDT-20', 'STC-20', 'UBND-05977-2025', 'UBND-05980-2025']);
      expect(resolved.notes).toEqual([
        { role: 'RECIPIENT', named: 'SLDTBXH-20', function: 'CHILD_PROTECTION', by: ['SYT-20'] },
        { role: 'REPORTER', named: 'SLDTBXH-20', function: 'CHILD_PROTECTION', by: ['SYT-20'] },
        { role: 'REPORTER', named: 'SKHDT-20', function: 'PLANNING', by: ['STC-20'] },
        { role: 'REPORTER', named: 'UBND-178', function: 'COORDINATION', by: ['UBND-05977-2025', 'UBND-05980-2025'] },
      ]);
    }
  });

  it('prefers a successor of the same kind: a service centre that also protects children does not take Sở LĐTBXH’s place', () => {
    const centre = {
      ...agency('ATTCTXH-20', null, [
        ['CHILD_PROTECTION', '2024-01-01'],
        ['SOCIAL_PROTECTION', '2024-01-01'],
      ]),
      kind: 'OTHER',
    };
    const named = { ...SLDTBXH, kind: 'DEPARTMENT' };
    const health = { ...SYT, kind: 'DEPARTMENT' };
    expect(successorsOf(named, '2025-12-05', [[centre, health]], 'one').by).toEqual(['SYT-20']);
  });

  it('succeeds an agency for its functions of its last day, child protection first', () => {
    expect(functionsToSucceed(SLDTBXH, '2025-12-05')).toEqual(['CHILD_PROTECTION', 'SOCIAL_PROTECTION', 'LABOUR']);
    // Between the two reforms (March to June 2025) the district's child protection is with Phòng Y tế.
    const PYT_178 = agency('PYT-178', '2025-06-30', [
      ['HEALTH'],
      ['CHILD_PROTECTION', '2025-03-01'],
      ['SOCIAL_PROTECTION', '2025-03-01'],
    ]);
    expect(successorsOf(PLDTBXH_178, '2025-05-01', [[PLDTBXH_178, PYT_178]], 'one')).toEqual({
      function: 'CHILD_PROTECTION',
      by: ['PYT-178'],
    });
  });

  it('drops a reporter no one succeeds, and sends a recipient up to the units above it', () => {
    const resolved = resolveReporting({
      day: '2025-12-05',
      recipient: PLDTBXH_178,
      reporters: [PLDTBXH_178, SGDDT],
      tiersOf: (a, role) => (role === 'RECIPIENT' ? tiersOf(a) : tiersOf(a).slice(0, 2)),
    });
    expect(resolved.recipient).toBe('SYT-20');
    expect(resolved.reporters).toEqual(['SGDDT-20']);
    expect(resolved.notes).toContainEqual({ role: 'REPORTER', named: 'PLDTBXH-178', function: null, by: [] });
  });

  it('finds no recipient when no one performs its function on the due day', () => {
    const resolved = resolveReporting({
      day: '2025-12-05',
      recipient: SKHDT,
      reporters: [SGDDT],
      tiersOf: () => [[SGDDT]],
    });
    expect(resolved.recipient).toBeNull();
  });
});
