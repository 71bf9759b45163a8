/**
 * Who is signed in, read from the access token the gateway verifies (the claims it is configured with,
 * given by /config.json). The server decides every access; the application reads the same claims only to
 * offer what the person may do.
 */
import {
  asList,
  claimAt,
  DEFAULT_CLAIMS,
  knownRoles,
  NATIONAL_UNIT,
  SECTORS,
  type ClaimPaths,
  type Identity,
  type Role,
  type Sector,
} from '@ecd/service-kit/token-claims';

// The gateway's own roles, sectors, claims and Identity (service-kit's pure module: nothing of the server is bundled).
export type { ClaimPaths, Identity, Role };
/** The sectors of people (the token's), as the subgraphs are named: not the GraphQL `Sector` of indicators. */
export type IdentitySector = Sector;

/** The roles as the application names them to the person (shorter than the server's). */
export const ROLE_LABELS: Record<Role, string> = {
  admin: 'Quản trị hệ thống',
  'lead-agency': 'Cán bộ cơ quan chủ trì',
  'sector-officer': 'Cán bộ sở, ngành',
  'facility-staff': 'Nhân viên cơ sở',
  'case-worker': 'Cán bộ bảo vệ trẻ em',
  auditor: 'Kiểm toán, thanh tra dữ liệu cá nhân',
  viewer: 'Người xem số liệu tổng hợp',
};

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

/** The identity an access token carries, as the gateway reads it (unknown roles ignored). */
export function identityFromToken(token: string, claims: ClaimPaths = DEFAULT_CLAIMS): Identity | null {
  const payload = decodeJwtPayload(token);
  if (!payload || typeof payload.sub !== 'string') return null;
  const roles = knownRoles(asList(claimAt(payload, claims.roles)));
  const sector = claimAt(payload, claims.sector);
  const sectorName = typeof sector === 'string' ? sector.toUpperCase() : null;
  const unit = claimAt(payload, claims.unit);
  const name = claimAt(payload, claims.name);
  const agency = claimAt(payload, claims.agency);
  return {
    userId: payload.sub,
    name: typeof name === 'string' ? name : null,
    roles,
    sector: (SECTORS as readonly string[]).includes(sectorName ?? '') ? (sectorName as Sector) : null,
    unitCode: typeof unit === 'string' && unit !== NATIONAL_UNIT ? unit : null,
    agency: typeof agency === 'string' ? agency : null,
  };
}
