import type { CommuneLocation } from '@ecd/service-kit';

/** The columns of a record kept by commune and province only (child records, growth measurements). */
export const communeAndProvince = ({
  communeCode,
  communeValidFrom,
  provinceCode,
  provinceValidFrom,
}: CommuneLocation) => ({
  communeCode,
  communeValidFrom,
  provinceCode,
  provinceValidFrom,
});
