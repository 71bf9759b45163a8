import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startCultureSubgraph, loadEnv as cultureEnv } from '@ecd/culture-subgraph';
import { startEducationSubgraph, loadEnv as educationEnv } from '@ecd/education-subgraph';
import { startHealthSubgraph, loadEnv as healthEnv } from '@ecd/health-subgraph';
import { startLdtbxhSubgraph, loadEnv as ldtbxhEnv } from '@ecd/ldtbxh-subgraph';
import { startFederation, type Federation } from '@ecd/test-kit';
import { loadEnv } from './env.js';
import { startGateway } from './server.js';

/** The first vertical slice: one question to the gateway, answered by all four sectors. */
const SLICE = /* GraphQL */ `
  query Slice($code: String!) {
    administrativeUnit(code: $code) {
      code
      fullName
      level
      healthStationCount
      childrenAged0To8Count(asOf: "2025-07-01")
      schoolCounts { level label count }
      culturalFacilityCount
      plans { number title }
      children(first: 100) {
        totalCount
        nodes { code fullName level healthStationCount schoolCounts { count } culturalFacilityCount }
      }
    }
  }
`;

interface SliceUnit {
  code: string;
  fullName: string;
  level: string;
  healthStationCount: number | null;
  childrenAged0To8Count: number | null;
  schoolCounts: { level: string; label: string; count: number }[] | null;
  culturalFacilityCount: number | null;
  plans: { number: string | null; title: string }[];
  children: { totalCount: number; nodes: { code: string; healthStationCount: number | null; schoolCounts: { count: number }[]; culturalFacilityCount: number }[] };
}

let federation: Federation;

beforeAll(async () => {
  federation = await startFederation({
    env: { SEED_DEMO: 'true' },
    subgraphs: {
      ldtbxh: (env) => startLdtbxhSubgraph(ldtbxhEnv(env)),
      health: (env) => startHealthSubgraph(healthEnv(env)),
      education: (env) => startEducationSubgraph(educationEnv(env)),
      culture: (env) => startCultureSubgraph(cultureEnv(env)),
    },
    gateway: (subgraphUrls) => startGateway({ env: loadEnv({ PORT: '0', LOG_LEVEL: 'silent' }), subgraphUrls }),
  });
});

afterAll(() => federation?.close());

describe('the federated slice through the gateway', () => {
  it('returns a province with its communes and fields from all four subgraphs', async () => {
    const { data, errors } = await federation.query<{ administrativeUnit: SliceUnit }>(SLICE, { code: '20' });
    expect(errors).toBeUndefined();
    const province = data!.administrativeUnit;
    expect(province).toMatchObject({ code: '20', fullName: 'Tỉnh Lạng Sơn', level: 'PROVINCE' });
    expect(province.children.totalCount).toBe(65);
    expect(province.children.nodes).toHaveLength(65);
    // Each sector's province figure is the sum over its communes: roll-ups agree with the details.
    const sum = (pick: (n: SliceUnit['children']['nodes'][number]) => number) => province.children.nodes.reduce((s, n) => s + pick(n), 0);
    expect(province.healthStationCount).toBe(65);
    expect(sum((n) => n.healthStationCount ?? 0)).toBe(65);
    expect(province.schoolCounts!.map((s) => s.label)).toEqual(['Mầm non', 'Tiểu học', 'Trung học cơ sở']);
    expect(province.schoolCounts!.reduce((s, c) => s + c.count, 0)).toBe(sum((n) => n.schoolCounts.reduce((a, c) => a + c.count, 0)));
    expect(province.culturalFacilityCount).toBe(sum((n) => n.culturalFacilityCount));
    expect(province.culturalFacilityCount).toBeGreaterThanOrEqual(65);
    expect(province.childrenAged0To8Count).toBeGreaterThan(65 * 100);
    // ldtbxh: the national scheme and Lạng Sơn's 2019 plan, inherited by the 2025 province.
    expect(province.plans.map((p) => p.number)).toEqual(['1437/QĐ-TTg', null]);
  });

  it('answers for units as they were: Lạng Sơn had districts before the July 2025 reform', async () => {
    const query = `query($d: Date) { administrativeUnit(code: "20", asOf: $d) { validFrom children(first: 20) { totalCount nodes { level } } } }`;
    const before = await federation.query<{ administrativeUnit: { validFrom: string; children: { totalCount: number; nodes: { level: string }[] } } }>(query, { d: '2024-12-31' });
    expect(before.data!.administrativeUnit.validFrom).toBe('2019-01-01');
    expect(before.data!.administrativeUnit.children.nodes.every((n) => n.level === 'DISTRICT')).toBe(true);
    expect(before.data!.administrativeUnit.children.totalCount).toBe(11);
  });

  it('gives a typed NOT_FOUND error for an unknown unit code', async () => {
    const { data, errors } = await federation.query(SLICE, { code: '99' });
    expect(data?.administrativeUnit).toBeNull();
    expect(errors).toHaveLength(1);
    expect(errors![0]).toMatchObject({ path: ['administrativeUnit'], extensions: { code: 'NOT_FOUND', field: 'code', reason: 'UNKNOWN_UNIT_CODE' } });
    expect(errors![0]!.message).toContain('Không có đơn vị hành chính mã 99');
  });

  it('gives a typed BAD_USER_INPUT error for a malformed code and a wrong type, never a stack trace', async () => {
    const malformed = await federation.query(SLICE, { code: '20; DROP TABLE plan' });
    expect(malformed.errors![0]!.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'code', reason: 'MALFORMED_UNIT_CODE' });

    const wrongType = await federation.query(SLICE, { code: 20 });
    expect(wrongType.status).toBe(400);
    expect(wrongType.errors![0]!.extensions!.code).toBe('BAD_USER_INPUT');
    expect(wrongType.errors![0]!.message).toMatch(/^Dữ liệu đầu vào không hợp lệ/);

    const badDate = await federation.query('{ administrativeUnit(code: "20", asOf: "31/12/2024") { code } }');
    expect(badDate.errors![0]!.extensions!.code).toBe('GRAPHQL_VALIDATION_FAILED');
    for (const response of [malformed, wrongType, badDate]) expect(JSON.stringify(response)).not.toMatch(/stacktrace|at .*\.js:\d+/);
  });

  it('keeps answering the other sectors when one subgraph is down, naming the missing sector', async () => {
    await federation.stopSubgraph('education');
    const { data, errors } = await federation.query<{ administrativeUnit: SliceUnit }>(SLICE, { code: '20' });
    const province = data!.administrativeUnit;
    expect(province.fullName).toBe('Tỉnh Lạng Sơn');
    expect(province.healthStationCount).toBe(65);
    expect(province.culturalFacilityCount).toBeGreaterThan(0);
    expect(province.schoolCounts).toBeNull();
    expect(province.children.nodes.every((n) => n.schoolCounts === null)).toBe(true);
    expect(errors!.length).toBeGreaterThan(0);
    for (const error of errors!) {
      expect(error.extensions).toMatchObject({ code: 'SUBGRAPH_UNAVAILABLE', service: 'education' });
      expect(error.message).toContain('Giáo dục và Đào tạo');
    }
  });
});
