import {
  readCommuneSuccessions,
  territoryOf,
  UNIT_LISTS,
  unitIndexFor,
  unitKey,
  type UnitList,
  type UnitRef,
} from '@ecd/reference-data';

/**
 * Whether the agencies a plan names belong to its scope (issue 10): each serves the plan's unit or a
 * unit inside it, or is a national body (no unit); a national scheme may name any agency. Units are
 * compared across the 2025 reform by their ground, as access is (reference-data territory.ts): a unit of
 * the other list belongs to the scope only when it lies wholly inside it, so a pre-reform Lạng Sơn body
 * belongs to a 2026 Lạng Sơn plan, and the merged 2025 Ninh Bình does not belong to a plan of the old one.
 */

const listOf = (validFrom: string): UnitList | undefined => UNIT_LISTS.find((l) => l.validFrom === validFrom);

let predecessorsOfNew: Map<string, Set<string>> | undefined;
/** For each current commune, the pre-reform communes (or commune-less districts) it was formed from. */
function predecessors(): Map<string, Set<string>> {
  if (predecessorsOfNew) return predecessorsOfNew;
  predecessorsOfNew = new Map();
  for (const row of readCommuneSuccessions()) {
    const from = predecessorsOfNew.get(row.newCommuneCode) ?? new Set<string>();
    from.add(row.oldCommuneCode ?? row.oldDistrictCode);
    predecessorsOfNew.set(row.newCommuneCode, from);
  }
  return predecessorsOfNew;
}

/** Whether `unit` is `scope` or lies below it in the same list. */
function isSelfOrBelow(list: UnitList, unit: string, scope: string): boolean {
  const index = unitIndexFor(list);
  for (let at = index.byCode.get(unit); at; at = at.parentCode ? index.byCode.get(at.parentCode) : undefined) {
    if (at.code === scope) return true;
  }
  return false;
}

/** Whether a current unit lies wholly inside a pre-reform unit: every commune it has was formed from the old unit's ground only. */
function currentWithinOld(current: UnitList, previous: UnitList, unit: string, scope: string): boolean {
  const oldIndex = unitIndexFor(previous);
  if (!oldIndex.byCode.has(scope)) return false;
  const ground = new Set(oldIndex.communesOf(scope).map((c) => c.code));
  if (ground.size === 0) ground.add(scope); // an island district without communes stands for itself
  const communes = unitIndexFor(current).communesOf(unit);
  return (
    communes.length > 0 &&
    communes.every((c) => {
      const from = predecessors().get(c.code);
      return from !== undefined && from.size > 0 && [...from].every((old) => ground.has(old));
    })
  );
}

/** Whether a unit (an agency's) lies within another (a plan's scope), in the same list or across the reform. */
export function unitLiesWithin(unit: UnitRef, scope: UnitRef): boolean {
  const [unitList, scopeList] = [listOf(unit.validFrom), listOf(scope.validFrom)];
  if (!unitList || !scopeList) return false;
  if (unitList === scopeList) return isSelfOrBelow(unitList, unit.code, scope.code);
  // A current scope: its territory (reference-data) holds every pre-reform unit wholly inside it.
  if (scopeList.validTo === null) return territoryOf(scope.code)?.has(unitKey(unit)) ?? false;
  return currentWithinOld(unitList, scopeList, unit.code, scope.code);
}

/** Whether an agency serving `unit` (null: a national body) may be named by a plan covering `scope` (null: national). */
export const agencyBelongsToScope = (unit: UnitRef | null, scope: UnitRef | null): boolean =>
  unit === null || scope === null || unitLiesWithin(unit, scope);
