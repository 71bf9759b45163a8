import { describe, expect, it } from 'vitest';

import { PEOPLE } from '../test-helpers.tsx';
import { decodeJwtPayload, identityFromToken } from './identity.ts';

const token = (payload: Record<string, unknown>) =>
  `e30.${Buffer.from(JSON.stringify(payload)).toString('base64url')}.c2ln`;

describe('the identity an access token carries', () => {
  it('reads the configured claims, Vietnamese names included', () => {
    expect(
      identityFromToken(
        token({
          sub: 'lead.langson',
          name: 'Nguyễn Văn An',
          ecd_roles: ['lead-agency', 'unknown-role'],
          ecd_sector: 'ldtbxh',
          ecd_unit: '20',
          ecd_agency: 'SLDTBXH-20',
        }),
      ),
    ).toEqual(PEOPLE.lead);
  });

  it('follows dotted claim paths (Keycloak’s realm roles) and reads VN as the whole country', () => {
    const identity = identityFromToken(token({ sub: 'a', realm_access: { roles: ['admin'] }, unit: 'VN' }), {
      roles: 'realm_access.roles',
      sector: 'sector',
      unit: 'unit',
      agency: 'agency',
      name: 'name',
    });
    expect(identity).toMatchObject({ roles: ['admin'], unitCode: null, sector: null });
  });

  it('gives nothing for what is not a token', () => {
    expect(decodeJwtPayload('not-a-token')).toBeNull();
    expect(identityFromToken(token({ name: 'no subject' }))).toBeNull();
  });
});
