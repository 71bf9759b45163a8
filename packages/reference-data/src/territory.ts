import { readCommuneSuccessions, UNIT_LISTS, unitIndexFor, type UnitList } from './admin-units.js';

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
