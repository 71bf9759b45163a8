import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { z } from 'zod';

import { queryRows, sql } from '@ecd/database';
import { communesOfProvince, readCommuneSuccessions, UNIT_LISTS, unitIndexFor } from '@ecd/reference-data';
import { subgraphDatabase, type Federation } from '@ecd/test-kit';

import { startTestFederation } from './federation.test-fixture.js';

// The final-year report (issue 10): every seed plan answers for every year of its period, over the
// territory it had, across the 2025 reform. Figures are checked against SQL written here, with the
// current communes of an old unit's ground worked out here from the official mapping.

let federation: Federation;
beforeAll(async () => {
  federation = await startTestFederation();
}, 300_000);
afterAll(() => federation?.close());

interface Row {
  indicatorCode: string;
  unitCode: string;
  unitValidFrom: string;
  value: number | null;
  gap: number | null;
  shortfall: number | null;
  gapLabel: string | null;
  status: string;
  figure: { numerator: number; denominator: number | null } | null;
  baseline: { year: number; value: number; from: string } | null;
  territory: {
    approximate: boolean;
    note: string | null;
    unit: { code: string; validFrom: string; validTo: string | null };
    units: { code: string; validFrom: string }[];
  };
}

const PROGRESS = /* GraphQL */ `
  query Progress($key: String!, $year: Int!, $unitCode: String) {
    plan(key: $key) {
      periodStart
      periodEnd
      progress(year: $year, unitCode: $unitCode) {
        indicatorCode
        unitCode
        unitValidFrom
        value
        gap
        shortfall
        gapLabel
        status
        figure {
          numerator
          denominator
        }
        baseline {
          year
          value
          from
        }
        territory {
          approximate
          note
          unit {
            code
            validFrom
            validTo
          }
          units {
            code
            validFrom
          }
        }
      }
    }
  }
`;

const progress = (key: string, year: number, unitCode?: string) =>
  federation.query<{ plan: { periodStart: number; periodEnd: number; progress: Row[] } }>(PROGRESS, {
    key,
    year,
    unitCode,
  });

const SEED_PLANS = [
  'lang-son-2019-de-an-1437',
  'quang-ninh-2019-de-an-1437',
  'ninh-binh-sgddt-2019-de-an-1437',
  'dau-tieng-2019-de-an-1437',
  'ben-cat-pgddt-2021-cthd-tre-em',
];

/** The current communes attributed to an old unit of `level`: most of the old communes each was formed from lay in it. */
function currentCommunesOf(oldCode: string, level: 'district' | 'province'): string[] {
  const rows = new Map<string, string[]>();
  for (const row of readCommuneSuccessions()) {
    const old = level === 'district' ? row.oldDistrictCode : row.oldProvinceCode;
    rows.set(row.newCommuneCode, [...(rows.get(row.newCommuneCode) ?? []), old]);
  }
  return [...rows].flatMap(([commune, olds]) => {
    const inside = olds.filter((o) => o === oldCode).length;
    const best = Math.max(...[...new Set(olds)].map((o) => olds.filter((x) => x === o).length));
    const tiedBefore = [...new Set(olds)].some(
      (o) => o < oldCode && olds.filter((x) => x === o).length === best && inside === best,
    );
    return inside === best && !tiedBefore ? [commune] : [];
  });
}

/** The current communes covering an old unit's communes through the mapping: those with a predecessor in it. */
function coveringCommunes(oldCode: string, level: 'district' | 'province'): string[] {
  const rows = readCommuneSuccessions().filter(
    (r) => (level === 'district' ? r.oldDistrictCode : r.oldProvinceCode) === oldCode,
  );
  return [...new Set(rows.map((r) => r.newCommuneCode))];
}

const figureRow = z.object({ n: z.number().nullable(), d: z.number().nullable() });

/** LĐTBXH's reported figure over an old unit's ground from 2025: the unit itself and the current communes covering it. */
async function reportedOverGround(indicator: string, year: number, oldCode: string, level: 'district' | 'province') {
  const oldColumn = level === 'district' ? sql`district_code` : sql`province_code`;
  const [row] = await queryRows(
    subgraphDatabase(federation, 'ldtbxh'),
    figureRow,
    sql`SELECT sum(numerator)::float8 AS n, sum(denominator)::float8 AS d FROM indicator_value
         WHERE indicator_code = ${indicator} AND year = ${year}
           AND ((${oldColumn} = ${oldCode} AND province_valid_from = '2019-01-01')
             OR (commune_code = ANY(${coveringCommunes(oldCode, level)}::text[]) AND commune_valid_from = '2025-07-01'))`,
  );
  return row!;
}

describe('every seed plan answers for every year of its period, over its own territory', () => {
  it('gives each numeric target a value and a status, 2020-2026, with no error', async () => {
    for (const key of SEED_PLANS) {
      const { data } = await federation.query<{ plan: { periodStart: number; periodEnd: number } }>(
        `query($key: String!) { plan(key: $key) { periodStart periodEnd } }`,
        { key },
      );
      const { periodStart, periodEnd } = data!.plan;
      for (let year = Math.max(2020, periodStart); year <= Math.min(2026, periodEnd); year++) {
        const { data: answer, errors } = await progress(key, year);
        expect(errors, `${key} ${year}`).toBeUndefined();
        for (const row of answer!.plan.progress) {
          expect(row.value, `${key} ${year} ${row.indicatorCode}`).not.toBeNull();
          // Every seed target is a percentage: numerator and denominator come from the same ground.
          expect(row.value, `${key} ${year} ${row.indicatorCode}`).toBeGreaterThanOrEqual(0);
          expect(row.value, `${key} ${year} ${row.indicatorCode}`).toBeLessThanOrEqual(100);
          expect(['REACHED', 'ON_TRACK', 'AT_RISK', 'BEHIND']).toContain(row.status);
          expect(row.gapLabel).toMatch(
            row.status === 'REACHED' ? /^(Vượt |Đạt)/ : /^(Còn thiếu |Chênh lệch |Chưa vượt)/,
          );
          expect(row.shortfall === 0).toBe(row.status === 'REACHED');
        }
      }
    }
  });

  it('shows each plan with some targets reached and some not in the final year, 2025', async () => {
    for (const key of SEED_PLANS) {
      const { data } = await progress(key, 2025);
      const statuses = data!.plan.progress.map((row) => row.status);
      expect(statuses, key).toContain('REACHED');
      expect(
        statuses.some((status) => status !== 'REACHED'),
        key,
      ).toBe(true);
    }
  });

  it('assesses Dầu Tiếng in 2025 over the abolished district and the current communes of its ground', async () => {
    const { data, errors } = await progress('dau-tieng-2019-de-an-1437', 2025);
    expect(errors).toBeUndefined();
    const access = data!.plan.progress.find((r) => r.indicatorCode === 'ECD_SERVICE_ACCESS_0_8')!;
    expect(access.territory.unit).toEqual({ code: '720', validFrom: '2019-01-01', validTo: '2025-06-30' });
    const communes = coveringCommunes('720', 'district');
    expect(communes.length).toBeGreaterThan(0);
    expect(
      access.territory.units
        .filter((u) => u.validFrom === '2025-07-01')
        .map((u) => u.code)
        .sort(),
    ).toEqual(communes.sort());
    const expected = await reportedOverGround('ECD_SERVICE_ACCESS_0_8', 2025, '720', 'district');
    expect(expected.d).toBeGreaterThan(0);
    expect(access.figure).toEqual({ numerator: expected.n, denominator: expected.d });
    expect(access.baseline).toMatchObject({ year: 2019, from: 'FIRST_FIGURE' });
  });

  it('assesses Bến Cát in 2025 and 2026 over the district and the current communes covering it, flagged approximate', async () => {
    const current = coveringCommunes('721', 'district');
    for (const year of [2025, 2026]) {
      const { data, errors } = await progress('ben-cat-pgddt-2021-cthd-tre-em', year);
      expect(errors, String(year)).toBeUndefined();
      for (const row of data!.plan.progress) {
        expect(row).toMatchObject({ unitCode: '721', unitValidFrom: '2019-01-01' });
        expect(row.territory.unit).toEqual({ code: '721', validFrom: '2019-01-01', validTo: '2025-06-30' });
        expect(row.territory.units.map((u) => `${u.code}@${u.validFrom}`).sort()).toEqual(
          ['721@2019-01-01', ...current.map((c) => `${c}@2025-07-01`)].sort(),
        );
        expect(row.territory.approximate).toBe(true);
        expect(row.territory.note).toMatch(/Gần đúng/);
      }
      // Schools stay in the communes they were registered in; their surveys count over the same ground.
      const sanitation = data!.plan.progress.find((r) => r.indicatorCode === 'SCHOOLS_WITH_SANITATION')!;
      const [expected] = await queryRows(
        subgraphDatabase(federation, 'education'),
        figureRow,
        sql`SELECT count(*) FILTER (WHERE sv.clean_water_sanitation)::float8 AS n, count(*)::float8 AS d
              FROM school s JOIN school_survey sv ON sv.school_id = s.id AND sv.year = ${year}
             WHERE NOT EXISTS (SELECT 1 FROM school_survey n WHERE n.school_id = sv.school_id AND n.year = sv.year AND n.version > sv.version)
               AND ((s.district_code = '721' AND s.district_valid_from = '2019-01-01')
                 OR (s.commune_code = ANY(${current}::text[]) AND s.commune_valid_from = '2025-07-01'))`,
      );
      expect(expected!.d, String(year)).toBeGreaterThan(0);
      expect(sanitation.figure).toEqual({ numerator: expected!.n, denominator: expected!.d });
    }
  });

  it('assesses Ninh Bình Sở GDĐT’s plan over the old province, not the merged one', async () => {
    const { data, errors } = await progress('ninh-binh-sgddt-2019-de-an-1437', 2025);
    expect(errors).toBeUndefined();
    const [row] = data!.plan.progress;
    expect(row!.territory.unit).toEqual({ code: '37', validFrom: '2019-01-01', validTo: '2025-06-30' });
    const keys = row!.territory.units.map((u) => `${u.code}@${u.validFrom}`);
    for (const merged of ['35@2019-01-01', '36@2019-01-01', '37@2025-07-01']) expect(keys).not.toContain(merged);
    const current = keys.filter((k) => k.endsWith('@2025-07-01')).map((k) => k.slice(0, 5));
    expect(keys).toContain('37@2019-01-01');
    expect(current.sort()).toEqual(coveringCommunes('37', 'province').sort());
    expect(current.length).toBeLessThan(communesOfProvince('37', '2025-07-01').length);
    // Asking for code 37 by name gives the plan's own old province, which lies in its scope.
    const { data: asked } = await progress('ninh-binh-sgddt-2019-de-an-1437', 2025, '37');
    expect(asked!.plan.progress[0]!.territory.unit.validFrom).toBe('2019-01-01');
  });

  it('assesses Lạng Sơn’s district target in 2025 over the old districts rebuilt from today’s communes, flagged', async () => {
    const { data } = await progress('lang-son-2019-de-an-1437', 2025);
    const districts = data!.plan.progress.find((r) => r.indicatorCode === 'REFERRAL_NETWORK_DISTRICTS')!;
    expect(districts.territory.approximate).toBe(true);
    expect(districts.territory.note).toMatch(/huyện cũ được dựng lại/);
    // Independently: each current commune to its old district, a district working when most of its communes are.
    const oldDistricts = new Map<string, string>();
    const langSon2024 = unitIndexFor(UNIT_LISTS[0]!).childrenOf.get('20') ?? [];
    for (const { code } of langSon2024) for (const c of currentCommunesOf(code, 'district')) oldDistricts.set(c, code);
    const assessments = await queryRows(
      subgraphDatabase(federation, 'ldtbxh'),
      z.object({ code: z.string(), working: z.boolean() }),
      sql`SELECT commune_code AS code, working FROM referral_network WHERE year = 2025 AND commune_valid_from = '2025-07-01' AND province_code = '20'`,
    );
    const tally = new Map<string, { communes: number; working: number }>();
    for (const [commune, district] of oldDistricts) {
      const entry = tally.get(district) ?? { communes: 0, working: 0 };
      entry.communes++;
      if (assessments.find((a) => a.code === commune)?.working) entry.working++;
      tally.set(district, entry);
    }
    const working = [...tally.values()].filter((t) => t.working * 2 > t.communes).length;
    expect(tally.size).toBe(11);
    expect(districts.figure).toEqual({ numerator: working, denominator: 11 });
    expect(districts.value).toBeCloseTo((100 * working) / 11, 9);
  });
});

describe('years and units outside a plan are typed errors; drill-down inside it is allowed', () => {
  it('refuses a year outside the plan’s period', async () => {
    for (const [key, year] of [
      ['lang-son-2019-de-an-1437', 2026],
      ['lang-son-2019-de-an-1437', 2018],
      ['ben-cat-pgddt-2021-cthd-tre-em', 2031],
    ] as const) {
      const { data, errors } = await progress(key, year);
      expect(data?.plan ?? null, `${key} ${year}`).toBeNull();
      expect(errors?.[0]?.extensions).toMatchObject({
        code: 'BAD_USER_INPUT',
        field: 'year',
        reason: 'YEAR_OUTSIDE_PERIOD',
      });
      expect(errors?.[0]?.message).toMatch(/nằm ngoài thời kỳ/);
    }
  });

  it('refuses a unit outside the plan’s scope, and answers for a commune inside it', async () => {
    const { errors } = await progress('lang-son-2019-de-an-1437', 2024, '01');
    expect(errors?.[0]?.extensions).toMatchObject({
      code: 'BAD_USER_INPUT',
      field: 'unitCode',
      reason: 'UNIT_OUTSIDE_PLAN_SCOPE',
    });
    // A current commune of Lạng Sơn in 2025 and a 2024 commune of Bến Cát in 2026 (abolished, followed forward).
    const [inside] = currentCommunesOf('20', 'province');
    const commune = await progress('lang-son-2019-de-an-1437', 2025, inside);
    expect(commune.errors).toBeUndefined();
    expect(commune.data!.plan.progress[0]).toMatchObject({ unitCode: inside, unitValidFrom: '2025-07-01' });
    const abolished = await progress('ben-cat-pgddt-2021-cthd-tre-em', 2026, '721');
    expect(abolished.errors).toBeUndefined();
    expect(abolished.data!.plan.progress[0]).toMatchObject({ unitCode: '721', unitValidFrom: '2019-01-01' });
  });
});
