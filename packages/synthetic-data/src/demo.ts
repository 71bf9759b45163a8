import { communesOfProvince, locateCommune, type AdminUnitRecord, type LocationColumns } from '@ecd/reference-data';
import { fromIsoDate } from '@ecd/service-kit';

/** The demo province: Lạng Sơn (code 20), whose provincial plan for Đề án 1437 is in the seeds. */
export const DEMO_PROVINCE_CODE = '20';
/** Sector records in the demo are located in the units valid on this day (after the 2025 reform). */
export const DEMO_AS_OF = '2025-07-01';
export const DEMO_SEED = 1437;

export function locationColumns(communeCode: string, asOf: string): LocationColumns {
  const location = locateCommune(communeCode, asOf);
  if (!location) throw new RangeError(`${communeCode} is not a commune on ${asOf}`);
  return {
    communeCode: location.communeCode,
    communeValidFrom: fromIsoDate(location.communeValidFrom),
    provinceCode: location.provinceCode,
    provinceValidFrom: fromIsoDate(location.provinceValidFrom),
  };
}

/** The communes of a province with their location columns. */
export function communeLocations(
  provinceCode = DEMO_PROVINCE_CODE,
  asOf = DEMO_AS_OF,
): { commune: AdminUnitRecord; location: LocationColumns }[] {
  return communesOfProvince(provinceCode, asOf).map((commune) => ({
    commune,
    location: locationColumns(commune.code, asOf),
  }));
}
