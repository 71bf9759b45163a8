import { describe, expect, it } from 'vitest';

import { demoIdentity } from '../development/issuer.js';
import { Access, SYSTEM_SCOPE } from './policy.js';

const access = (user: string) => new Access(demoIdentity(user), 'LDTBXH');
const reasonOf = (run: () => void) => {
  try {
    run();
  } catch (error) {
    return (error as { extensions?: { reason?: string; field?: string } }).extensions;
  }
  return undefined;
};

describe('scope checks of writes and lookups', () => {
  it('lets a provincial role write in its province, before and after the 2025 reform, and nowhere else', () => {
    const lead = access('lead.langson');
    expect(() => lead.assertCovers({ code: '20', validFrom: '2025-07-01' })).not.toThrow();
    expect(() => lead.assertCovers({ code: '05977', validFrom: new Date('2025-07-01') })).not.toThrow();
    expect(() => lead.assertCovers({ code: '20', validFrom: '2019-01-01' })).not.toThrow();
    expect(reasonOf(() => lead.assertCovers({ code: '22', validFrom: '2025-07-01' }, 'input.unitCode'))).toEqual({
      code: 'FORBIDDEN',
      reason: 'OUTSIDE_SCOPE',
      field: 'input.unitCode',
    });
    expect(reasonOf(() => lead.assertCovers(undefined))).toMatchObject({ reason: 'OUTSIDE_SCOPE' });
    expect(lead.scopeChecked).toBe(true);
  });

  it('keeps what covers the whole country (null) to national roles', () => {
    expect(reasonOf(() => access('lead.langson').assertCoversScope(null, 'planKey'))).toMatchObject({
      reason: 'OUTSIDE_SCOPE',
      field: 'planKey',
    });
    expect(() => access('lead.langson').assertCoversScope({ code: '20', validFrom: '2025-07-01' })).not.toThrow();
    expect(() => access('admin').assertCoversScope(null)).not.toThrow();
    expect(() => access('auditor').assertCoversScope({ code: '22', validFrom: '2025-07-01' })).not.toThrow();
  });

  it('lets trusted jobs (demo seed, CLI) through without a person', () => {
    expect(() => SYSTEM_SCOPE.assertCovers(undefined)).not.toThrow();
    expect(() => SYSTEM_SCOPE.assertCoversScope(null)).not.toThrow();
  });
});
