import type { CommuneLocation, ScopeGuard } from '@ecd/service-kit';

/** The commune of a record, as the access checks take it: outside the person's territory, FORBIDDEN on `field`. */
export function assertCommuneCovered(
  scope: ScopeGuard,
  { communeCode, communeValidFrom }: Pick<CommuneLocation, 'communeCode' | 'communeValidFrom'>,
  field: string,
): void {
  scope.assertCovers({ code: communeCode, validFrom: communeValidFrom }, field);
}
