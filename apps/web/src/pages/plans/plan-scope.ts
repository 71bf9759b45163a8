import type { Identity } from '../../auth/identity.ts';
import { servesUnit } from '../../auth/permissions.ts';

interface ScopeChain {
  code: string;
  parent?: { code: string; parent?: { code: string } | null } | null;
}

/** A unit with the codes of the units above it, for `servesUnit`. */
export const unitChain = (scope: ScopeChain | null | undefined) =>
  scope ? [scope.code, scope.parent?.code, scope.parent?.parent?.code] : [];

/** Whether a plan's ground lies in the person's unit (a national scheme's lies in no one's but national roles'). */
export const planInScope = (identity: Identity, scope: ScopeChain | null | undefined) =>
  identity.unitCode === null || (scope ? servesUnit(identity, unitChain(scope)) : false);

/**
 * The unit whose progress a person reads in a plan: the plan's own ground when it lies in their unit, else
 * (a national scheme, a province's plan read by a district) their own unit inside it.
 */
export const progressUnitFor = (identity: Identity, scope: ScopeChain | null | undefined) =>
  planInScope(identity, scope) && scope ? undefined : (identity.unitCode ?? undefined);

/** The year a plan opens at: this year inside its period, else its nearest end. */
export function defaultYear(periodStart: number, periodEnd: number, today = new Date()): number {
  return Math.min(Math.max(today.getFullYear(), periodStart), periodEnd);
}

/** The years of a plan that can have figures (none after this year). */
export function yearsOf(periodStart: number, periodEnd: number, today = new Date()): number[] {
  const last = Math.min(periodEnd, today.getFullYear());
  return Array.from({ length: Math.max(0, last - periodStart + 1) }, (_, i) => periodStart + i);
}
