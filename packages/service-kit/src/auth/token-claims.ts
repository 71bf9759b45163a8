/**
 * The roles and sectors a person's token may carry and how its claims are read: pure and free of imports,
 * so that the web application reads a token the way the gateway does (`@ecd/service-kit/token-claims`)
 * without bundling any server code.
 */

/** What a person may do is decided by their roles, their sector and the unit they serve. */
export const ROLES = [
  'admin',
  'lead-agency',
  'sector-officer',
  'facility-staff',
  'case-worker',
  'auditor',
  'viewer',
] as const;
export type Role = (typeof ROLES)[number];

/** The sectors behind the subgraphs; a subgraph's sector is its name in upper case. */
export const SECTORS = ['LDTBXH', 'HEALTH', 'EDUCATION', 'CULTURE'] as const;
export type Sector = (typeof SECTORS)[number];

// Type only (erased): the identity's schema needs zod, which the web application does not bundle.
export type { Identity } from './identity.js';

/** The claims (dotted paths, e.g. Keycloak's `realm_access.roles`) carrying a person's roles, sector, unit, agency and name. */
export interface ClaimPaths {
  roles: string;
  sector: string;
  unit: string;
  agency: string;
  name: string;
}

/** The claims of a person, unless the provider is configured otherwise. */
export const DEFAULT_CLAIMS: ClaimPaths = {
  roles: 'ecd_roles',
  sector: 'ecd_sector',
  unit: 'ecd_unit',
  agency: 'ecd_agency',
  name: 'name',
};

/** The unit claim of a person who serves the whole country (a ministry's officer). */
export const NATIONAL_UNIT = 'VN';

/** A claim at a dotted path, e.g. Keycloak's `realm_access.roles`. */
export function claimAt(payload: Record<string, unknown>, path: string): unknown {
  return path
    .split('.')
    .reduce<unknown>(
      (value, key) => (value && typeof value === 'object' ? (value as Record<string, unknown>)[key] : undefined),
      payload,
    );
}

/** A claim holding a list: an array of strings, or one string separated by spaces or commas. */
export const asList = (value: unknown): string[] =>
  Array.isArray(value)
    ? value.filter((v): v is string => typeof v === 'string')
    : typeof value === 'string'
      ? value.split(/[\s,]+/)
      : [];

/** The roles of a list that the federation knows, the others ignored. */
export const knownRoles = (values: readonly string[]): Role[] =>
  values.filter((r): r is Role => (ROLES as readonly string[]).includes(r));
