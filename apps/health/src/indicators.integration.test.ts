import { describe, expect, it } from 'vitest';
import { z } from 'zod';

import { empty, identifier, queryRows, sql, type Sql } from '@ecd/database';
import { communesOfProvince } from '@ecd/reference-data';
import { graphql, useTestSubgraph } from '@ecd/test-kit';

import { figureData } from './data/figures.js';
import { seedDemo } from './demo/seed.js';
import type { PrismaClient } from './generated/prisma/client.js';
import { loadEnv, startHealthSubgraph } from './server.js';

const subgraph = useTestSubgraph('health-indicators', (env) => startHealthSubgraph(loadEnv(env), { seedDemo }));

type Figure = { numerator: number; denominator: number | null; source: string; reported: boolean } | null;

/** Health's figures for plan targets, asked the way the gateway asks: TargetProgress entities by key. */
async function healthFigures(
  indicatorCode: string,
  units: { code: string; validFrom: string }[],
  year: number,
): Promise<Figure[]> {
  const { data, errors } = await graphql<{ _entities: { health: Figure }[] }>(
    subgraph.service.graphqlUrl,
    `
      query ($r: [_Any!]!) {
        _entities(representations: $r) {
          ... on TargetProgress {
            health {
              numerator
              denominator
              source
              reported
            }
          }
        }
      }
    `,
    {
      r: units.map((u) => ({
        __typename: 'TargetProgress',
        targetId: 't',
        indicatorCode,
        unitCode: u.code,
        unitValidFrom: u.validFrom,
        year,
      })),
    },
  );
  expect(errors).toBeUndefined();
  return data!._entities.map((e) => e.health);
}

const AFTER_REFORM = '2025-07-01';
const PROVINCE = { code: '20', validFrom: AFTER_REFORM };
const COMMUNE = { code: '05977', validFrom: AFTER_REFORM };

const sexIs = (sex?: string) => (sex ? sql`AND sex = ${sex}::"Sex"` : empty);

/**
 * Written independently of the subgraph's SQL: each record's unit and year as plain columns, counted
 * for a commune or a province (`unit` in `unitColumn`), for all children or those of one sex.
 */
const INDEPENDENT: Record<string, (unitColumn: string, unit: string, sex?: 'MALE' | 'FEMALE') => Sql> = {
  UNDER5_STUNTING: (unitColumn, unit, sex) => sql`
    SELECT count(*) FILTER (WHERE stunting IN ('MODERATE', 'SEVERE'))::float8 AS n, count(stunting)::float8 AS d
      FROM growth_measurement WHERE ${identifier(unitColumn)} = ${unit} AND extract(year FROM measured_on) = 2025 ${sexIs(sex)}`,
  UNDER1_FULLY_IMMUNISED: (unitColumn, unit, sex) => sql`
    WITH cohort AS (SELECT id, birth_date FROM child_record WHERE ${identifier(unitColumn)} = ${unit} AND extract(year FROM birth_date) = 2024 ${sexIs(sex)}),
         doses AS (SELECT c.id, count(DISTINCT i.vaccine) FILTER (
                     WHERE i.vaccine::text IN ('BCG', 'HEPB_BIRTH', 'DPT_HEPB_HIB_1', 'DPT_HEPB_HIB_2', 'DPT_HEPB_HIB_3', 'OPV_1', 'OPV_2', 'OPV_3', 'IPV', 'MEASLES_1')
                       AND i.given_on < c.birth_date + interval '1 year') AS due_given
                     FROM cohort c LEFT JOIN immunisation i ON i.child_record_id = c.id GROUP BY c.id)
    SELECT count(*) FILTER (WHERE due_given = 10)::float8 AS n, count(*)::float8 AS d FROM doses`,
  CHILDREN_0_8_REACHED_HEALTH_SERVICES: (unitColumn, unit, sex) => sql`
    SELECT count(*) FILTER (WHERE EXISTS (
             SELECT 1 FROM health_service_contact s WHERE s.child_record_id = c.id AND extract(year FROM s.served_on) = 2025
                AND s.served_on < c.birth_date + interval '9 years'))::float8 AS n,
           count(*)::float8 AS d
      FROM child_record c WHERE ${identifier(unitColumn)} = ${unit} AND c.birth_date <= DATE '2025-12-31' AND c.birth_date + interval '9 years' > DATE '2025-01-01' ${sexIs(sex)}`,
};

/** A row of the independent SQL: numerator `n` and denominator `d`. */
const independentRow = z.object({ n: z.number(), d: z.number() });

describe('the indicators health owns, computed from its records', () => {
  it.each(Object.keys(INDEPENDENT))('%s for a province and a commune matches an independent count', async (code) => {
    const [province, commune] = await healthFigures(code, [PROVINCE, COMMUNE], 2025);
    for (const [figure, column, unit] of [
      [province, 'province_code', PROVINCE.code],
      [commune, 'commune_code', COMMUNE.code],
    ] as const) {
      const [expected] = await queryRows(subgraph.service.client, independentRow, INDEPENDENT[code]!(column, unit));
      expect(expected!.d, `${code} has demo records in ${unit}`).toBeGreaterThan(0);
      expect(figure).toMatchObject({ numerator: expected!.n, denominator: expected!.d, reported: false });
    }
  });

  it.each(Object.keys(INDEPENDENT))(
    '%s split by sex matches an independent count per sex and adds up to the whole',
    async (code) => {
      type BySex = {
        health: { numerator: number; denominator: number };
        healthBySex: { sex: string; numerator: number; denominator: number }[];
      };
      const { data, errors } = await graphql<{ _entities: BySex[] }>(
        subgraph.service.graphqlUrl,
        `
          query ($r: [_Any!]!) {
            _entities(representations: $r) {
              ... on TargetProgress {
                health {
                  numerator
                  denominator
                }
                healthBySex {
                  sex
                  numerator
                  denominator
                }
              }
            }
          }
        `,
        {
          r: [PROVINCE, COMMUNE].map((u) => ({
            __typename: 'TargetProgress',
            targetId: 't',
            indicatorCode: code,
            unitCode: u.code,
            unitValidFrom: u.validFrom,
            year: 2025,
          })),
        },
      );
      expect(errors).toBeUndefined();
      for (const [entity, column, unit] of [
        [data!._entities[0]!, 'province_code', PROVINCE.code],
        [data!._entities[1]!, 'commune_code', COMMUNE.code],
      ] as const) {
        expect(entity.healthBySex.map((g) => g.sex)).toEqual(['MALE', 'FEMALE']);
        for (const group of entity.healthBySex) {
          const [expected] = await queryRows(
            subgraph.service.client,
            independentRow,
            INDEPENDENT[code]!(column, unit, group.sex as 'MALE' | 'FEMALE'),
          );
          expect(expected!.d, `${code} has ${group.sex} records in ${unit}`).toBeGreaterThan(0);
          expect(group).toEqual({ sex: group.sex, numerator: expected!.n, denominator: expected!.d });
        }
        expect(entity.healthBySex.reduce((sum, g) => sum + g.numerator, 0)).toBe(entity.health.numerator);
        expect(entity.healthBySex.reduce((sum, g) => sum + g.denominator, 0)).toBe(entity.health.denominator);
      }
    },
  );

  it('answers null for an indicator health does not own, and for a year without records', async () => {
    expect(await healthFigures('ECD_SERVICE_ACCESS_0_8', [PROVINCE], 2025)).toEqual([null]);
    expect(await healthFigures('UNDER5_STUNTING', [PROVINCE], 2021)).toEqual([null]);
    const { data } = await graphql<{ _entities: { healthBySex: unknown }[] }>(
      subgraph.service.graphqlUrl,
      `
        query ($r: [_Any!]!) {
          _entities(representations: $r) {
            ... on TargetProgress {
              healthBySex {
                sex
              }
            }
          }
        }
      `,
      {
        r: [
          { indicatorCode: 'ECD_SERVICE_ACCESS_0_8', year: 2025 },
          { indicatorCode: 'UNDER5_STUNTING', year: 2021 },
        ].map((k) => ({
          __typename: 'TargetProgress',
          targetId: 't',
          unitCode: PROVINCE.code,
          unitValidFrom: PROVINCE.validFrom,
          ...k,
        })),
      },
    );
    expect(data!._entities).toEqual([{ healthBySex: null }, { healthBySex: null }]);
  });

  it('answers a province and all its communes, for all three indicators, in one SQL statement (and one more split by sex)', async () => {
    const statements: string[] = [];
    const counting = {
      $queryRaw: (query: Sql, ...values: unknown[]) => {
        statements.push(query.sql);
        return subgraph.service.client.$queryRaw(query, ...values);
      },
    } as unknown as PrismaClient;
    const loaders = figureData(counting, undefined);
    const units = [
      PROVINCE,
      ...communesOfProvince('20', AFTER_REFORM).map((c) => ({ code: c.code, validFrom: AFTER_REFORM })),
    ];
    const figures = await Promise.all(
      Object.keys(INDEPENDENT).map((indicatorCode) =>
        Promise.all(units.map((unit) => loaders.indicatorValue.load({ indicatorCode, year: 2025, unit }))),
      ),
    );
    expect(statements).toHaveLength(1);
    const bySex = await Promise.all(
      units.map((unit) => loaders.indicatorValueBySex.load({ indicatorCode: 'UNDER5_STUNTING', year: 2025, unit })),
    );
    expect(statements).toHaveLength(2);
    expect(bySex.every((groups) => groups?.length === 2)).toBe(true);
    for (const [province, ...communes] of figures) {
      expect(communes.reduce((sum, f) => sum + (f?.numerator ?? 0), 0)).toBe(province!.numerator);
      expect(communes.reduce((sum, f) => sum + (f?.denominator ?? 0), 0)).toBe(province!.denominator);
    }
  });
});
