import { describe, expect, it } from 'vitest';

import { communesOfProvince } from './admin-units.js';
import { territoryOf } from './territory.js';

describe('territoryOf', () => {
  it('holds a province today and, before the reform, the provinces merged into it with their districts and communes', () => {
    const ninhBinh = territoryOf('37')!;
    for (const old of ['35', '36', '37']) expect(ninhBinh.has(`${old}@2019-01-01`), old).toBe(true);
    expect(ninhBinh.has('37@2025-07-01')).toBe(true);
    expect(ninhBinh.has('20@2019-01-01')).toBe(false);
    const langSon = territoryOf('20')!;
    expect(communesOfProvince('20', '2024-12-31').every((c) => langSon.has(`${c.code}@2019-01-01`))).toBe(true);
    expect(communesOfProvince('20', '2025-07-01').every((c) => langSon.has(`${c.code}@2025-07-01`))).toBe(true);
    expect(langSon.has('01@2025-07-01')).toBe(false);
  });

  it('holds a commune today and the old communes that became wholly part of it, but not its province', () => {
    const [commune] = communesOfProvince('20', '2025-07-01');
    const territory = territoryOf(commune!.code)!;
    expect(territory.has(`${commune!.code}@2025-07-01`)).toBe(true);
    expect(territory.has('20@2025-07-01')).toBe(false);
    expect(territory.has('20@2019-01-01')).toBe(false);
    expect([...territory].some((key) => key.endsWith('@2019-01-01'))).toBe(true);
  });

  it('knows no unit that does not exist today', () => {
    expect(territoryOf('721')).toBeUndefined();
  });
});
