import { describe, expect, it } from 'vitest';

import { agencyBelongsToScope, unitLiesWithin } from './agency-scope.js';

const old = (code: string) => ({ code, validFrom: '2019-01-01' });
const now = (code: string) => ({ code, validFrom: '2025-07-01' });

describe('whether an agency belongs to a plan’s scope', () => {
  it('takes the plan’s unit and the units inside it, in the same list', () => {
    expect(unitLiesWithin(old('20'), old('20'))).toBe(true);
    expect(unitLiesWithin(old('178'), old('20'))).toBe(true); // thành phố Lạng Sơn
    expect(unitLiesWithin(old('25780'), old('720'))).toBe(true); // xã Minh Hoà, huyện Dầu Tiếng
    expect(unitLiesWithin(old('25780'), old('74'))).toBe(true);
    expect(unitLiesWithin(old('22'), old('20'))).toBe(false);
    expect(unitLiesWithin(old('20'), old('178'))).toBe(false); // not a unit above it
    expect(unitLiesWithin(old('720'), old('721'))).toBe(false);
  });

  it('follows the ground across the 2025 reform, wholly inside only', () => {
    // A province the reform left whole: its pre-reform bodies belong to a current plan, and back.
    expect(unitLiesWithin(old('20'), now('20'))).toBe(true);
    expect(unitLiesWithin(now('20'), old('20'))).toBe(true);
    expect(unitLiesWithin(old('178'), now('20'))).toBe(true);
    // Hà Nam lies wholly inside the new Ninh Bình; the new Ninh Bình does not lie inside the old one.
    expect(unitLiesWithin(old('35'), now('37'))).toBe(true);
    expect(unitLiesWithin(now('37'), old('37'))).toBe(false);
    expect(unitLiesWithin(old('22'), now('20'))).toBe(false);
  });

  it('lets national bodies serve any plan, and a national scheme name any agency', () => {
    expect(agencyBelongsToScope(null, old('20'))).toBe(true);
    expect(agencyBelongsToScope(old('22'), null)).toBe(true);
    expect(agencyBelongsToScope(old('22'), old('20'))).toBe(false);
  });
});
