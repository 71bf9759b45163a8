import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { parse } from 'csv-parse/sync';

export type UnitLevel = 'province' | 'district' | 'commune';

export interface AdminUnitRecord {
  /** Official numeric code: 2 digits (province), 3 (district), 5 (commune). Text, leading zeros kept. */
  code: string;
  name: string;
  fullName: string;
  level: UnitLevel;
  /** The unit word in lower case: tỉnh, thành phố, huyện, quận, thị xã, xã, phường, thị trấn, đặc khu. */
  type: string;
  parentCode: string | null;
}

/**
 * One official list and the interval in which its units are valid (ISO dates, `validTo` inclusive).
 * The pre-reform list is the GSO list as of 2025-03-01; earlier boundary changes are not in the
 * source, so it stands for every date from 2019 (the oldest seed plan) to the reform.
 */
export interface UnitList {
  id: '2024' | '2025';
  file: string;
  validFrom: string;
  validTo: string | null;
}

export const UNIT_LISTS: readonly UnitList[] = [
  { id: '2024', file: 'units-2024.csv', validFrom: '2019-01-01', validTo: '2025-06-30' },
  // Identity since the reform; names are the newest official spelling (units-2026-09-20.csv).
  { id: '2025', file: 'units-2026-09-20.csv', validFrom: '2025-07-01', validTo: null },
];

export const REFORM_DATE = '2025-07-01';

const dataFile = (name: string) => fileURLToPath(new URL(`../data/admin-units/${name}`, import.meta.url));

const hasColumns = <C extends string>(row: Record<string, string>, columns: readonly C[]): row is Record<C, string> =>
  columns.every((column) => row[column] !== undefined);

/**
 * The rows of a data file, each with every one of `columns` (csv-parse gives each row every column
 * of the header, so a file without one of them fails here, not as an undefined field later).
 */
function readCsv<C extends string>(name: string, columns: readonly C[]): Record<C, string>[] {
  return parse<Record<string, string>>(readFileSync(dataFile(name)), { columns: true, skip_empty_lines: true }).map(
    (row, i) => {
      if (!hasColumns(row, columns))
        throw new Error(`${name}, row ${i + 1}: expected the columns ${columns.join(', ')}`);
      return row;
    },
  );
}

export function readUnitList(list: UnitList): AdminUnitRecord[] {
  return readCsv(list.file, ['code', 'name', 'full_name', 'level', 'type', 'parent_code']).map((row) => ({
    code: row.code,
    name: row.name,
    fullName: row.full_name,
    level: row.level as UnitLevel,
    type: row.type,
    parentCode: row.parent_code || null,
  }));
}

export function unitListFor(date: string): UnitList {
  const list = UNIT_LISTS.find((l) => l.validFrom <= date && (l.validTo === null || date <= l.validTo));
  if (!list) throw new RangeError(`No administrative unit list covers ${date}`);
  return list;
}

export interface CommuneSuccession {
  oldCommuneCode: string | null;
  oldDistrictCode: string;
  oldProvinceCode: string;
  newCommuneCode: string;
  newProvinceCode: string;
  /** Label from the source (`high`, `manual:high`), not a number. */
  confidence: string;
  /** Set when the old commune was split across several new ones. */
  shareNote: string | null;
  note: string | null;
}

export function readCommuneSuccessions(): CommuneSuccession[] {
  const columns = [
    'old_commune_code',
    'old_district_code',
    'old_province_code',
    'new_commune_code',
    'new_province_code',
    'confidence',
    'share_note',
    'note',
  ] as const;
  return readCsv('mapping-2024-2025.csv', columns).map((row) => ({
    oldCommuneCode: row.old_commune_code || null,
    oldDistrictCode: row.old_district_code,
    oldProvinceCode: row.old_province_code,
    newCommuneCode: row.new_commune_code,
    newProvinceCode: row.new_province_code,
    confidence: row.confidence,
    shareNote: row.share_note || null,
    note: row.note || null,
  }));
}

/** An index over one list: units by code and the children of each unit. */
export class UnitIndex {
  readonly byCode = new Map<string, AdminUnitRecord>();
  readonly childrenOf = new Map<string, AdminUnitRecord[]>();

  constructor(
    readonly list: UnitList,
    units: AdminUnitRecord[] = readUnitList(list),
  ) {
    for (const unit of units) {
      this.byCode.set(unit.code, unit);
      if (unit.parentCode) {
        const siblings = this.childrenOf.get(unit.parentCode) ?? [];
        siblings.push(unit);
        this.childrenOf.set(unit.parentCode, siblings);
      }
    }
  }

  /** The unit directly above a unit; undefined for a province, or when the list lacks its parent. */
  parentOf(unit: AdminUnitRecord): AdminUnitRecord | undefined {
    return unit.parentCode === null ? undefined : this.byCode.get(unit.parentCode);
  }

  /** The province a unit lies in (itself for a province). */
  provinceOf(code: string): AdminUnitRecord | undefined {
    let unit = this.byCode.get(code);
    while (unit?.parentCode) unit = this.byCode.get(unit.parentCode);
    return unit;
  }

  /** Every commune below a unit (the unit itself when it is a commune). */
  communesOf(code: string): AdminUnitRecord[] {
    const unit = this.byCode.get(code);
    if (!unit) return [];
    if (unit.level === 'commune') return [unit];
    return (this.childrenOf.get(code) ?? []).flatMap((child) => this.communesOf(child.code));
  }
}

export interface ProvinceSuccession {
  oldProvinceCode: string;
  newProvinceCode: string;
  confidence: string;
}

/** Every old province merged whole into one new province. */
export function readProvinceSuccessions(): ProvinceSuccession[] {
  return readCsv('mapping-provinces-2024-2025.csv', ['old_province_code', 'new_province_code', 'confidence']).map(
    (row) => ({
      oldProvinceCode: row.old_province_code,
      newProvinceCode: row.new_province_code,
      confidence: row.confidence,
    }),
  );
}

export interface UnitLocation {
  communeCode: string;
  communeValidFrom: string;
  provinceCode: string;
  provinceValidFrom: string;
}

/** The location columns every located sector table has (dates as PostgreSQL DATE values). */
export interface LocationColumns {
  communeCode: string;
  communeValidFrom: Date;
  provinceCode: string;
  provinceValidFrom: Date;
}

const indexes = new Map<string, UnitIndex>();
/** The index of one list, read once per process. */
export function unitIndexFor(list: UnitList): UnitIndex {
  let index = indexes.get(list.id);
  if (!index) {
    index = new UnitIndex(list);
    indexes.set(list.id, index);
  }
  return index;
}

/**
 * Where a sector record lies, as the federation identifies units: the commune and its province,
 * each by official code and first day of validity, in the list valid on `date`.
 */
export function locateCommune(communeCode: string, date: string): UnitLocation | undefined {
  const list = unitListFor(date);
  const index = unitIndexFor(list);
  const commune = index.byCode.get(communeCode);
  const province = index.provinceOf(communeCode);
  if (commune?.level !== 'commune' || !province) return undefined;
  return {
    communeCode,
    communeValidFrom: list.validFrom,
    provinceCode: province.code,
    provinceValidFrom: list.validFrom,
  };
}

/**
 * The location columns of a unit of any level (commune, district or province) in the list valid on
 * `date`: the unit itself and the units above it, each by code and first day of validity; the levels
 * below it, and the district after the 2025 reform, are null. Tables whose rows may be reported at
 * district or province level (aggregate figures, records of a 2024 district) carry all three.
 */
export interface UnitLevelLocation {
  communeCode: string | null;
  communeValidFrom: string | null;
  districtCode: string | null;
  districtValidFrom: string | null;
  provinceCode: string;
  provinceValidFrom: string;
}

/** The same columns as a record stores them (dates as PostgreSQL DATE values). */
export interface RecordLocation {
  communeCode: string | null;
  communeValidFrom: Date | null;
  districtCode: string | null;
  districtValidFrom: Date | null;
  provinceCode: string;
  provinceValidFrom: Date;
}

export function locateUnit(unitCode: string, date: string): UnitLevelLocation | undefined {
  let list;
  try {
    list = unitListFor(date);
  } catch {
    return undefined;
  }
  const index = unitIndexFor(list);
  const unit = index.byCode.get(unitCode);
  if (!unit) return undefined;
  const chain = [unit];
  for (let top = unit; top.parentCode;) {
    const parent = index.parentOf(top);
    if (!parent)
      throw new Error(`Unit list ${list.id}: the parent ${top.parentCode} of ${top.code} is not in the list`);
    chain.push(parent);
    top = parent;
  }
  const at = (level: string) => chain.find((u) => u.level === level)?.code ?? null;
  const validFrom = (code: string | null) => (code ? list.validFrom : null);
  const [commune, district, province] = [at('commune'), at('district'), at('province')];
  // Every chain of a consistent list ends in a province.
  if (province === null) throw new Error(`Unit list ${list.id}: ${unitCode} lies in no province`);
  return {
    communeCode: commune,
    communeValidFrom: validFrom(commune),
    districtCode: district,
    districtValidFrom: validFrom(district),
    provinceCode: province,
    provinceValidFrom: list.validFrom,
  };
}

/** The communes of a province in the list valid on `date`. */
export function communesOfProvince(provinceCode: string, date: string): AdminUnitRecord[] {
  return unitIndexFor(unitListFor(date)).communesOf(provinceCode);
}
