import type { Identity, IdentitySector, Role } from './identity.ts';

/**
 * Which roles each policy of the API opens (packages/service-kit/src/auth/policy.ts, tested equal in
 * permissions.test.ts). The application offers a page or an action only to whom the server will allow it;
 * the server still decides (role × sector × unit) on every request.
 */
export const POLICY_ROLES = {
  reference: ['admin', 'lead-agency', 'sector-officer', 'facility-staff', 'case-worker', 'auditor', 'viewer'],
  aggregate: ['admin', 'lead-agency', 'sector-officer', 'viewer'],
  'plan:manage': ['admin', 'lead-agency'],
  'report:read': ['admin', 'lead-agency', 'sector-officer', 'viewer'],
  'report:write': ['admin', 'lead-agency', 'sector-officer'],
  'figure:write': ['admin', 'sector-officer'],
  'facility:read': ['admin', 'lead-agency', 'sector-officer', 'facility-staff', 'viewer'],
  'records:read': ['admin', 'sector-officer', 'facility-staff'],
  'records:write': ['admin', 'sector-officer', 'facility-staff'],
  protection: ['admin', 'case-worker'],
  referral: ['admin', 'case-worker', 'facility-staff', 'sector-officer'],
  'personal-id:lookup': ['admin', 'case-worker', 'facility-staff'],
  audit: ['admin', 'auditor'],
} as const satisfies Record<string, readonly Role[]>;

export type PolicyName = keyof typeof POLICY_ROLES;

/** Policies whose holder must work in the sector that owns the data (admins excepted). */
const OWN_SECTOR: readonly PolicyName[] = ['figure:write', 'records:read', 'records:write'];

/**
 * Whether a person's roles open a policy; for a policy of the sector's own data, `sector` names the
 * sector whose data it is. Scope (the unit) is checked separately: see `servesUnit`.
 */
export function can(identity: Identity | null, policy: PolicyName, sector?: IdentitySector): boolean {
  if (!identity) return false;
  const roles: readonly Role[] = POLICY_ROLES[policy];
  if (!identity.roles.some((role) => roles.includes(role))) return false;
  if (identity.roles.includes('admin') || !OWN_SECTOR.includes(policy)) return true;
  return sector !== undefined && identity.sector === sector;
}

/**
 * Whether a unit (by its code and the codes of its ancestors) lies in the person's unit: the whole country
 * for national roles. An approximation of the server's territory (which also follows the 2025 reform),
 * used only to decide what to offer.
 */
export function servesUnit(identity: Identity | null, unitChain: readonly (string | null | undefined)[]): boolean {
  if (!identity) return false;
  if (identity.unitCode === null) return true;
  return unitChain.includes(identity.unitCode);
}
