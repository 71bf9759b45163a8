import { badInput, fromIsoDate, pageByName, todayInVietnam } from '@ecd/service-kit';
import { unitKeyFromReference, type UnitKey } from '@ecd/database';
import type { AdministrativeUnitResolvers } from '../generated/graphql.js';
import type { Loaders } from '../loaders.js';

/** Years the unit lists cover, up to next year (pregnancies due next year are already followed). */
const FIRST_YEAR = 2019;

function checkedYear(year: number): number {
  const last = todayInVietnam().getUTCFullYear() + 1;
  if (year < FIRST_YEAR || year > last) throw badInput(`Năm phải từ ${FIRST_YEAR} đến ${last}.`, { field: 'year', reason: 'YEAR_OUT_OF_RANGE' });
  return year;
}

/** An indicator health owns as the unit field shows it: 0 / 0 when the unit has no records that year. */
async function indicatorRatio(loaders: Loaders, indicatorCode: string, unit: UnitKey, year: number) {
  const figure = await loaders.indicatorValue.load({ indicatorCode, year, unit });
  return { numerator: figure?.numerator ?? 0, denominator: figure?.denominator ?? 0 };
}

export const AdministrativeUnit: AdministrativeUnitResolvers = {
  __resolveReference: (reference) => unitKeyFromReference(reference),

  async healthStationCount(unit, _args, { loaders }) {
    const [row] = await loaders.stationCount.load(unit);
    return row?.count ?? 0;
  },

  async childrenAged0To8Count(unit, { asOf }, { loaders }) {
    const [row] = await loaders.childrenAged0To8(asOf ?? todayInVietnam()).load(unit);
    return row?.count ?? 0;
  },

  growthStatus(unit, { from, to }, { loaders }) {
    if (from && to && from > to) throw badInput('Ngày bắt đầu không được sau ngày kết thúc.', { field: 'from', reason: 'EMPTY_PERIOD' });
    return loaders.growthStatus({ from: from ?? null, to: to ?? null }).load(unit);
  },

  fullyImmunisedUnder1: (unit, { year }, { loaders }) => indicatorRatio(loaders, 'UNDER1_FULLY_IMMUNISED', unit, checkedYear(year)),
  antenatalCare4Visits: (unit, { year }, { loaders }) => loaders.unitFigure('antenatalCare4Visits', checkedYear(year)).load(unit),
  childrenReachedByHealthServices: (unit, { year }, { loaders }) => indicatorRatio(loaders, 'CHILDREN_0_8_REACHED_HEALTH_SERVICES', unit, checkedYear(year)),

  healthStations(unit, { first, after }, { prisma }) {
    const validFrom = fromIsoDate(unit.validFrom);
    const where = {
      OR: [
        { communeCode: unit.code, communeValidFrom: validFrom },
        { provinceCode: unit.code, provinceValidFrom: validFrom },
      ],
    };
    return pageByName({
      first,
      after,
      fetch: (afterCursor, take) => prisma.healthStation.findMany({ where: { AND: [where, afterCursor] }, orderBy: [{ name: 'asc' }, { id: 'asc' }], take }),
      count: () => prisma.healthStation.count({ where }),
    });
  },
};
