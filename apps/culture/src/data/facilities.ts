import DataLoader from 'dataloader';
import { z } from 'zod';

import { atUnit, empty, loaderPerArgument, locatedRows, onUniqueViolation, queryRows, sql } from '@ecd/database';
import {
  badInput,
  isProblem,
  isUuid,
  keysetPage,
  locateCommuneOn,
  MAX_NAME_LENGTH,
  pastDayProblems,
  problem,
  rejectInput,
  textProblems,
  todayInVietnam,
  unitKeyString,
  type InputProblem,
  type ScopeGuard,
  type UnitKey,
} from '@ecd/service-kit';

import type { CulturalFacilityInput } from '../generated/graphql.js';
import type { CulturalFacility, PrismaClient } from '../generated/prisma/client.js';
import type { UnitFigureLoaders } from './unit-figures.js';

const duplicateName = (name: string): InputProblem =>
  problem('name', 'DUPLICATE_FACILITY_NAME', `Xã/phường này đã có thiết chế tên "${name}".`);

/** A page's cursor: the (name, id) of the last facility of the previous page. */
const CURSOR_SEPARATOR = '\u0000';
const sortKey = (facility: CulturalFacility) => `${facility.name}${CURSOR_SEPARATOR}${facility.id}`;
function cursorOf(key: string) {
  const [name = '', id = ''] = key.split(CURSOR_SEPARATOR);
  if (!isUuid(id))
    throw badInput('Con trỏ phân trang (after) không hợp lệ.', { field: 'after', reason: 'INVALID_CURSOR' });
  return { name, id };
}

interface PageArguments {
  childFriendly: boolean | null;
  /** The sort key after which the page starts. */
  after: string | undefined;
  take: number;
}

const pageRow = z.object({ unit: z.string(), id: z.string() });

/**
 * One page of facilities (by name, then id) for each unit of a request, in two statements whatever
 * the number of units: the ids of each unit's page, ranked per unit, then the facilities.
 */
async function facilityPages(
  prisma: PrismaClient,
  keys: readonly UnitKey[],
  { childFriendly, after, take }: PageArguments,
): Promise<CulturalFacility[][]> {
  const cursor = after === undefined ? undefined : cursorOf(after);
  const rows = await queryRows(
    prisma,
    pageRow,
    sql`SELECT p.unit, p.id::text AS id
          FROM (SELECT k.code || '@' || k.valid_from::text AS unit, f.id, row_number() OVER (PARTITION BY k.code, k.valid_from ORDER BY f.name, f.id) AS n
                  FROM unnest(${keys.map((k) => k.code)}::text[], ${keys.map((k) => k.validFrom)}::date[]) AS k(code, valid_from)
                  JOIN ${locatedRows('cultural_facility')} f ON ${atUnit('f')}
                 WHERE TRUE
                       ${childFriendly === null ? empty : sql`AND f.serves_children = ${childFriendly}`}
                       ${cursor ? sql`AND (f.name, f.id) > (${cursor.name}, ${cursor.id}::uuid)` : empty}) p
         WHERE p.n <= ${take}
         ORDER BY p.unit, p.n`,
  );
  const facilities = await prisma.culturalFacility.findMany({
    where: { id: { in: [...new Set(rows.map((row) => row.id))] } },
  });
  const byId = new Map(facilities.map((facility) => [facility.id, facility]));
  const pages = new Map<string, CulturalFacility[]>(keys.map((key) => [unitKeyString(key), []]));
  for (const row of rows) {
    const facility = byId.get(row.id);
    if (facility) pages.get(row.unit)?.push(facility);
  }
  return keys.map((key) => pages.get(unitKeyString(key)) ?? []);
}

/** Cultural and sports facilities: registering them, each unit's list (page by page) and the facility of a record. */
export function facilityData(prisma: PrismaClient, figures: UnitFigureLoaders) {
  const counts = figures.facilityCountsByChildService(null);
  const pageLoaders = loaderPerArgument<DataLoader<UnitKey, CulturalFacility[], string>>();
  const pageOf = (unit: UnitKey, page: PageArguments) =>
    pageLoaders(
      JSON.stringify(page),
      () => new DataLoader((keys) => facilityPages(prisma, keys, page), { cacheKeyFn: unitKeyString }),
    ).load(unit);
  const byId = new DataLoader<string, CulturalFacility | null>(async (ids) => {
    const found = new Map(
      (await prisma.culturalFacility.findMany({ where: { id: { in: [...ids] } } })).map((facility) => [
        facility.id,
        facility,
      ]),
    );
    return ids.map((id) => found.get(id) ?? null);
  });
  return {
    /** The facility a record names, every facility of a request in one statement. */
    byId: (id: string) => byId.load(id),

    /** The unit's facilities (all its communes for a district or province), by name, `first` at a time; only those that do or do not serve children if `childFriendly` is given. */
    inUnit: (
      unit: UnitKey,
      { first, after, childFriendly }: { first?: number | null; after?: string | null; childFriendly?: boolean | null },
    ) =>
      keysetPage({
        first,
        after,
        fetch: (cursor, take) => pageOf(unit, { childFriendly: childFriendly ?? null, after: cursor, take }),
        count: async () => {
          const rows = await counts.load(unit);
          return rows
            .filter((row) => childFriendly == null || row.group === String(childFriendly))
            .reduce((sum, row) => sum + row.count, 0);
        },
        sortKey,
      }),

    /**
     * Checks the whole input (name, the commune on `communeAsOf`, dates, a name already used in the commune),
     * then registers the facility with its commune, district (2024 units) and province. The commune must lie
     * in the person's territory (`scope`), checked before anything is looked up or written.
     */
    async register(input: CulturalFacilityInput, recordedBy: string, scope: ScopeGuard, today = todayInVietnam()) {
      const asOf = input.communeAsOf ?? today;
      const name = input.name.trim();
      const location = locateCommuneOn('communeCode', input.communeCode, asOf, { beforeOldestList: 'refuse' });
      if (!isProblem(location))
        scope.assertCovers({ code: location.communeCode, validFrom: location.communeValidFrom }, 'input.communeCode');
      const problems: InputProblem[] = [
        ...textProblems('name', input.name, 'Tên thiết chế', MAX_NAME_LENGTH),
        ...pastDayProblems('openedOn', input.openedOn, today, 'Ngày đưa vào sử dụng'),
        ...pastDayProblems('communeAsOf', input.communeAsOf, today, 'Ngày của mã xã'),
        ...(isProblem(location) ? [location] : []),
      ];
      if (!isProblem(location) && name) {
        const existing = await prisma.culturalFacility.findFirst({
          where: { communeCode: location.communeCode, communeValidFrom: location.communeValidFrom, name },
          select: { id: true },
        });
        if (existing) problems.push(duplicateName(name));
      }
      if (problems.length || isProblem(location))
        rejectInput('Thiết chế văn hóa, thể thao', 'INVALID_CULTURAL_FACILITY', problems);
      // The same name registered concurrently in the same commune: the unique index decides.
      return onUniqueViolation(
        () =>
          prisma.culturalFacility.create({
            data: {
              name,
              kind: input.kind,
              servesChildren: input.servesChildren,
              openedOn: input.openedOn ?? null,
              ...location,
              recordedBy,
            },
          }),
        () => rejectInput('Thiết chế văn hóa, thể thao', 'INVALID_CULTURAL_FACILITY', [duplicateName(name)]),
      );
    },
  };
}
