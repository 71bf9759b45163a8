import { fromIsoDate, toIsoDate, unitKeyString, type UnitKey } from '@ecd/service-kit';

import { resolveReporting, type AgencyOnRecord, type ReportingResolution } from '../domain/agency-succession.js';
import type { Agency, AgencyFunction, PrismaClient } from '../generated/prisma/client.js';
import { isoInterval, validOn } from './rows.js';
import { ancestorsOf, findUnits, keyOrNull, unitKeyOf, withAncestors } from './units.js';

/**
 * The recipient and reporters of a period on its due day, from those its rule names, succeeded through
 * their functions where they no longer exist (domain/agency-succession.ts). The units searched for a
 * successor come from the database: the agency's unit, the units that succeeded it (unit_succession;
 * for a district, which has no successor of its own, those of its communes), and for the recipient the
 * units above it and theirs. A handful of queries, whatever the number of agencies.
 */

type AgencyWithFunctions = Agency & { functions: AgencyFunction[] };

const onRecord = (agency: AgencyWithFunctions): AgencyOnRecord => ({
  code: agency.code,
  kind: agency.kind,
  ...isoInterval(agency),
  functions: agency.functions.map((f) => ({ function: f.function, ...isoInterval(f) })),
});

const NATIONAL = 'national';

/** For each unit, the units that succeeded it: its own successors, or (a district) its communes'. */
async function successorUnits(prisma: PrismaClient, units: readonly UnitKey[]): Promise<Map<string, UnitKey[]>> {
  const result = new Map<string, UnitKey[]>(units.map((u) => [unitKeyString(u), []]));
  if (!units.length) return result;
  const successionsOf = async (keys: readonly UnitKey[]) => {
    const wanted = new Set(keys.map(unitKeyString));
    const rows = keys.length
      ? await prisma.unitSuccession.findMany({
          where: { predecessorCode: { in: [...new Set(keys.map((k) => k.code))] } },
          select: { predecessorCode: true, predecessorValidFrom: true, successorCode: true, successorValidFrom: true },
        })
      : [];
    const byPredecessor = new Map<string, UnitKey[]>();
    for (const row of rows) {
      const from = unitKeyString({ code: row.predecessorCode, validFrom: toIsoDate(row.predecessorValidFrom) });
      if (!wanted.has(from)) continue;
      byPredecessor.set(from, [
        ...(byPredecessor.get(from) ?? []),
        { code: row.successorCode, validFrom: toIsoDate(row.successorValidFrom) },
      ]);
    }
    return byPredecessor;
  };
  const direct = await successionsOf(units);
  const without = units.filter((u) => !direct.has(unitKeyString(u)));
  // A unit without successors of its own (a district): those of the communes below it.
  const communes = without.length
    ? await prisma.administrativeUnit.findMany({
        where: {
          level: 'COMMUNE',
          OR: without.flatMap((u) => {
            const validFrom = fromIsoDate(u.validFrom);
            return [
              { parentCode: u.code, parentValidFrom: validFrom },
              { parent: { parentCode: u.code, parentValidFrom: validFrom } },
            ];
          }),
        },
        include: { parent: { select: { parentCode: true, parentValidFrom: true } } },
      })
    : [];
  const viaCommunes = await successionsOf(communes.map(unitKeyOf));
  for (const unit of units) {
    const key = unitKeyString(unit);
    const own = direct.get(key);
    if (own) {
      result.set(key, own);
      continue;
    }
    const below = communes.filter((c) =>
      [
        keyOrNull(c.parentCode, c.parentValidFrom),
        keyOrNull(c.parent?.parentCode ?? null, c.parent?.parentValidFrom ?? null),
      ].some((k) => k !== null && unitKeyString(k) === key),
    );
    const successors = below.flatMap((c) => viaCommunes.get(unitKeyString(unitKeyOf(c))) ?? []);
    result.set(key, [...new Map(successors.map((s) => [unitKeyString(s), s])).values()]);
  }
  return result;
}

/** The period's recipient and reporters on `dueOn` (see above), and what was replaced or dropped. */
export async function resolvePeriodAgencies(
  prisma: PrismaClient,
  rule: { recipientCode: string; reporterCodes: readonly string[] },
  dueOn: Date,
): Promise<ReportingResolution> {
  const day = toIsoDate(dueOn);
  const named = await prisma.agency.findMany({
    where: { code: { in: [rule.recipientCode, ...rule.reporterCodes] } },
    include: { functions: true },
  });
  const byCode = new Map(named.map((a) => [a.code, a]));
  const gone = named.filter((a) => !(a.validFrom <= dueOn && (a.validTo === null || a.validTo >= dueOn)));

  // The units to search: each gone agency's unit and its successors; for the recipient, the units above too.
  const ownUnits = new Map<string, UnitKey>();
  for (const agency of gone) {
    const unit = keyOrNull(agency.unitCode, agency.unitValidFrom);
    if (unit) ownUnits.set(unitKeyString(unit), unit);
  }
  const recipient = byCode.get(rule.recipientCode);
  const recipientUnit =
    recipient && gone.includes(recipient) ? keyOrNull(recipient.unitCode, recipient.unitValidFrom) : null;
  const above = recipientUnit
    ? await (async () => {
        const found = await findUnits(prisma, [recipientUnit]);
        const unit = found.get(unitKeyString(recipientUnit));
        return unit
          ? ancestorsOf(unit, await withAncestors(prisma, found))
              .slice(1)
              .map(unitKeyOf)
          : [];
      })()
    : [];
  const searched = [...ownUnits.values(), ...above];
  const successors = await successorUnits(prisma, searched);
  const allUnits = new Map<string, UnitKey>();
  for (const unit of searched) {
    allUnits.set(unitKeyString(unit), unit);
    for (const s of successors.get(unitKeyString(unit)) ?? []) allUnits.set(unitKeyString(s), s);
  }
  const national = gone.some((a) => a.unitCode === null);
  const candidates =
    allUnits.size || national
      ? await prisma.agency.findMany({
          where: {
            ...validOn(dueOn),
            OR: [
              ...(allUnits.size ? [{ unitCode: { in: [...new Set([...allUnits.values()].map((u) => u.code))] } }] : []),
              ...(national ? [{ unitCode: null }] : []),
            ],
          },
          include: { functions: { where: validOn(dueOn) } },
        })
      : [];
  const inUnit = new Map<string, AgencyOnRecord[]>();
  for (const agency of candidates) {
    const unit = keyOrNull(agency.unitCode, agency.unitValidFrom);
    const key = unit ? unitKeyString(unit) : NATIONAL;
    if (unit && !allUnits.has(key)) continue;
    inUnit.set(key, [...(inUnit.get(key) ?? []), onRecord(agency)]);
  }
  const tier = (units: readonly UnitKey[]) => units.flatMap((u) => inUnit.get(unitKeyString(u)) ?? []);
  const tiersOfUnit = (unit: UnitKey) => [tier([unit]), tier(successors.get(unitKeyString(unit)) ?? [])];

  return resolveReporting({
    day,
    recipient: recipient ? onRecord(recipient) : undefined,
    reporters: rule.reporterCodes.map((code) => {
      const agency = byCode.get(code);
      return agency ? onRecord(agency) : undefined;
    }),
    tiersOf(agency, role) {
      const held = byCode.get(agency.code);
      const unit = held ? keyOrNull(held.unitCode, held.unitValidFrom) : null;
      if (!unit) return [inUnit.get(NATIONAL) ?? []];
      return role === 'RECIPIENT' ? [...tiersOfUnit(unit), ...above.flatMap(tiersOfUnit)] : tiersOfUnit(unit);
    },
  });
}
