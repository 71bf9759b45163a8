import DataLoader from 'dataloader';

import { bulkInsert } from '@ecd/database';
import {
  readCommuneSuccessions,
  readProvinceSuccessions,
  readUnitList,
  REFORM_DATE,
  UNIT_LISTS,
  type UnitList,
} from '@ecd/reference-data';
import {
  fromIsoDate,
  keysetPage,
  notFound,
  rejectArgument,
  todayInVietnam,
  toIsoDate,
  unitKeyFromReference,
  unitKeyString,
  type Logger,
  type UnitKey,
} from '@ecd/service-kit';

import { assertUnitCode } from '../domain/unit-code.js';
import { foldVietnamese, matchUnits, unitSearchOf, type SearchableUnit } from '../domain/unit-search.js';
import type {
  AdministrativeUnit,
  Prisma,
  PrismaClient,
  UnitLevel,
  UnitSuccession,
} from '../generated/prisma/client.js';
import { present, validOn } from './rows.js';

/** A succession link with the unit on its other side. */
export type UnitSuccessionParent = UnitSuccession & { unit: AdministrativeUnit };

/** A unit's key: its code and first day of validity. */
export const unitKeyOf = (unit: Pick<AdministrativeUnit, 'code' | 'validFrom'>): UnitKey => ({
  code: unit.code,
  validFrom: toIsoDate(unit.validFrom),
});

/** The key of the unit a row's `code`/`validFrom` pair names, when both are set. */
export const keyOrNull = (code: string | null, validFrom: Date | null): UnitKey | null =>
  code !== null && validFrom !== null ? { code, validFrom: toIsoDate(validFrom) } : null;

const parentKeyOf = (unit: AdministrativeUnit) => keyOrNull(unit.parentCode, unit.parentValidFrom);

/**
 * Units read so far by key, per database: the official lists are reference data, loaded at start-up before
 * anything is served (`loadReferenceUnits`) and never changed after. A province's progress names some
 * 1,500 units in each read, which cost about 5 ms of CPU through Prisma; read once, they stay (at most the
 * 14,000 units of both lists, some 11 MiB). Every request shares these objects: nothing may change them.
 */
const knownUnits = new WeakMap<PrismaClient, Map<string, AdministrativeUnit>>();

/** Units by key, those that exist; a code names at most a few units over time, so `code IN` then a filter beats OR chains. */
export async function findUnits(
  prisma: PrismaClient,
  keys: readonly UnitKey[],
): Promise<Map<string, AdministrativeUnit>> {
  let known = knownUnits.get(prisma);
  if (!known) knownUnits.set(prisma, (known = new Map<string, AdministrativeUnit>()));
  const found = new Map<string, AdministrativeUnit>();
  // Key → code of the units not read yet.
  const missing = new Map<string, string>();
  for (const k of keys) {
    const key = unitKeyString(k);
    const unit = known.get(key);
    if (unit) found.set(key, unit);
    else missing.set(key, k.code);
  }
  if (!missing.size) return found;
  const units = await prisma.administrativeUnit.findMany({
    where: { code: { in: [...new Set(missing.values())] } },
  });
  for (const unit of units) {
    const key = unitKeyString(unitKeyOf(unit));
    known.set(key, unit);
    if (missing.has(key)) found.set(key, unit);
  }
  return found;
}

/** Units and everything above them, by unit key (one query per level). */
export async function withAncestors(prisma: PrismaClient, start: Map<string, AdministrativeUnit>) {
  const all = new Map(start);
  let frontier = [...start.values()];
  while (frontier.length) {
    const parentKeys = frontier.map(parentKeyOf).filter((k): k is UnitKey => k !== null && !all.has(unitKeyString(k)));
    const parents = await findUnits(prisma, parentKeys);
    for (const [key, unit] of parents) all.set(key, unit);
    frontier = [...parents.values()];
  }
  return all;
}

/** A unit and its ancestors found in `units`, from the unit up. */
export const ancestorsOf = (unit: AdministrativeUnit, units: Map<string, AdministrativeUnit>): AdministrativeUnit[] => {
  const chain = [unit];
  let parent = parentKeyOf(unit);
  while (parent) {
    const current = units.get(unitKeyString(parent));
    if (!current) break;
    chain.push(current);
    parent = parentKeyOf(current);
  }
  return chain;
};

/** Communes lie one level below a province after the reform and two levels below it before. */
const communesBelowWhere = (
  unit: Pick<AdministrativeUnit, 'code' | 'validFrom'>,
): Prisma.AdministrativeUnitWhereInput => ({
  level: 'COMMUNE',
  OR: [
    { parentCode: unit.code, parentValidFrom: unit.validFrom },
    { parent: { parentCode: unit.code, parentValidFrom: unit.validFrom } },
  ],
});

/** A page of units in code order. */
const unitPage = (
  prisma: PrismaClient,
  where: Prisma.AdministrativeUnitWhereInput,
  first: number | null | undefined,
  after: string | null | undefined,
  defaultSize?: number,
) =>
  keysetPage({
    first,
    after,
    ...(defaultSize ? { defaultSize } : {}),
    fetch: (cursor, take) =>
      prisma.administrativeUnit.findMany({
        where: cursor ? { AND: [where, { code: { gt: cursor } }] } : where,
        orderBy: { code: 'asc' },
        take,
      }),
    count: () => prisma.administrativeUnit.count({ where }),
    sortKey: (u) => u.code,
  });

/**
 * The units of both lists with their names folded (`unit-search.ts`), read once per database: the official
 * lists are reference data, loaded at start-up before anything is served (`loadReferenceUnits`) and never
 * changed after; some 14,000 units, about 2 MB. Folding the names once keeps a search to a scan in memory of
 * a millisecond or two, where folding them in SQL on every search (translate over every row) took some 120 ms.
 */
const searchIndexes = new WeakMap<PrismaClient, Promise<SearchableUnit[]>>();

function searchIndexOf(prisma: PrismaClient): Promise<SearchableUnit[]> {
  let index = searchIndexes.get(prisma);
  if (!index) {
    index = prisma.administrativeUnit
      .findMany({ select: { code: true, validFrom: true, validTo: true, level: true, name: true, fullName: true } })
      .then((units) =>
        units.map((u) => ({ ...u, name: foldVietnamese(u.name), fullName: foldVietnamese(u.fullName) })),
      );
    // A failed read is not kept: the next search reads again.
    index.catch(() => searchIndexes.delete(prisma));
    searchIndexes.set(prisma, index);
  }
  return index;
}

/** Units by code or name, folded on both sides, the closest first (`matchUnits`), read by key in one query. */
async function searchUnits(
  prisma: PrismaClient,
  args: { text: string; level?: UnitLevel | null; asOf?: Date | null; first?: number | null },
): Promise<AdministrativeUnit[]> {
  const asked = unitSearchOf(args.text, args.first);
  if (!asked.search) return rejectArgument(asked.problems[0]);
  const matches = matchUnits(await searchIndexOf(prisma), asked.search, { level: args.level, asOf: args.asOf });
  const keys = matches.map(unitKeyOf);
  const units = await findUnits(prisma, keys);
  return keys.flatMap((k) => units.get(unitKeyString(k)) ?? []);
}

/** Rows grouped by the unit key they name, every requested key present. */
function groupByUnit<Row>(keys: readonly UnitKey[], rows: readonly Row[], keyOf: (row: Row) => UnitKey): Row[][] {
  const groups = new Map<string, Row[]>(keys.map((k) => [unitKeyString(k), []]));
  for (const row of rows) groups.get(unitKeyString(keyOf(row)))?.push(row);
  return keys.map((k) => groups.get(unitKeyString(k)) ?? []);
}

/** Administrative units through time: lookups by key (batched), the tree, and the succession links of the 2025 reform. */
export function unitData(prisma: PrismaClient) {
  const byKey = new DataLoader<UnitKey, AdministrativeUnit | null, string>(
    async (keys) => {
      const found = await findUnits(prisma, keys);
      return keys.map((k) => found.get(unitKeyString(k)) ?? null);
    },
    { cacheKeyFn: unitKeyString },
  );
  const predecessors = new DataLoader<UnitKey, UnitSuccessionParent[], string>(
    async (keys) => {
      const links = await prisma.unitSuccession.findMany({
        where: { successorCode: { in: [...new Set(keys.map((k) => k.code))] } },
        include: { predecessor: true },
        orderBy: { predecessorCode: 'asc' },
      });
      const rows = links.map(({ predecessor, ...link }) => ({ ...link, unit: predecessor }));
      return groupByUnit(keys, rows, (l) => ({ code: l.successorCode, validFrom: toIsoDate(l.successorValidFrom) }));
    },
    { cacheKeyFn: unitKeyString },
  );
  const successors = new DataLoader<UnitKey, UnitSuccessionParent[], string>(
    async (keys) => {
      const links = await prisma.unitSuccession.findMany({
        where: { predecessorCode: { in: [...new Set(keys.map((k) => k.code))] } },
        include: { successor: true },
        orderBy: { successorCode: 'asc' },
      });
      const rows = links.map(({ successor, ...link }) => ({ ...link, unit: successor }));
      return groupByUnit(keys, rows, (l) => ({
        code: l.predecessorCode,
        validFrom: toIsoDate(l.predecessorValidFrom),
      }));
    },
    { cacheKeyFn: unitKeyString },
  );
  // The unit that had a code at the end of a year, for every code and year asked in a request at once.
  // Every unit that had a code, whatever its interval (codes were reused by the 2025 reform).
  const withCode = new DataLoader<string, AdministrativeUnit[]>(async (codes) => {
    const units = await prisma.administrativeUnit.findMany({
      where: { code: { in: [...codes] } },
      orderBy: { validFrom: 'asc' },
    });
    return codes.map((code) => units.filter((u) => u.code === code));
  });

  return {
    /** The unit a key names, or null (batched per request). */
    find: (key: UnitKey) => byKey.load(key),
    /** The unit an entity reference names (its `validFrom` arrives as text from the gateway), or null. */
    byReference: (reference: { code: string; validFrom: Date | string }) => byKey.load(unitKeyFromReference(reference)),
    /** The unit a stored row names by code and first day (it must exist). */
    at: async (code: string, validFrom: Date) =>
      present(await byKey.load({ code, validFrom: toIsoDate(validFrom) }), `Unit ${code}@${toIsoDate(validFrom)}`),
    /** The unit a row names by optional columns, or null when they are not set. */
    atOptional: (code: string | null, validFrom: Date | null) => {
      const key = keyOrNull(code, validFrom);
      return key ? byKey.load(key) : null;
    },
    /** The unit a stored reference names (it must exist). */
    get: async (key: UnitKey) => present(await byKey.load(key), `Unit ${unitKeyString(key)}`),
    /** A unit's parent, if any. */
    parentOf: (unit: AdministrativeUnit) => {
      const key = parentKeyOf(unit);
      return key ? byKey.load(key) : null;
    },
    /** The unit with this code on a day (today by default), or NOT_FOUND. */
    async onDay(code: string, asOf: Date | null | undefined) {
      const day = asOf ?? todayInVietnam();
      const unit = await prisma.administrativeUnit.findFirst({
        where: { code: assertUnitCode(code), ...validOn(day) },
      });
      if (!unit)
        throw notFound(`Không có đơn vị hành chính mã ${code.trim()} vào ngày ${toIsoDate(day)}.`, {
          field: 'code',
          reason: 'UNKNOWN_UNIT_CODE',
        });
      return unit;
    },
    /** Units valid on a day, optionally of one level and below one parent code, a page at a time. */
    page(args: {
      level?: UnitLevel | null;
      parentCode?: string | null;
      asOf?: Date | null;
      first?: number | null;
      after?: string | null;
    }) {
      const where: Prisma.AdministrativeUnitWhereInput = {
        ...validOn(args.asOf ?? todayInVietnam()),
        ...(args.level ? { level: args.level } : {}),
        ...(args.parentCode ? { parentCode: assertUnitCode(args.parentCode, 'parentCode') } : {}),
      };
      return unitPage(prisma, where, args.first, args.after);
    },
    /** Units by code or name, accent- and case-insensitive, of every period unless `asOf` is given, the closest first. */
    search: (args: { text: string; level?: UnitLevel | null; asOf?: Date | null; first?: number | null }) =>
      searchUnits(prisma, args),
    /** The units one level below, a page at a time. */
    children: (unit: AdministrativeUnit, first: number | null | undefined, after: string | null | undefined) =>
      unitPage(prisma, { parentCode: unit.code, parentValidFrom: unit.validFrom }, first, after, 100),
    /** The communes of a unit (a commune: itself), a page at a time. */
    communes: (unit: AdministrativeUnit, first: number | null | undefined, after: string | null | undefined) =>
      unitPage(
        prisma,
        unit.level === 'COMMUNE' ? { code: unit.code, validFrom: unit.validFrom } : communesBelowWhere(unit),
        first,
        after,
        100,
      ),
    predecessors: (unit: AdministrativeUnit) => predecessors.load(unitKeyOf(unit)),
    successors: (unit: AdministrativeUnit) => successors.load(unitKeyOf(unit)),
    /** The unit that had this code at the end of the year (progress is read in the units of its own time), or NOT_FOUND. */
    /** Every unit that had this code, oldest first. */
    withCode: (code: string) => withCode.load(code),
    /** The first day of validity of the unit that had this code on that day, if any: its identity. */
    validFromOn: (code: string, asOf: string) => unitValidFromOn(prisma, code, asOf),
  };
}

export type UnitData = ReturnType<typeof unitData>;

/** The first day of validity of the unit that had this code on that day, if any: its identity. */
export async function unitValidFromOn(
  prisma: Pick<PrismaClient, 'administrativeUnit'>,
  code: string,
  asOf: string,
): Promise<Date | null> {
  const unit = await prisma.administrativeUnit.findFirst({
    where: { code, ...validOn(fromIsoDate(asOf)) },
    select: { validFrom: true },
  });
  return unit?.validFrom ?? null;
}

const LEVEL_ORDER = { province: 0, district: 1, commune: 2 } as const;
const LEVELS = { province: 'PROVINCE', district: 'DISTRICT', commune: 'COMMUNE' } as const satisfies Record<
  keyof typeof LEVEL_ORDER,
  UnitLevel
>;

function unitRows(list: UnitList): Prisma.AdministrativeUnitCreateManyInput[] {
  const validFrom = fromIsoDate(list.validFrom);
  const validTo = list.validTo ? fromIsoDate(list.validTo) : null;
  return readUnitList(list)
    .sort((a, b) => LEVEL_ORDER[a.level] - LEVEL_ORDER[b.level])
    .map((unit) => ({
      code: unit.code,
      validFrom,
      validTo,
      name: unit.name,
      fullName: unit.fullName,
      level: LEVELS[unit.level],
      type: unit.type,
      parentCode: unit.parentCode,
      parentValidFrom: unit.parentCode ? validFrom : null,
    }));
}

function successionRows(before: UnitList, after: UnitList): Prisma.UnitSuccessionCreateManyInput[] {
  const predecessorValidFrom = fromIsoDate(before.validFrom);
  const successorValidFrom = fromIsoDate(after.validFrom);
  const effectiveOn = fromIsoDate(REFORM_DATE);
  const row = (from: string, to: string, confidence: string, shareNote: string | null, note: string | null) => ({
    predecessorCode: from,
    predecessorValidFrom,
    successorCode: to,
    successorValidFrom,
    effectiveOn,
    confidence,
    shareNote,
    note,
  });
  return [
    ...readProvinceSuccessions().map((p) => row(p.oldProvinceCode, p.newProvinceCode, p.confidence, null, null)),
    // Island districts had no communes: the district itself became a đặc khu.
    ...readCommuneSuccessions().map((c) =>
      row(c.oldCommuneCode ?? c.oldDistrictCode, c.newCommuneCode, c.confidence, c.shareNote, c.note),
    ),
  ];
}

/**
 * Loads the official unit lists and the 2025 succession links the first time the database starts
 * (reference data, not demo data); later starts find them and do nothing.
 */
export async function loadReferenceUnits(prisma: PrismaClient, logger: Logger): Promise<void> {
  const [before, after] = UNIT_LISTS;
  if (!before || !after) throw new Error('@ecd/reference-data holds fewer than two unit lists');
  const loaded = await prisma.administrativeUnit.groupBy({ by: ['validFrom'], _count: true });
  const has = (list: UnitList) => loaded.some((g) => g.validFrom.getTime() === fromIsoDate(list.validFrom).getTime());
  if (has(before) && has(after)) return;
  await prisma.$transaction(async (tx) => {
    for (const list of [before, after].filter((l) => !has(l))) {
      await bulkInsert(tx, 'administrative_unit', unitRows(list));
    }
    await tx.unitSuccession.deleteMany();
    await bulkInsert(tx, 'unit_succession', successionRows(before, after));
  });
  logger.info('official administrative unit lists loaded');
}
