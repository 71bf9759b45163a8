/**
 * Who is signed in, read from the access token the gateway verifies (the claims it is configured with,
 * given by /config.json). The server decides every access; the application reads the same claims only to
 * offer what the person may do.
 */
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

export const ROLE_LABELS: Record<Role, string> = {
  admin: 'Quản trị hệ thống',
  'lead-agency': 'Cán bộ cơ quan chủ trì',
  'sector-officer': 'Cán bộ sở, ngành',
  'facility-staff': 'Nhân viên cơ sở',
  'case-worker': 'Cán bộ bảo vệ trẻ em',
  auditor: 'Kiểm toán, thanh tra dữ liệu cá nhân',
  viewer: 'Người xem số liệu tổng hợp',
};

/** The sectors of people (the token's), as the subgraphs are named. */
export const IDENTITY_SECTORS = ['LDTBXH', 'HEALTH', 'EDUCATION', 'CULTURE'] as const;
export type IdentitySector = (typeof IDENTITY_SECTORS)[number];

export interface Identity {
  userId: string;
  name: string | null;
  roles: Role[];
  sector: IdentitySector | null;
  /** Official code of the unit the person serves; null: the whole country. */
  unitCode: string | null;
  agency: string | null;
}

export interface ClaimPaths {
  roles: string;
  sector: string;
  unit: string;
  agency: string;
  name: string;
}

export const DEFAULT_CLAIM_PATHS: ClaimPaths = {
  roles: 'ecd_roles',
  sector: 'ecd_sector',
  unit: 'ecd_unit',
  agency: 'ecd_agency',
  name: 'name',
};

/** The unit claim of a person serving the whole country. */
const NATIONAL_UNIT = 'VN';

/** The payload of a JWT, not verified (the gateway verifies it on every request). */
export function decodeJwtPayload(token: string): Record<string, unknown> | null {
  const part = token.split('.')[1];
  if (!part) return null;
  try {
    const base64 = part
      .replace(/-/g, '+')
      .replace(/_/g, '/')
      .padEnd(Math.ceil(part.length / 4) * 4, '=');
    const bytes = Uint8Array.from(atob(base64), (c) => c.charCodeAt(0));
    const payload: unknown = JSON.parse(new TextDecoder().decode(bytes));
    return payload && typeof payload === 'object' ? (payload as Record<string, unknown>) : null;
  } catch {
    return null;
  }
}

const claimAt = (payload: Record<string, unknown>, path: string): unknown =>
  path
    .split('.')
    .reduce<unknown>(
      (value, key) => (value && typeof value === 'object' ? (value as Record<string, unknown>)[key] : undefined),
      payload,
    );

const asList = (value: unknown): string[] =>
  Array.isArray(value)
    ? value.filter((v): v is string => typeof v === 'string')
    : typeof value === 'string'
      ? value.split(/[\s,]+/)
      : [];

/** The identity an access token carries, as the gateway reads it (unknown roles ignored). */
export function identityFromToken(token: string, claims: ClaimPaths = DEFAULT_CLAIM_PATHS): Identity | null {
  const payload = decodeJwtPayload(token);
  if (!payload || typeof payload.sub !== 'string') return null;
  const roles = asList(claimAt(payload, claims.roles)).filter((r): r is Role =>
    (ROLES as readonly string[]).includes(r),
  );
  const sector = claimAt(payload, claims.sector);
  const sectorName = typeof sector === 'string' ? sector.toUpperCase() : null;
  const unit = claimAt(payload, claims.unit);
  const name = claimAt(payload, claims.name);
  const agency = claimAt(payload, claims.agency);
  return {
    userId: payload.sub,
    name: typeof name === 'string' ? name : null,
    roles,
    sector: (IDENTITY_SECTORS as readonly string[]).includes(sectorName ?? '') ? (sectorName as IdentitySector) : null,
    unitCode: typeof unit === 'string' && unit !== NATIONAL_UNIT ? unit : null,
    agency: typeof agency === 'string' ? agency : null,
  };
}
