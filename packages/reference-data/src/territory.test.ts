import { describe, expect, it } from 'vitest';

import { communesOfProvince, readCommuneSuccessions } from './admin-units.js';
import {
  liesWithin,
  oldUnitOfCommune,
  rebuiltDistricts,
  territoryCommunes,
  territoryCover,
  territoryOf,
} from './territory.js';

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

const old = (code: string) => ({ code, validFrom: '2019-01-01' });
const now = (code: string) => ({ code, validFrom: '2025-07-01' });

describe('territoryCover', () => {
  it('follows an abolished district forward: itself, and the current communes most of whose old communes it held', () => {
    const cover = territoryCover(old('721'), 2024)!;
    expect(cover.units[0]).toEqual({ ...old('721'), list: '2024' });
    const current = cover.units.slice(1);
    expect(current.length).toBeGreaterThan(0);
    for (const unit of current) {
      expect(unit.list).toBe('2025');
      expect(oldUnitOfCommune(unit.code, 'district')).toBe('721');
    }
    // Some of Bến Cát's communes were merged with a neighbour's: approximate, and the units say which.
    expect(cover.approximate).toBe(true);
    expect(cover.partlyInside.length).toBeGreaterThan(0);
  });

  it('rebuilds an old unit from today’s communes from 2025, with the old communes attributed to those', () => {
    const before = territoryCover(old('721'), 2024)!;
    const after = territoryCover(old('721'), 2026)!;
    const current = after.units.filter((u) => u.list === '2025').map((u) => u.code);
    expect(current.sort()).toEqual(
      before.units
        .filter((u) => u.list === '2025')
        .map((u) => u.code)
        .sort(),
    );
    const oldSide = after.units.filter((u) => u.list === '2024');
    expect(oldSide.length).toBeGreaterThan(0);
    for (const unit of oldSide) {
      expect(unit.code).toHaveLength(5); // communes: Bến Cát as a whole is not the same ground any more
      const successors = readCommuneSuccessions().filter((r) => r.oldCommuneCode === unit.code);
      expect(
        successors.some((r) => current.includes(r.newCommuneCode)),
        unit.code,
      ).toBe(true);
    }
    // Unchanged by the reform, Lạng Sơn is the same two provinces either way.
    expect(territoryCover(old('20'), 2026)!.units).toEqual(territoryCover(old('20'), 2024)!.units);
  });

  it('uses whole units where it can: Lạng Sơn, unchanged by the reform, is its two provinces, exactly', () => {
    expect(territoryCover(old('20'), 2024)).toEqual({
      units: [
        { ...old('20'), list: '2024' },
        { ...now('20'), list: '2025' },
      ],
      approximate: false,
      partlyInside: [],
    });
    const ninhBinh = territoryCover(now('37'), 2024)!.units.map((u) => `${u.code}@${u.validFrom}`);
    expect(ninhBinh.sort()).toEqual(['35@2019-01-01', '36@2019-01-01', '37@2019-01-01', '37@2025-07-01']);
  });

  it('counts every record once: the old provinces’ covers share no unit, before or after the reform', () => {
    for (const year of [2024, 2026]) {
      const seen = new Map<string, string>();
      for (const province of ['35', '36', '37']) {
        for (const unit of territoryCover(old(province), year)!.units) {
          const key = `${unit.code}@${unit.validFrom}`;
          expect(seen.get(key), key).toBeUndefined();
          seen.set(key, province);
        }
      }
      const current = [...seen.keys()].filter((key) => key.endsWith('@2025-07-01'));
      expect(current).toHaveLength(communesOfProvince('37', '2025-07-01').length);
    }
  });

  it('knows no unit of neither list', () => {
    expect(territoryCover({ code: '721', validFrom: '2025-07-01' }, 2024)).toBeUndefined();
    expect(territoryCover(old('99999'), 2024)).toBeUndefined();
  });
});

describe('the ground by year and inside a scope', () => {
  it('gives the communes of the list valid at the end of the year', () => {
    expect(territoryCommunes(old('721'), 2024).every((c) => c.validFrom === '2019-01-01')).toBe(true);
    const after = territoryCommunes(old('721'), 2025);
    expect(after.map((c) => c.code).sort()).toEqual(
      territoryCover(old('721'), 2024)!
        .units.filter((u) => u.list === '2025')
        .map((u) => u.code)
        .sort(),
    );
    expect(territoryCommunes(now('20'), 2023)).toHaveLength(communesOfProvince('20', '2024-12-31').length);
  });

  it('puts a unit inside a scope when most of its ground is the scope’s', () => {
    const [commune] = territoryCommunes(old('721'), 2026);
    expect(liesWithin(commune!, old('721'))).toBe(true);
    expect(liesWithin(commune!, old('74'))).toBe(true);
    expect(liesWithin(now('37'), old('37'))).toBe(false); // the merged province is two-thirds someone else's
    expect(liesWithin(now('01'), old('20'))).toBe(false);
  });

  it('rebuilds every current commune into one old district', () => {
    const rebuilt = rebuiltDistricts();
    const communes = new Set(readCommuneSuccessions().map((r) => r.newCommuneCode));
    expect(rebuilt).toHaveLength(communes.size);
    expect(new Set(rebuilt.map((r) => r.communeCode)).size).toBe(communes.size);
  });
});
