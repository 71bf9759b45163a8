import { createHash } from 'node:crypto';

import type { AdminUnitRecord, ProvinceSuccession, UnitList } from '@ecd/reference-data';

import type { AgencyEntry, SECTOR_FUNCTIONS } from './registry-files.js';

/**
 * The standard agencies of every administrative unit, generated from the official unit lists: what a
 * province finds in the registry without writing a line. The rules (issue 10, point 3):
 *
 * Before the reform (units of the 2024 list, valid 2019-01-01 to 2025-06-30; 2019-01-01 is "not known,
 * existed at least from the start of the plans' period", as in data/agencies.yaml):
 * - every province: its People's Committee `UBND-<p>` and the standard departments (sở) `<ABBR>-<p>`
 *   below, and the main mass organisations (Mặt trận, Phụ nữ, Đoàn, Chữ thập đỏ);
 * - the reorganisation of specialised departments, Nghị định 45/2025/NĐ-CP, effective 2025-03-01:
 *   Sở LĐTBXH ends 2025-02-28, child protection and social protection go to Sở Y tế, labour to Sở Nội vụ;
 *   Sở Kế hoạch và Đầu tư ends 2025-02-28 and planning goes to Sở Tài chính; Sở Thông tin và Truyền
 *   thông ends 2025-02-28 and information (press, grassroots information) goes to Sở Văn hóa, Thể thao
 *   và Du lịch (uncertain: the provinces' own decisions were not checked; the national decree's date is used);
 * - every district: `UBND-<d>` and the district offices (phòng): LĐTBXH until 2025-02-28, then child and
 *   social protection with Phòng Y tế and labour with Phòng Nội vụ (the same decree), Giáo dục và Đào tạo,
 *   Văn hóa và Thông tin, Tài chính - Kế hoạch; all end 2025-06-30, when the district level was abolished;
 * - every commune: `UBND-<c>`, ending 2025-06-30 (the communes were rearranged on 2025-07-01).
 *
 * From the reform (units of the current list, from 2025-07-01):
 * - a province the reform left whole (one old province, same code, nothing merged into it) keeps its
 *   bodies: the pre-reform agencies above simply continue (no end date), as in data/agencies.yaml;
 * - every other province (formed by merging): its agencies end 2025-06-30, and the new province gets
 *   `UBND-<p>-2025` and the departments after the reorganisation (Sở Y tế with child and social
 *   protection, Sở Nội vụ with labour, Sở Tài chính with planning, Sở VH-TT-DL with information, …),
 *   each `<ABBR>-<p>-2025` (its code is an old province's code, reused);
 * - every commune: `UBND-<c>-2025` (commune codes were reused by different communes).
 *
 * Names are "<body> <unit word> <unit name>", e.g. "Sở Y tế tỉnh Điện Biên"; a district's and a
 * commune's add the unit above ("Ủy ban nhân dân xã Minh Hoà, huyện Dầu Tiếng"). A province whose body
 * carries another name (e.g. Hà Nội's Sở Văn hóa và Thể thao) corrects it through `importAgencies`, or in
 * data/agencies.yaml, whose entries replace the generated ones of the same code.
 */

type SectorFunction = (typeof SECTOR_FUNCTIONS)[number];

/** Bump when the rules below change: the catalogue's fingerprint changes, so the next start reloads it. */
export const CATALOGUE_RULES_VERSION = 1;

export const PLANS_START = '2019-01-01';
/** Nghị định 45/2025/NĐ-CP: the specialised departments reorganised. */
export const REORGANISED_ON = '2025-03-01';
const LAST_DAY_BEFORE_REORGANISATION = '2025-02-28';
/** The administrative reform: district level abolished, provinces merged, communes rearranged. */
export const REFORM_ON = '2025-07-01';
const LAST_DAY_BEFORE_REFORM = '2025-06-30';

interface FunctionRule {
  function: SectorFunction;
  from?: string;
  to?: string;
}
interface BodyRule {
  abbreviation: string;
  /** The body's name before the unit's, e.g. "Sở Y tế". */
  name: string;
  kind: AgencyEntry['kind'];
  from?: string;
  to?: string;
  functions: FunctionRule[];
}

const MASS_ORGANISATIONS: BodyRule[] = [
  {
    abbreviation: 'MTTQ',
    name: 'Ủy ban Mặt trận Tổ quốc Việt Nam',
    kind: 'MASS_ORGANISATION',
    functions: [{ function: 'MASS_MOBILISATION' }],
  },
  {
    abbreviation: 'HLHPN',
    name: 'Hội Liên hiệp Phụ nữ',
    kind: 'MASS_ORGANISATION',
    functions: [{ function: 'MASS_MOBILISATION' }],
  },
  {
    abbreviation: 'TINHDOAN',
    name: 'Đoàn Thanh niên Cộng sản Hồ Chí Minh',
    kind: 'MASS_ORGANISATION',
    functions: [{ function: 'MASS_MOBILISATION' }],
  },
  {
    abbreviation: 'HCTD',
    name: 'Hội Chữ thập đỏ',
    kind: 'MASS_ORGANISATION',
    functions: [{ function: 'MASS_MOBILISATION' }],
  },
];

const PEOPLES_COMMITTEE: BodyRule = {
  abbreviation: 'UBND',
  name: 'Ủy ban nhân dân',
  kind: 'PEOPLES_COMMITTEE',
  functions: [{ function: 'COORDINATION' }],
};

/** A province's bodies before the reform, with the reorganisation of 2025-03-01. */
const PROVINCE_BEFORE_REFORM: BodyRule[] = [
  PEOPLES_COMMITTEE,
  {
    abbreviation: 'SYT',
    name: 'Sở Y tế',
    kind: 'DEPARTMENT',
    functions: [
      { function: 'HEALTH' },
      { function: 'CHILD_PROTECTION', from: REORGANISED_ON },
      { function: 'SOCIAL_PROTECTION', from: REORGANISED_ON },
    ],
  },
  { abbreviation: 'SGDDT', name: 'Sở Giáo dục và Đào tạo', kind: 'DEPARTMENT', functions: [{ function: 'EDUCATION' }] },
  {
    abbreviation: 'SVHTTDL',
    name: 'Sở Văn hóa, Thể thao và Du lịch',
    kind: 'DEPARTMENT',
    functions: [{ function: 'CULTURE' }, { function: 'INFORMATION', from: REORGANISED_ON }],
  },
  {
    abbreviation: 'SLDTBXH',
    name: 'Sở Lao động - Thương binh và Xã hội',
    kind: 'DEPARTMENT',
    to: LAST_DAY_BEFORE_REORGANISATION,
    functions: [{ function: 'CHILD_PROTECTION' }, { function: 'SOCIAL_PROTECTION' }, { function: 'LABOUR' }],
  },
  {
    abbreviation: 'SNV',
    name: 'Sở Nội vụ',
    kind: 'DEPARTMENT',
    functions: [{ function: 'LABOUR', from: REORGANISED_ON }],
  },
  {
    abbreviation: 'STC',
    name: 'Sở Tài chính',
    kind: 'DEPARTMENT',
    functions: [{ function: 'FINANCE' }, { function: 'PLANNING', from: REORGANISED_ON }],
  },
  {
    abbreviation: 'SKHDT',
    name: 'Sở Kế hoạch và Đầu tư',
    kind: 'DEPARTMENT',
    to: LAST_DAY_BEFORE_REORGANISATION,
    functions: [{ function: 'PLANNING' }],
  },
  {
    abbreviation: 'STTTT',
    name: 'Sở Thông tin và Truyền thông',
    kind: 'DEPARTMENT',
    to: LAST_DAY_BEFORE_REORGANISATION,
    functions: [{ function: 'INFORMATION' }],
  },
  ...MASS_ORGANISATIONS,
];

/** A province's bodies from the reform (a merged province): the reorganised departments. */
const PROVINCE_FROM_REFORM: BodyRule[] = [
  PEOPLES_COMMITTEE,
  {
    abbreviation: 'SYT',
    name: 'Sở Y tế',
    kind: 'DEPARTMENT',
    functions: [{ function: 'HEALTH' }, { function: 'CHILD_PROTECTION' }, { function: 'SOCIAL_PROTECTION' }],
  },
  { abbreviation: 'SGDDT', name: 'Sở Giáo dục và Đào tạo', kind: 'DEPARTMENT', functions: [{ function: 'EDUCATION' }] },
  {
    abbreviation: 'SVHTTDL',
    name: 'Sở Văn hóa, Thể thao và Du lịch',
    kind: 'DEPARTMENT',
    functions: [{ function: 'CULTURE' }, { function: 'INFORMATION' }],
  },
  { abbreviation: 'SNV', name: 'Sở Nội vụ', kind: 'DEPARTMENT', functions: [{ function: 'LABOUR' }] },
  {
    abbreviation: 'STC',
    name: 'Sở Tài chính',
    kind: 'DEPARTMENT',
    functions: [{ function: 'FINANCE' }, { function: 'PLANNING' }],
  },
  ...MASS_ORGANISATIONS,
];

/** A district's bodies (before the reform only): the People's Committee and its offices (phòng). */
const DISTRICT: BodyRule[] = [
  PEOPLES_COMMITTEE,
  {
    abbreviation: 'PLDTBXH',
    name: 'Phòng Lao động - Thương binh và Xã hội',
    kind: 'DISTRICT_OFFICE',
    to: LAST_DAY_BEFORE_REORGANISATION,
    functions: [{ function: 'CHILD_PROTECTION' }, { function: 'SOCIAL_PROTECTION' }, { function: 'LABOUR' }],
  },
  {
    abbreviation: 'PYT',
    name: 'Phòng Y tế',
    kind: 'DISTRICT_OFFICE',
    functions: [
      { function: 'HEALTH' },
      { function: 'CHILD_PROTECTION', from: REORGANISED_ON },
      { function: 'SOCIAL_PROTECTION', from: REORGANISED_ON },
    ],
  },
  {
    abbreviation: 'PNV',
    name: 'Phòng Nội vụ',
    kind: 'DISTRICT_OFFICE',
    functions: [{ function: 'LABOUR', from: REORGANISED_ON }],
  },
  {
    abbreviation: 'PGDDT',
    name: 'Phòng Giáo dục và Đào tạo',
    kind: 'DISTRICT_OFFICE',
    functions: [{ function: 'EDUCATION' }],
  },
  {
    abbreviation: 'PVHTT',
    name: 'Phòng Văn hóa và Thông tin',
    kind: 'DISTRICT_OFFICE',
    functions: [{ function: 'CULTURE' }, { function: 'INFORMATION' }],
  },
  {
    abbreviation: 'PTCKH',
    name: 'Phòng Tài chính - Kế hoạch',
    kind: 'DISTRICT_OFFICE',
    functions: [{ function: 'FINANCE' }, { function: 'PLANNING' }],
  },
];

/** The latest of two days (ISO text compares as dates). */
const later = (a: string, b: string) => (a > b ? a : b);
/** The earliest of two ends, null meaning open. */
const earlierEnd = (a: string | null, b: string | null) => (a === null ? b : b === null ? a : a < b ? a : b);

/**
 * "tỉnh Lạng Sơn", "thành phố Hà Nội", "xã Minh Hoà": the unit word and the name; "Thành phố Hồ Chí
 * Minh" keeps its capital, the unit word being part of the city's name.
 */
const placeName = (unit: AdminUnitRecord) =>
  unit.level === 'province' && unit.name === 'Hồ Chí Minh' ? unit.fullName : `${unit.type} ${unit.name}`;

/** One agency from a rule, for a unit, within [from, to] (the unit's own interval as far as its bodies go). */
function body(
  rule: BodyRule,
  unit: AdminUnitRecord,
  asOf: string,
  interval: { from: string; to: string | null },
  suffix: string,
  name: string,
): AgencyEntry | null {
  const validFrom = later(interval.from, rule.from ?? interval.from);
  const validTo = earlierEnd(interval.to, rule.to ?? null);
  if (validTo !== null && validTo < validFrom) return null;
  return {
    code: `${rule.abbreviation}-${unit.code}${suffix}`,
    name,
    kind: rule.kind,
    unit: { code: unit.code, asOf },
    validFrom,
    validTo,
    functions: rule.functions.flatMap((f) => {
      const from = later(validFrom, f.from ?? validFrom);
      const to = earlierEnd(validTo, f.to ?? null);
      return to !== null && to < from ? [] : [{ function: f.function, validFrom: from, validTo: to }];
    }),
  };
}

export interface CatalogueSources {
  /** The pre-reform list (2024) and its units. */
  before: { list: UnitList; units: readonly AdminUnitRecord[] };
  /** The current list (from 2025-07-01) and its units. */
  after: { list: UnitList; units: readonly AdminUnitRecord[] };
  /** Every old province and the new province it went into. */
  provinces: readonly ProvinceSuccession[];
}

/** The provinces the reform left whole: one old province, the same code, nothing merged into it. */
export function provincesLeftWhole(provinces: readonly ProvinceSuccession[]): Set<string> {
  const into = new Map<string, string[]>();
  for (const p of provinces) into.set(p.newProvinceCode, [...(into.get(p.newProvinceCode) ?? []), p.oldProvinceCode]);
  return new Set([...into].filter(([code, olds]) => olds.length === 1 && olds[0] === code).map(([code]) => code));
}

/** The standard agencies of every unit of both lists (see the rules above), in code order. */
export function generateAgencyCatalogue({ before, after, provinces }: CatalogueSources): AgencyEntry[] {
  const agencies: AgencyEntry[] = [];
  const add = (entry: AgencyEntry | null) => {
    if (entry) agencies.push(entry);
  };
  const whole = provincesLeftWhole(provinces);
  const oldByCode = new Map(before.units.map((u) => [u.code, u]));
  const newByCode = new Map(after.units.map((u) => [u.code, u]));

  // Before the reform.
  const start = later(PLANS_START, before.list.validFrom);
  for (const unit of before.units) {
    const parent = unit.parentCode ? oldByCode.get(unit.parentCode) : undefined;
    const asOf = before.list.validFrom;
    if (unit.level === 'province') {
      const interval = { from: start, to: whole.has(unit.code) ? null : (before.list.validTo ?? null) };
      for (const rule of PROVINCE_BEFORE_REFORM)
        add(body(rule, unit, asOf, interval, '', `${rule.name} ${placeName(unit)}`));
    } else {
      const interval = { from: start, to: before.list.validTo ?? LAST_DAY_BEFORE_REFORM };
      const rules = unit.level === 'district' ? DISTRICT : [PEOPLES_COMMITTEE];
      const where = parent ? `${placeName(unit)}, ${placeName(parent)}` : placeName(unit);
      for (const rule of rules) add(body(rule, unit, asOf, interval, '', `${rule.name} ${where}`));
    }
  }

  // From the reform.
  const from = after.list.validFrom;
  const mergedInto = new Map<string, string[]>();
  for (const p of provinces) {
    const old = oldByCode.get(p.oldProvinceCode);
    if (old) mergedInto.set(p.newProvinceCode, [...(mergedInto.get(p.newProvinceCode) ?? []), old.name]);
  }
  for (const unit of after.units) {
    const interval = { from, to: after.list.validTo };
    if (unit.level === 'province') {
      if (whole.has(unit.code)) continue;
      const merged = mergedInto.get(unit.code);
      const note = merged?.length ? ` (sau hợp nhất ${merged.join(', ')})` : ` (từ ${from})`;
      for (const rule of PROVINCE_FROM_REFORM)
        add(body(rule, unit, from, interval, '-2025', `${rule.name} ${placeName(unit)}${note}`));
    } else {
      const parent = unit.parentCode ? newByCode.get(unit.parentCode) : undefined;
      const where = parent ? `${placeName(unit)}, ${placeName(parent)}` : placeName(unit);
      add(body(PEOPLES_COMMITTEE, unit, from, interval, '-2025', `${PEOPLES_COMMITTEE.name} ${where}`));
    }
  }
  return agencies.sort((a, b) => (a.code < b.code ? -1 : a.code > b.code ? 1 : 0));
}

/**
 * A fingerprint of what a start loads (the generated catalogue and the registry file's entries): the
 * registry is reloaded only when it changes, so a restart costs nothing more than computing it.
 */
export function catalogueFingerprint(...parts: readonly unknown[]): string {
  const hash = createHash('sha256').update(`rules:${CATALOGUE_RULES_VERSION}`);
  for (const part of parts) hash.update('\n').update(JSON.stringify(part));
  return hash.digest('hex');
}
