import { describe, expect, it } from 'vitest';

import { indicatorsOwnedBy, readIndicatorRegistry, SECTORS } from './indicators.js';

describe('the indicator registry', () => {
  it('reads every indicator once, each owned by one sector, codes unique', () => {
    const indicators = readIndicatorRegistry();
    expect(indicators.length).toBeGreaterThan(20);
    expect(new Set(indicators.map((i) => i.code)).size).toBe(indicators.length);
    const owned = SECTORS.map((sector) => indicatorsOwnedBy(sector).size);
    expect(owned.reduce((a, b) => a + b, 0)).toBe(indicators.length);
  });

  it('gives each sector its own indicators', () => {
    expect(indicatorsOwnedBy('EDUCATION').has('PRIMARY_DROPOUT')).toBe(true);
    expect(indicatorsOwnedBy('HEALTH').has('PRIMARY_DROPOUT')).toBe(false);
  });
});
