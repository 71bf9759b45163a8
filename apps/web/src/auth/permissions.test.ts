import { describe, expect, it } from 'vitest';

import { POLICIES } from '../../../../packages/service-kit/src/auth/policy.ts';
import type { Identity } from './identity.ts';
import { can, POLICY_ROLES, servesUnit } from './permissions.ts';

const person = (roles: Identity['roles'], sector: Identity['sector'] = null, unitCode: string | null = '20') => ({
  userId: 'u',
  name: null,
  roles,
  sector,
  unitCode,
  agency: null,
});

describe('permissions', () => {
  it('open each policy to the roles the server opens it to', () => {
    const server = Object.fromEntries(Object.entries(POLICIES).map(([name, p]) => [name, [...p.roles].sort()]));
    const here = Object.fromEntries(Object.entries(POLICY_ROLES).map(([name, roles]) => [name, [...roles].sort()]));
    expect(here).toEqual(server);
  });

  it('keep a sector’s own records to that sector, admins excepted', () => {
    expect(can(person(['sector-officer'], 'HEALTH'), 'records:write', 'HEALTH')).toBe(true);
    expect(can(person(['sector-officer'], 'EDUCATION'), 'records:write', 'HEALTH')).toBe(false);
    expect(can(person(['admin']), 'records:write', 'HEALTH')).toBe(true);
    expect(can(person(['viewer']), 'plan:manage')).toBe(false);
    expect(can(person(['lead-agency'], 'LDTBXH'), 'plan:manage')).toBe(true);
    expect(can(null, 'reference')).toBe(false);
  });

  it('offer a unit’s actions to whom serves it or a unit above it', () => {
    expect(servesUnit(person(['lead-agency'], null, '20'), ['05977', '20'])).toBe(true);
    expect(servesUnit(person(['viewer'], null, '22'), ['05977', '20'])).toBe(false);
    expect(servesUnit(person(['admin'], null, null), ['20'])).toBe(true);
  });
});
