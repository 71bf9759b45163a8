import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { z } from 'zod';

import { identifier, queryRows, sql, type SqlQueryable } from '@ecd/database';
import { communesOfProvince } from '@ecd/reference-data';
import { subgraphDatabase, type Federation } from '@ecd/test-kit';

import { langSonTestPlan, startTestFederation } from './federation.test-fixture.js';

// Issue 11: figures are cached by data version and never stale; a sector's outage nulls only its own values.

let federation: Federation;
beforeAll(async () => {
  federation = await startTestFederation();
  const imported = await federation.query(
    `mutation($d: String!) { importPlan(document: $d, format: JSON) { numericTargets } }`,
    {
      d: JSON.stringify(MIXED_PLAN),
    },
  );
  expect(imported.errors).toBeUndefined();
}, 300_000);
afterAll(() => federation?.close());

/** A test plan (not a seed plan) with one target of each sector that owns indicators. */
const MIXED_PLAN = langSonTestPlan(
  'lang-son-2025-resilience-test',
  'Kế hoạch thử nghiệm (dữ liệu kiểm thử): mỗi ngành một chỉ tiêu',
  [
    {
      code: '1',
      description: '80% trẻ em đến 8 tuổi được tiếp cận dịch vụ phát triển toàn diện',
      indicator: 'ECD_SERVICE_ACCESS_0_8',
      milestones: [{ year: 2025, comparator: 'GTE', value: 80 }],
    },
    {
      code: '2',
      description: 'Tỷ lệ suy dinh dưỡng thấp còi trẻ em dưới 5 tuổi dưới 25%',
      indicator: 'UNDER5_STUNTING',
      milestones: [{ year: 2025, comparator: 'LT', value: 25 }],
    },
    {
      code: '3',
      description: '99% trẻ em 5 tuổi đi học mẫu giáo',
      indicator: 'AGE5_PRESCHOOL_ENROLMENT',
      milestones: [{ year: 2025, comparator: 'GTE', value: 99 }],
    },
  ],
);

const SECTORS = ['ldtbxh', 'health', 'education', 'culture'] as const;
/** The tables whose writes change no figure (the version itself, migrations, the audit log written by reads, idempotency keys). */
const UNVERSIONED = new Set(['data_version', '_prisma_migrations', 'audit_event', 'idempotent_request']);

const version = async (db: SqlQueryable) =>
  BigInt((await queryRows(db, z.object({ v: z.string() }), sql`SELECT version::text AS v FROM data_version`))[0]!.v);

describe('figures cached by data version', () => {
  it('increments each sector’s version on a write to any of its tables, whatever the write', async () => {
    for (const sector of SECTORS) {
      // The subgraph's own Prisma client, which writes too.
      const db = subgraphDatabase(federation, sector) as SqlQueryable;
      const tables = await queryRows(
        db,
        z.object({ name: z.string() }),
        sql`SELECT tablename AS name FROM pg_tables WHERE schemaname = current_schema() ORDER BY 1`,
      );
      expect(tables.length, sector).toBeGreaterThan(3);
      for (const { name } of tables) {
        if (UNVERSIONED.has(name)) continue;
        const before = await version(db);
        // An insert of no row still fires the statement trigger: the test writes nothing, the check is real.
        await db.$executeRaw(sql`INSERT INTO ${identifier(name)} SELECT * FROM ${identifier(name)} WHERE false`);
        expect(await version(db), `${sector}.${name}`).toBe(before + 1n);
      }
    }
  });

  it('shows a write in the next read: a figure reported to LĐTBXH changes the cached progress at once', async () => {
    const commune = communesOfProvince('20', '2019-01-01')[0]!.code;
    const read = async () => {
      const { data, errors } = await federation.query<{
        plan: { progress: { indicatorCode: string; figure: { numerator: number; denominator: number } | null }[] };
      }>(
        `{ plan(key: "lang-son-2019-de-an-1437") { progress(year: 2024) { indicatorCode figure { numerator denominator } } } }`,
      );
      expect(errors).toBeUndefined();
      return data!.plan.progress.find((p) => p.indicatorCode === 'ECD_STAFF_CAREGIVERS_TRAINED')!.figure;
    };
    const before = await read();
    expect(await read()).toEqual(before);
    const recorded = await federation.query(
      `mutation($i: IndicatorValueInput!) { recordSocialAffairsIndicatorValue(input: $i) { id } }`,
      {
        i: {
          indicatorCode: 'ECD_STAFF_CAREGIVERS_TRAINED',
          unitCode: commune,
          year: 2024,
          numerator: 7,
          denominator: 9,
          source: 'Báo cáo kiểm thử 1/BC',
        },
      },
    );
    expect(recorded.errors).toBeUndefined();
    expect(await read()).toEqual({
      numerator: (before?.numerator ?? 0) + 7,
      denominator: (before?.denominator ?? 0) + 9,
    });
  });
});

describe('a sector down', () => {
  type Row = {
    indicatorCode: string;
    value: number | null;
    status: string | null;
    communes: { value: number | null }[];
  };
  const PROGRESS = `{ plan(key: "${MIXED_PLAN.key}") { progress(year: 2025, byCommune: true) { indicatorCode value status communes { value } } } }`;

  it('nulls only that sector’s values: every other target keeps its value and status', async () => {
    const up = await federation.query<{ plan: { progress: Row[] } }>(PROGRESS);
    expect(up.errors).toBeUndefined();
    const byIndicator = (rows: Row[]) => Object.fromEntries(rows.map((r) => [r.indicatorCode, r]));
    const before = byIndicator(up.data!.plan.progress);
    // The demo has LĐTBXH's and health's figures in Lạng Sơn in 2025 (education's schools are elsewhere).
    for (const code of ['ECD_SERVICE_ACCESS_0_8', 'UNDER5_STUNTING']) expect(before[code]?.value, code).not.toBeNull();

    await federation.stopSubgraph('health');
    const down = await federation.query<{ plan: { progress: Row[] } }>(PROGRESS);
    const after = byIndicator(down.data!.plan.progress);
    expect(after.UNDER5_STUNTING).toMatchObject({ value: null, status: null });
    expect(after.UNDER5_STUNTING!.communes.every((c) => c.value === null)).toBe(true);
    for (const code of ['ECD_SERVICE_ACCESS_0_8', 'AGE5_PRESCHOOL_ENROLMENT'])
      expect(after[code], code).toEqual(before[code]);
    expect(down.errors?.map((e) => e.extensions)).toEqual(
      expect.arrayContaining([expect.objectContaining({ code: 'SUBGRAPH_UNAVAILABLE', service: 'health' })]),
    );
  });
});
