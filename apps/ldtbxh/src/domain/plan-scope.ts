import type { Located } from '@ecd/service-kit';

type Scoped = { scopeUnitCode: string | null; scopeUnitValidFrom: Date | null };

/** The unit a plan covers, or null for a national scheme (the whole country: national roles only). */
export const planScope = (plan: Scoped): Located | null =>
  plan.scopeUnitCode && plan.scopeUnitValidFrom
    ? { code: plan.scopeUnitCode, validFrom: plan.scopeUnitValidFrom }
    : null;

/**
 * A period as its fields are read: with its plan's unit as `unitCode`/`unitValidFrom`, which the access
 * guard of report:read fields checks against the person's territory (none for a national scheme).
 */
export const withPlanScope = <P extends object>(period: P, plan: Scoped) => ({
  ...period,
  unitCode: plan.scopeUnitCode,
  unitValidFrom: plan.scopeUnitValidFrom,
});
