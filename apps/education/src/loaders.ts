import DataLoader from 'dataloader';
import { createIndicatorValueLoader, createSexFigureLoader, createUnitCountLoader, unitKeyString, type UnitKey } from '@ecd/database';
import { fromIsoDate, toIsoDate } from '@ecd/service-kit';
import type { PrismaClient, School } from './generated/prisma/client.js';
import { EDUCATION_COMPUTED } from './computed-indicators.js';

export const createLoaders = (prisma: PrismaClient) => ({
  schoolCountsByLevel: createUnitCountLoader(prisma, 'school', { groupBy: 'level', levels: ['commune', 'district', 'province'] }),
  indicatorValue: createIndicatorValueLoader(prisma, EDUCATION_COMPUTED),
  indicatorValueBySex: createSexFigureLoader(prisma, EDUCATION_COMPUTED),
  schools: new DataLoader<UnitKey, School[], string>((keys) => schoolsIn(prisma, keys), { cacheKeyFn: unitKeyString }),
});

/** The schools of each unit (any level), in one query for all units of a request. */
async function schoolsIn(prisma: PrismaClient, keys: readonly UnitKey[]): Promise<School[][]> {
  const schools = await prisma.school.findMany({
    where: {
      OR: keys.flatMap(({ code, validFrom }) => {
        const on = fromIsoDate(validFrom);
        return [
          { communeCode: code, communeValidFrom: on },
          { districtCode: code, districtValidFrom: on },
          { provinceCode: code, provinceValidFrom: on },
        ];
      }),
    },
    orderBy: [{ level: 'asc' }, { name: 'asc' }],
  });
  const within = (school: School, { code, validFrom }: UnitKey) =>
    (school.communeCode === code && toIsoDate(school.communeValidFrom) === validFrom) ||
    (school.districtCode === code && school.districtValidFrom !== null && toIsoDate(school.districtValidFrom) === validFrom) ||
    (school.provinceCode === code && toIsoDate(school.provinceValidFrom) === validFrom);
  return keys.map((key) => schools.filter((school) => within(school, key)));
}

export type Loaders = ReturnType<typeof createLoaders>;
