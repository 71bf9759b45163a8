import { describe, expect, it } from 'vitest';

import { DEMO_UNITS, levelsIn, yearsOf } from './trajectory.js';

const unit = (code: string) => DEMO_UNITS.find((u) => u.code === code)!;

describe('the demo trajectory', () => {
  it('covers Ninh Bình 2019-2025 and Bến Cát 2021-2026, the years of their education plans up to 2026', () => {
    expect(yearsOf(unit('37'))).toEqual([2019, 2020, 2021, 2022, 2023, 2024, 2025]);
    expect(yearsOf(unit('721'))).toEqual([2021, 2022, 2023, 2024, 2025, 2026]);
  });

  it('gives the levels of the years it names, and the straight line between them', () => {
    const ninhBinh = unit('37');
    expect(levelsIn(ninhBinh, 2020).referralNetwork).toBe(0.52);
    expect(levelsIn(ninhBinh, 2022).referralNetwork).toBeCloseTo(0.52 + (0.65 - 0.52) / 2, 10);
    expect(levelsIn(ninhBinh, 2025).ecdServices).toBe(0.92);
    expect(() => levelsIn(ninhBinh, 2026)).toThrow(RangeError);
    expect(() => levelsIn(ninhBinh, 2018)).toThrow(RangeError);
  });

  it('has a level for every year recorded, each a share', () => {
    for (const demo of DEMO_UNITS)
      for (const year of yearsOf(demo))
        for (const [name, value] of Object.entries(levelsIn(demo, year)))
          expect(value >= 0 && value <= 1, `${demo.code} ${year} ${name}: ${value}`).toBe(true);
  });

  it('puts each 2025 milestone of the education plans on the side the demo means', () => {
    const [ninhBinh, benCat] = [levelsIn(unit('37'), 2025), levelsIn(unit('721'), 2025)];
    // 03/KH-SGDĐT: 90% pupils reached, 90% staff trained (both reached), 100% facilities in the network (not).
    expect([ninhBinh.ecdServices >= 0.9, ninhBinh.staffTrained >= 0.9, ninhBinh.referralNetwork >= 1]).toEqual([
      true,
      true,
      false,
    ]);
    // 226/KH-PGDĐT: chỉ tiêu 7, 20 and 17 reached; 19, 16, 15 and 18 not.
    expect(benCat.sanitation).toBe(1);
    expect(benCat.disabilityAccessible).toBeGreaterThanOrEqual(0.55);
    expect(benCat.primaryCompleted).toBeGreaterThanOrEqual(0.97);
    expect(benCat.primaryDropout).toBeLessThan(0.0012);
    expect(benCat.psychologicalSupport).toBeLessThan(0.95);
    expect(benCat.age5Enrolled).toBeLessThan(0.991);
    expect(benCat.under5OnTrack).toBeLessThan(0.991);
    expect(benCat.lowerSecondaryCompleted).toBeLessThan(0.88);
    expect(benCat.lowerSecondaryDropout).toBeGreaterThan(0.0014);
  });
});
