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
  it('is an old unit itself before the reform: every record of those years lies in the old units', () => {
    expect(territoryCover(old('721'), 2024)).toEqual({
      units: [{ ...old('721'), list: '2024' }],
      approximate: false,
      partlyInside: [],
      provinces: [old('74')],
    });
  });

  it('follows an abolished district forward: itself and every current commune covering one of its communes', () => {
    const cover = territoryCover(old('721'), 2026)!;
    expect(cover.units[0]).toEqual({ ...old('721'), list: '2024' });
    const benCat = new Set(
      communesOfProvince('74', '2024-12-31')
        .filter((c) => c.parentCode === '721')
        .map((c) => c.code),
    );
    const covering = new Set(
      readCommuneSuccessions()
        .filter((r) => r.oldCommuneCode !== null && benCat.has(r.oldCommuneCode))
        .map((r) => r.newCommuneCode),
    );
    expect(
      cover.units
        .slice(1)
        .map((u) => u.code)
        .sort(),
    ).toEqual([...covering].sort());
    expect(cover.units.slice(1).every((u) => u.list === '2025')).toBe(true);
    // Some cover ground of Bàu Bàng or Dầu Tiếng too: approximate, and the units say which.
    expect(cover.approximate).toBe(true);
    for (const unit of cover.partlyInside) {
      const from = readCommuneSuccessions().filter((r) => r.newCommuneCode === unit.code);
      expect(
        from.some((r) => r.oldDistrictCode !== '721'),
        unit.code,
      ).toBe(true);
    }
  });

  it('uses whole units where it can: Lạng Sơn, unchanged by the reform, is its two provinces, exactly', () => {
    expect(territoryCover(old('20'), 2026)).toEqual({
      units: [
        { ...old('20'), list: '2024' },
        { ...now('20'), list: '2025' },
      ],
      approximate: false,
      partlyInside: [],
      provinces: [old('20'), now('20')],
    });
    const ninhBinh = territoryCover(now('37'), 2024)!.units.map((u) => `${u.code}@${u.validFrom}`);
    expect(ninhBinh.sort()).toEqual(['35@2019-01-01', '36@2019-01-01', '37@2019-01-01', '37@2025-07-01']);
  });

  it('attributes each old commune to one current unit only: the current provinces’ covers share no old unit', () => {
    const seen = new Map<string, string>();
    for (const province of ['20', '22', '37', '79']) {
      for (const unit of territoryCover(now(province), 2024)!.units.filter((u) => u.list === '2024')) {
        expect(seen.get(unit.code), unit.code).toBeUndefined();
        seen.set(unit.code, province);
      }
    }
  });

  it('names the provinces, in each list, that the records of a ground are located in', () => {
    const byKey = (units: { code: string; validFrom: string }[]) => units.map((u) => `${u.code}@${u.validFrom}`).sort();
    expect(byKey(territoryCover(now('37'), 2024)!.provinces)).toEqual([
      '35@2019-01-01',
      '36@2019-01-01',
      '37@2019-01-01',
      '37@2025-07-01',
    ]);
    // An old district from 2025: itself in its old province, and the current communes covering it, in theirs.
    const district = territoryCover(old('721'), 2026)!;
    expect(byKey(district.provinces)).toEqual(['74@2019-01-01', '79@2025-07-01']);
    expect(district.units.filter((u) => u.list === '2025').length).toBeGreaterThan(0);
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
      territoryCover(old('721'), 2025)!
        .units.filter((u) => u.list === '2025')
        .map((u) => u.code)
        .sort(),
    );
    expect(territoryCommunes(now('20'), 2023)).toHaveLength(communesOfProvince('20', '2024-12-31').length);
  });

  it('puts a unit inside a scope when it covers part of it or most of its ground is the scope’s', () => {
    for (const commune of territoryCommunes(old('721'), 2026)) expect(liesWithin(commune, old('721'), 2026)).toBe(true);
    const [commune] = territoryCommunes(old('721'), 2026);
    expect(liesWithin(commune!, old('74'), 2026)).toBe(true);
    expect(liesWithin(now('37'), old('37'), 2025)).toBe(false); // the merged province is two-thirds someone else's
    expect(liesWithin(now('01'), old('20'), 2025)).toBe(false);
  });

  it('rebuilds every current commune into one old district', () => {
    const rebuilt = rebuiltDistricts();
    const communes = new Set(readCommuneSuccessions().map((r) => r.newCommuneCode));
    expect(rebuilt).toHaveLength(communes.size);
    expect(new Set(rebuilt.map((r) => r.communeCode)).size).toBe(communes.size);
    for (const { communeCode, districtCode } of rebuilt.slice(0, 50))
      expect(oldUnitOfCommune(communeCode, 'district')).toBe(districtCode);
  });
});
