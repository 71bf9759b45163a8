import DataLoader from 'dataloader';
import { createIndicatorValueLoader, unitKeyString, type UnitKey } from '@ecd/database';
import type { AdministrativeUnit, Agency, Indicator, Plan, PlanTarget, PrismaClient, ReferralEvent, TargetMilestone } from './generated/prisma/client.js';
import { byChildKey } from './records/child.js';
import { SOCIAL_AFFAIRS_COMPUTED } from './records/computed-indicators.js';
import { toIsoDate } from '@ecd/service-kit';

const keyOf = (unit: Pick<AdministrativeUnit, 'code' | 'validFrom'>): UnitKey => ({ code: unit.code, validFrom: toIsoDate(unit.validFrom) });

/** Units by key; a code names at most a few units over time, so `code IN` then a filter beats OR chains. */
async function findUnits(prisma: PrismaClient, keys: readonly UnitKey[]): Promise<Map<string, AdministrativeUnit>> {
  if (!keys.length) return new Map();
  const wanted = new Set(keys.map(unitKeyString));
  const units = await prisma.administrativeUnit.findMany({ where: { code: { in: [...new Set(keys.map((k) => k.code))] } } });
  return new Map(units.map((u) => [unitKeyString(keyOf(u)), u] as const).filter(([key]) => wanted.has(key)));
}

/** A unit and everything above it, as unit keys. */
async function withAncestors(prisma: PrismaClient, start: Map<string, AdministrativeUnit>) {
  const all = new Map(start);
  let frontier = [...start.values()];
  while (frontier.length) {
    const parentKeys = frontier
      .filter((u) => u.parentCode && u.parentValidFrom)
      .map((u) => ({ code: u.parentCode!, validFrom: toIsoDate(u.parentValidFrom!) }))
      .filter((k) => !all.has(unitKeyString(k)));
    const parents = await findUnits(prisma, parentKeys);
    for (const [key, unit] of parents) all.set(key, unit);
    frontier = [...parents.values()];
  }
  return all;
}

const ancestorsOf = (unit: AdministrativeUnit, units: Map<string, AdministrativeUnit>): AdministrativeUnit[] => {
  const chain = [unit];
  let current: AdministrativeUnit | undefined = unit;
  while (current?.parentCode && current.parentValidFrom) {
    current = units.get(unitKeyString({ code: current.parentCode, validFrom: toIsoDate(current.parentValidFrom) }));
    if (current) chain.push(current);
  }
  return chain;
};

/**
 * Plans in force for each unit: national schemes, plans scoped to the unit or an ancestor, and the
 * same for the units it succeeded (a 2019 provincial plan still applies to the merged 2025 commune).
 * A few queries per batch, whatever the number of units.
 */
async function plansForUnits(prisma: PrismaClient, keys: readonly UnitKey[]): Promise<Plan[][]> {
  // Plans are few (a province holds tens), units many: load every plan once, then match scopes in memory.
  const plans = await prisma.plan.findMany({ orderBy: [{ periodStart: 'asc' }, { issuedOn: 'asc' }, { key: 'asc' }] });
  const requested = await findUnits(prisma, keys);
  const current = await withAncestors(prisma, requested);
  const currentKeys = new Set([...current.keys()]);
  const successions = (
    await prisma.unitSuccession.findMany({ where: { successorCode: { in: [...new Set([...current.values()].map((u) => u.code))] } } })
  ).filter((s) => currentKeys.has(unitKeyString({ code: s.successorCode, validFrom: toIsoDate(s.successorValidFrom) })));
  const predecessorKeys = successions.map((s) => ({ code: s.predecessorCode, validFrom: toIsoDate(s.predecessorValidFrom) }));
  const all = await withAncestors(prisma, new Map([...current, ...(await findUnits(prisma, predecessorKeys))]));
  const predecessorsOf = (unit: AdministrativeUnit) =>
    successions
      .filter((s) => s.successorCode === unit.code && s.successorValidFrom.getTime() === unit.validFrom.getTime())
      .map((s) => all.get(unitKeyString({ code: s.predecessorCode, validFrom: toIsoDate(s.predecessorValidFrom) })))
      .filter((u): u is AdministrativeUnit => u !== undefined);

  return keys.map((key) => {
    const unit = requested.get(unitKeyString(key));
    if (!unit) return [];
    const lineage = ancestorsOf(unit, all).flatMap((u) => [u, ...predecessorsOf(u).flatMap((p) => ancestorsOf(p, all))]);
    const scopes = new Set(lineage.map((u) => unitKeyString(keyOf(u))));
    return plans.filter(
      (p) => p.scopeUnitCode === null || scopes.has(unitKeyString({ code: p.scopeUnitCode, validFrom: toIsoDate(p.scopeUnitValidFrom!) })),
    );
  });
}

/** A loader of rows by their id, in one query per batch. */
function byId<Row>(fetch: (ids: string[]) => Promise<Row[]>, idOf: (row: Row) => string) {
  return new DataLoader<string, Row | null>(async (ids) => {
    const rows = new Map((await fetch([...ids])).map((row) => [idOf(row), row]));
    return ids.map((id) => rows.get(id) ?? null);
  });
}

/** `childKeySecret`: the secret sectors share to derive a child's key (CHILD_KEY_SECRET). */
export function createLoaders(prisma: PrismaClient, childKeySecret: string) {
  const byKeys = (keys: string[]) => ({ where: { childKey: { in: keys } } });
  const agency = byId((codes) => prisma.agency.findMany({ where: { code: { in: codes } } }), (a: Agency) => a.code);
  return {
    agency,
    /** The agencies with these codes that exist in the registry, in the order given. */
    agencies: async (codes: readonly string[]) => (await agency.loadMany(codes)).filter((a): a is Agency => a !== null && !(a instanceof Error)),
    unit: new DataLoader<UnitKey, AdministrativeUnit | null, string>(
      async (keys) => {
        const found = await findUnits(prisma, keys);
        return keys.map((k) => found.get(unitKeyString(k)) ?? null);
      },
      { cacheKeyFn: unitKeyString },
    ),
    plansForUnit: new DataLoader<UnitKey, Plan[], string>((keys) => plansForUnits(prisma, keys), { cacheKeyFn: unitKeyString }),
    plan: byId((ids) => prisma.plan.findMany({ where: { id: { in: ids } } }), (p: Plan) => p.id),
    indicator: byId((codes) => prisma.indicator.findMany({ where: { code: { in: codes } } }), (i: Indicator) => i.code),
    target: byId((ids) => prisma.planTarget.findMany({ where: { id: { in: ids } } }), (t: PlanTarget) => t.id),
    milestones: new DataLoader<string, TargetMilestone[]>(async (targetIds) => {
      const rows = await prisma.targetMilestone.findMany({ where: { targetId: { in: [...targetIds] } }, orderBy: [{ year: 'asc' }, { comparator: 'asc' }] });
      return targetIds.map((id) => rows.filter((m) => m.targetId === id));
    }),
    indicatorValue: createIndicatorValueLoader(prisma, SOCIAL_AFFAIRS_COMPUTED),
    childKeySecret,
    referralsOfChild: byChildKey((keys) => prisma.referral.findMany({ ...byKeys(keys), orderBy: [{ createdAt: 'desc' }, { id: 'desc' }] })),
    specialCircumstancesOfChild: byChildKey((keys) => prisma.specialCircumstanceChild.findMany({ ...byKeys(keys), orderBy: [{ identifiedOn: 'asc' }, { id: 'asc' }] })),
    protectionCasesOfChild: byChildKey((keys) => prisma.protectionCase.findMany({ ...byKeys(keys), orderBy: [{ reportedOn: 'asc' }, { id: 'asc' }] })),
    socialSupportOfChild: byChildKey((keys) => prisma.socialSupport.findMany({ ...byKeys(keys), orderBy: [{ fromDate: 'asc' }, { id: 'asc' }] })),
    referralEvents: new DataLoader<string, ReferralEvent[]>(async (ids) => {
      const rows = await prisma.referralEvent.findMany({ where: { referralId: { in: [...ids] } }, orderBy: [{ at: 'asc' }, { id: 'asc' }] });
      return ids.map((id) => rows.filter((e) => e.referralId === id));
    }),
  };
}

export type Loaders = ReturnType<typeof createLoaders>;
export { keyOf as unitKeyOf };
