import { readCommuneSuccessions, UNIT_LISTS, unitIndexFor, unitListFor, type UnitList } from './admin-units.js';

/** A unit as the federation identifies it: official code and first day of validity (YYYY-MM-DD). */
export interface UnitRef {
  code: string;
  validFrom: string;
}

export const unitKey = (unit: UnitRef) => `${unit.code}@${unit.validFrom}`;

const [PRE_REFORM, CURRENT] = UNIT_LISTS as [UnitList, UnitList];

let successorsOfOld: Map<string, Set<string>> | undefined;

/** For each pre-reform commune (or commune-less district), the current communes it became. */
function oldToNew(): Map<string, Set<string>> {
  if (successorsOfOld) return successorsOfOld;
  successorsOfOld = new Map();
  for (const row of readCommuneSuccessions()) {
    const old = row.oldCommuneCode ?? row.oldDistrictCode;
    const successors = successorsOfOld.get(old) ?? new Set<string>();
    successors.add(row.newCommuneCode);
    successorsOfOld.set(old, successors);
  }
  return successorsOfOld;
}

/**
 * The units lying wholly within a current unit, in both official lists: the unit and everything
 * below it today, every pre-reform commune all of whose successors lie in it, and every pre-reform
 * district or province all of whose communes do. A pre-reform commune split across two current
 * units belongs to neither (its records cannot be told apart), so access to it fails closed.
 */
export function territoryOf(unitCode: string): ReadonlySet<string> | undefined {
  const cached = territories.get(unitCode);
  if (cached) return cached;
  const current = unitIndexFor(CURRENT);
  const unit = current.byCode.get(unitCode);
  if (!unit) return undefined;
  const keys = new Set<string>();
  const addBelow = (code: string) => {
    keys.add(unitKey({ code, validFrom: CURRENT.validFrom }));
    for (const child of current.childrenOf.get(code) ?? []) addBelow(child.code);
  };
  addBelow(unitCode);
  const communesToday = new Set(current.communesOf(unitCode).map((c) => c.code));

  const previous = unitIndexFor(PRE_REFORM);
  const successors = oldToNew();
  const covered = (code: string): boolean => {
    const old = previous.byCode.get(code);
    if (!old) return false;
    const mapped = successors.get(code);
    if (old.level === 'commune' || (mapped && !previous.childrenOf.has(code))) {
      return mapped !== undefined && [...mapped].every((c) => communesToday.has(c));
    }
    const children = previous.childrenOf.get(code) ?? [];
    return children.length > 0 && children.every((child) => covered(child.code));
  };
  const walkOld = (code: string) => {
    if (covered(code)) keys.add(unitKey({ code, validFrom: PRE_REFORM.validFrom }));
    for (const child of previous.childrenOf.get(code) ?? []) walkOld(child.code);
  };
  for (const province of previous.byCode.values()) if (!province.parentCode) walkOld(province.code);

  territories.set(unitCode, keys);
  return keys;
}

const territories = new Map<string, ReadonlySet<string>>();

/**
 * A unit's ground across the 2025 reform, as the units of both official lists that together cover it,
 * so that a figure summed over them counts each record once: a record is located in the units valid on
 * its day, in one list only.
 */
export interface TerritoryCover {
  /** The unit itself and, on the other side of the reform, the units of its ground (disjoint). */
  units: (UnitRef & { list: UnitList['id'] })[];
  /**
   * True when the other side only approximates the unit's ground: a unit of the other list lies partly
   * inside and was counted whole (or left out), which happens where the reform split a commune or merged
   * communes across the old boundary. The source gives no shares, so nothing better is possible.
   */
  approximate: boolean;
  /** The units counted whole (or left out) although only part of them lies in the unit's ground. */
  partlyInside: UnitRef[];
  /**
   * The provinces its units lie in, each in its unit's list: every record of the ground is located in one
   * of them, so a statement may read those provinces' rows only.
   */
  provinces: UnitRef[];
}

type Level = 'province' | 'district' | 'commune';

/** The pre-reform commune a mapping row starts from (a district without communes stands for itself). */
const oldGroundOf = (row: { oldCommuneCode: string | null; oldDistrictCode: string }) =>
  row.oldCommuneCode ?? row.oldDistrictCode;

interface Mapping {
  /** For each current commune, its mapping rows (from the old communes it was formed from). */
  rowsToNew: Map<string, ReturnType<typeof readCommuneSuccessions>>;
  /** For each old commune (or commune-less district), its mapping rows (to the current communes it went into). */
  rowsFromOld: Map<string, ReturnType<typeof readCommuneSuccessions>>;
}
let mapping: Mapping | undefined;
function readMapping(): Mapping {
  if (mapping) return mapping;
  const rowsToNew: Mapping['rowsToNew'] = new Map();
  const rowsFromOld: Mapping['rowsFromOld'] = new Map();
  for (const row of readCommuneSuccessions()) {
    rowsToNew.set(row.newCommuneCode, [...(rowsToNew.get(row.newCommuneCode) ?? []), row]);
    rowsFromOld.set(oldGroundOf(row), [...(rowsFromOld.get(oldGroundOf(row)) ?? []), row]);
  }
  return (mapping = { rowsToNew, rowsFromOld });
}

/** The code met most often (the smallest code among equals): where a unit split across several goes. */
function majority(codes: readonly string[]): string | undefined {
  const counts = new Map<string, number>();
  for (const code of codes) counts.set(code, (counts.get(code) ?? 0) + 1);
  return [...counts].sort(([a, m], [b, n]) => n - m || a.localeCompare(b))[0]?.[0];
}

const OLD_LEVEL_OF_ROW: Record<Level, (row: ReturnType<typeof readCommuneSuccessions>[number]) => string> = {
  province: (row) => row.oldProvinceCode,
  district: (row) => row.oldDistrictCode,
  commune: oldGroundOf,
};

/**
 * The pre-reform unit of `level` a current commune is attributed to: the one most of the old communes it
 * was formed from lay in. Old districts are rebuilt from today's communes this way, each commune in one
 * district only, so that the rebuilt districts add up to their province.
 */
export function oldUnitOfCommune(newCommuneCode: string, level: Level): string | undefined {
  return majority((readMapping().rowsToNew.get(newCommuneCode) ?? []).map(OLD_LEVEL_OF_ROW[level]));
}

/** The current unit (commune or province) an old commune is attributed to: where most of it went. */
function newUnitOfOld(oldCode: string, level: 'province' | 'commune'): string | undefined {
  return majority(
    (readMapping().rowsFromOld.get(oldCode) ?? []).map((row) =>
      level === 'province' ? row.newProvinceCode : row.newCommuneCode,
    ),
  );
}

const attributions = new Map<'province' | 'commune', Map<string, string[]>>();
/**
 * The old communes attributed to each current unit of `level` (`newUnitOfOld`), worked out once: asked
 * per unit, every old commune of the country was weighed again for each (1.5 s per process for a province's
 * 166 communes).
 */
function oldCommunesAttributed(level: 'province' | 'commune'): Map<string, string[]> {
  let byNewUnit = attributions.get(level);
  if (byNewUnit) return byNewUnit;
  byNewUnit = new Map();
  for (const oldCode of readMapping().rowsFromOld.keys()) {
    const newCode = newUnitOfOld(oldCode, level);
    if (newCode === undefined) continue;
    const attributed = byNewUnit.get(newCode);
    if (attributed) attributed.push(oldCode);
    else byNewUnit.set(newCode, [oldCode]);
  }
  attributions.set(level, byNewUnit);
  return byNewUnit;
}

const listUnit = (list: UnitList, code: string) => ({ code, validFrom: list.validFrom, list: list.id });

/**
 * Replaces units of `list` by their parent wherever every unit below the parent is in the set: the
 * fewest keys for the same ground (a province rather than its communes), which also takes in the
 * records kept at the parent's level (a district's figure, a province's).
 */
function compress(list: UnitList, codes: ReadonlySet<string>): string[] {
  const index = unitIndexFor(list);
  const whole = (code: string): boolean => {
    const unit = index.byCode.get(code);
    if (!unit) return false;
    if (codes.has(code)) return true;
    const children = index.childrenOf.get(code) ?? [];
    return children.length > 0 && children.every((child) => whole(child.code));
  };
  const picked: string[] = [];
  const walk = (code: string) => {
    if (whole(code)) picked.push(code);
    else for (const child of index.childrenOf.get(code) ?? []) walk(child.code);
  };
  // Only the provinces holding a unit of the set: walking every province cost 1.5 ms per cover.
  const provinces = new Set<string>();
  for (const code of codes) {
    let unit = index.byCode.get(code);
    while (unit?.parentCode) unit = index.byCode.get(unit.parentCode);
    if (unit) provinces.add(unit.code);
  }
  for (const unit of index.byCode.values()) if (!unit.parentCode && provinces.has(unit.code)) walk(unit.code);
  return picked;
}

const covers = new Map<string, TerritoryCover | undefined>();

/**
 * The ground of a unit of either list in a year, as units of both lists whose records together make its
 * figure (disjoint, so each record counts once).
 * - An old unit before the reform is itself: every record of those years was located in the old units.
 * - An old unit from 2025 is itself (records kept before the reform, such as the schools registered in
 *   its communes) and the current communes that cover its communes through the official mapping, whole:
 *   where one of them also covers ground outside it (a commune split or merged across the old boundary)
 *   the figure is approximate and says which (the source gives no shares).
 * - A current unit is itself and the old units attributed to it (each old commune to the current unit
 *   most of it went to), for records kept before the reform and for the years before it.
 * Undefined for a unit of neither list.
 */
export function territoryCover(unit: UnitRef, year: number): TerritoryCover | undefined {
  const before = unit.validFrom === PRE_REFORM.validFrom && unitListFor(`${year}-12-31`).id === PRE_REFORM.id;
  const key = `${unitKey(unit)}|${before ? 'before' : 'after'}`;
  if (covers.has(key)) return covers.get(key);
  const ground = computeCover(unit, before);
  const cover = ground && { ...ground, provinces: provincesOf(ground.units) };
  covers.set(key, cover);
  return cover;
}

/** The provinces, each in its own list, that units of either list lie in. */
function provincesOf(units: readonly (UnitRef & { list: UnitList['id'] })[]): UnitRef[] {
  const provinces = new Map<string, UnitRef>();
  for (const unit of units) {
    const list = UNIT_LISTS.find((candidate) => candidate.id === unit.list);
    const province = list && unitIndexFor(list).provinceOf(unit.code);
    if (!list || !province) continue;
    const ref = { code: province.code, validFrom: list.validFrom };
    provinces.set(unitKey(ref), ref);
  }
  return [...provinces.values()];
}

function computeCover(unit: UnitRef, beforeReform: boolean): Omit<TerritoryCover, 'provinces'> | undefined {
  const { rowsToNew, rowsFromOld } = readMapping();
  const partlyInside: UnitRef[] = [];
  if (unit.validFrom === PRE_REFORM.validFrom) {
    const old = unitIndexFor(PRE_REFORM).byCode.get(unit.code);
    if (!old) return undefined;
    const itself = listUnit(PRE_REFORM, old.code);
    if (beforeReform) return { units: [itself], approximate: false, partlyInside };
    const ground = new Set(
      unitIndexFor(PRE_REFORM)
        .communesOf(unit.code)
        .map((c) => c.code),
    );
    if (old.level === 'district' && ground.size === 0) ground.add(old.code);
    const covering = new Set<string>();
    for (const code of ground) for (const row of rowsFromOld.get(code) ?? []) covering.add(row.newCommuneCode);
    for (const code of covering) {
      if ((rowsToNew.get(code) ?? []).some((row) => !ground.has(oldGroundOf(row))))
        partlyInside.push({ code, validFrom: CURRENT.validFrom });
    }
    return {
      units: [itself, ...compress(CURRENT, covering).map((c) => listUnit(CURRENT, c))],
      approximate: partlyInside.length > 0,
      partlyInside,
    };
  }
  if (unit.validFrom !== CURRENT.validFrom) return undefined;
  const current = unitIndexFor(CURRENT).byCode.get(unit.code);
  if (!current) return undefined;
  if (current.level === 'district')
    return { units: [listUnit(CURRENT, current.code)], approximate: false, partlyInside };
  const level = current.level;
  const ground = new Set(
    unitIndexFor(CURRENT)
      .communesOf(unit.code)
      .map((c) => c.code),
  );
  const attributed = new Set(oldCommunesAttributed(level).get(current.code));
  for (const code of attributed) {
    if ((rowsFromOld.get(code) ?? []).some((row) => !ground.has(row.newCommuneCode)))
      partlyInside.push({ code, validFrom: PRE_REFORM.validFrom });
  }
  for (const code of ground) {
    if ((rowsToNew.get(code) ?? []).some((row) => !attributed.has(oldGroundOf(row))))
      partlyInside.push({ code, validFrom: CURRENT.validFrom });
  }
  return {
    units: [listUnit(CURRENT, current.code), ...compress(PRE_REFORM, attributed).map((c) => listUnit(PRE_REFORM, c))],
    approximate: partlyInside.length > 0,
    partlyInside,
  };
}

const groundCommunes = new Map<string, readonly UnitRef[]>();

/**
 * The communes of a unit's ground in the list valid at the end of `year`: its own communes on its side
 * of the reform, on the other the communes of its cover (for an old unit from 2025, the current communes
 * that cover its communes). Worked out once per unit and list, like the cover: every progress read by
 * commune asks it in three subgraphs, and every caller shares the list.
 */
export function territoryCommunes(unit: UnitRef, year: number): readonly UnitRef[] {
  const list = unitListFor(`${year}-12-31`);
  const key = `${unitKey(unit)}|${list.id}`;
  let communes = groundCommunes.get(key);
  if (!communes) {
    const cover = territoryCover(unit, year);
    const index = unitIndexFor(list);
    communes = Object.freeze(
      (cover?.units ?? [])
        .filter((u) => u.list === list.id)
        .flatMap((u) =>
          index.communesOf(u.code).map((c) => Object.freeze({ code: c.code, validFrom: list.validFrom })),
        ),
    );
    groundCommunes.set(key, communes);
  }
  return communes;
}

/**
 * Whether a unit lies in another's ground in a year: itself, a unit of the other's cover that year (a
 * current commune covering part of an old district), or a unit more than half of whose pre-reform
 * communes are the other's (below it, or across the reform mostly inside it).
 */
export function liesWithin(unit: UnitRef, scope: UnitRef, year: number): boolean {
  if (unitKey(unit) === unitKey(scope)) return true;
  const cover = territoryCover(scope, year);
  if (cover?.units.some((u) => u.code === unit.code && u.validFrom === unit.validFrom)) return true;
  const [inner, outer] = [oldGround(unit), oldGround(scope)];
  if (!inner.size || !outer.size) return false;
  let inside = 0;
  for (const code of inner) if (outer.has(code)) inside++;
  return inside * 2 > inner.size;
}

/** The pre-reform communes (or commune-less districts) a unit of either list stands on. */
function oldGround(unit: UnitRef): Set<string> {
  const { rowsToNew } = readMapping();
  if (unit.validFrom === PRE_REFORM.validFrom) {
    const index = unitIndexFor(PRE_REFORM);
    const old = index.byCode.get(unit.code);
    if (!old) return new Set();
    const communes = index.communesOf(unit.code).map((c) => c.code);
    return new Set(communes.length || old.level !== 'district' ? communes : [old.code]);
  }
  if (unit.validFrom !== CURRENT.validFrom) return new Set();
  return new Set(
    unitIndexFor(CURRENT)
      .communesOf(unit.code)
      .flatMap((c) => (rowsToNew.get(c.code) ?? []).map(oldGroundOf)),
  );
}

/** Every current commune with the pre-reform district it is attributed to (see oldUnitOfCommune) and its current province. */
export function rebuiltDistricts(): { districtCode: string; communeCode: string; provinceCode: string }[] {
  const index = unitIndexFor(CURRENT);
  return [...readMapping().rowsToNew.keys()].flatMap((communeCode) => {
    const districtCode = oldUnitOfCommune(communeCode, 'district');
    const provinceCode = index.provinceOf(communeCode)?.code;
    return districtCode && provinceCode ? [{ districtCode, communeCode, provinceCode }] : [];
  });
}
