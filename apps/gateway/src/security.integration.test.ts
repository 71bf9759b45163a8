import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { z } from 'zod';

import { queryRows, sql } from '@ecd/database';
import { createGatewaySigner } from '@ecd/service-kit';
import { DEMO_USERS, demoIdentity, developmentKeys, signDevelopmentToken } from '@ecd/service-kit/development';
import {
  gatewayToken,
  graphql,
  readFixture,
  rowCount,
  subgraphDatabase,
  userToken,
  type Federation,
} from '@ecd/test-kit';

import { startTestFederation } from './federation.test-fixture.js';

let federation: Federation;
beforeAll(async () => {
  federation = await startTestFederation();
});
afterAll(() => federation?.close());

const as = async (user: string) => ({ authorization: `Bearer ${await userToken(user)}` });
const count = (subgraph: string, table: string) => rowCount(subgraphDatabase(federation, subgraph), table);

/** A token signed by a key the federation does not know, claiming to be the admin. */
const strangerKeys = developmentKeys(mkdtempSync(join(tmpdir(), 'ecd-stranger-')));

describe('authentication at the gateway', () => {
  const QUERY = '{ administrativeUnit(code: "20") { fullName } }';

  // Typed: an untyped `{}` narrowed by `typeof … === 'function'` is a `Function`, whose call gives `any`.
  type Headers = Record<string, string> | (() => Promise<Record<string, string>>);
  it.each<readonly [string, Headers, string]>([
    ['no token', {}, 'TOKEN_REQUIRED'],
    ['forged identity headers only', { 'x-ecd-user-id': 'admin', 'x-ecd-user-roles': 'admin' }, 'TOKEN_REQUIRED'],
    [
      'a token of an unknown signer',
      async () => ({ authorization: `Bearer ${await signDevelopmentToken(strangerKeys, 'admin')}` }),
      'TOKEN_INVALID',
    ],
    [
      'an expired token',
      async () => ({ authorization: `Bearer ${await userToken('admin', { expiresIn: '-1min' })}` }),
      'TOKEN_EXPIRED',
    ],
  ])('answers %s with 401, a JSON error and no data', async (_case, headers, reason) => {
    const given = typeof headers === 'function' ? await headers() : headers;
    const response = await graphql(federation.gateway.graphqlUrl, QUERY, {}, { authorization: '', ...given });
    expect(response.status).toBe(401);
    expect(response.data).toBeUndefined();
    expect(response.errors![0]).toMatchObject({ extensions: { code: 'UNAUTHENTICATED', reason } });
    expect(response.errors![0]!.message).toMatch(/đăng nhập|mã truy cập/i);
  });

  it('stores who wrote a record from the verified token, never from headers a client sends', async () => {
    const headers = {
      ...(await as('station.dongkinh')),
      'x-ecd-user-id': 'mallory',
      'x-ecd-user-roles': 'admin',
      'x-ecd-agency': 'BYT',
    };
    const { data, errors } = await graphql<{ recordGrowthMeasurement: { id: string } }>(
      federation.gateway.graphqlUrl,
      `
        mutation ($input: GrowthMeasurementInput!) {
          recordGrowthMeasurement(input: $input) {
            id
          }
        }
      `,
      {
        input: {
          sex: 'FEMALE',
          birthDate: '2024-03-01',
          measuredOn: '2025-09-01',
          weightKg: 10.2,
          lengthHeightCm: 80,
          measured: 'LYING',
          communeCode: '05977',
        },
      },
      headers,
    );
    expect(errors).toBeUndefined();
    const [row] = await queryRows(
      subgraphDatabase(federation, 'health'),
      z.object({ recorded_by: z.string() }),
      sql`SELECT recorded_by FROM growth_measurement WHERE id = ${data!.recordGrowthMeasurement.id}::uuid`,
    );
    expect(row!.recorded_by).toBe('station.dongkinh');
  });
});

describe('only the gateway talks to subgraphs', () => {
  const OPERATIONS = {
    service: '{ _service { sdl } }',
    entities: `{ _entities(representations: [{ __typename: "AdministrativeUnit", code: "20", validFrom: "2025-07-01" }]) { __typename } }`,
    introspection: '{ __schema { queryType { name } } }',
    mutation: 'mutation { __typename }',
  };
  const SUBGRAPHS = ['ldtbxh', 'health', 'education', 'culture'];

  const cases = async (subgraph: string): Promise<[string, Record<string, string>, string][]> => {
    const otherGateway = await createGatewaySigner(strangerKeys.gatewayPrivate);
    return [
      ['no token', { authorization: '' }, 'GATEWAY_TOKEN_REQUIRED'],
      [
        'forged identity headers',
        { authorization: '', 'x-ecd-user-id': 'admin', 'x-ecd-user-roles': 'admin' },
        'GATEWAY_TOKEN_REQUIRED',
      ],
      ["a person's own token", await as('admin'), 'GATEWAY_TOKEN_INVALID'],
      [
        'a token signed by another key',
        { authorization: `Bearer ${await otherGateway.sign(demoIdentity('admin'), subgraph, 'x')}` },
        'GATEWAY_TOKEN_INVALID',
      ],
      [
        "the gateway's token meant for another subgraph",
        { authorization: `Bearer ${await gatewayToken('admin', subgraph === 'health' ? 'ldtbxh' : 'health')}` },
        'GATEWAY_TOKEN_INVALID',
      ],
    ];
  };

  it.each(SUBGRAPHS)(
    '%s answers 401 and no data to anything but the gateway, _service, _entities and introspection included',
    async (subgraph) => {
      const url = federation.subgraphs[subgraph]!.graphqlUrl;
      for (const [label, headers, reason] of await cases(subgraph)) {
        for (const [name, query] of Object.entries(OPERATIONS)) {
          const response = await graphql(url, query, {}, headers);
          expect(response.status, `${label}: ${name}`).toBe(401);
          expect(response.data, `${label}: ${name}`).toBeUndefined();
          expect(response.errors![0]!.extensions, `${label}: ${name}`).toMatchObject({
            code: 'UNAUTHENTICATED',
            reason,
          });
        }
      }
      // The gateway's own token for this subgraph opens it.
      const ok = await graphql<{ _service: { sdl: string } }>(
        url,
        OPERATIONS.service,
        {},
        { authorization: `Bearer ${await gatewayToken('viewer.quangninh', subgraph)}` },
      );
      expect(ok.errors).toBeUndefined();
      expect(ok.data!._service.sdl).toContain('type');
    },
  );
});

/**
 * The policy matrix of docs/SECURITY.md, through the gateway: each demo user × each kind of operation,
 * inside their unit and outside it. `true` allowed, `false` refused (FORBIDDEN, nothing written).
 */
type Expectation = [inside: boolean, outside: boolean];
const MATRIX: Record<string, Record<string, Expectation>> = {
  //                     reference        aggregate        health record    education figure  referrals         plan management
  admin: {
    reference: [true, true],
    aggregate: [true, true],
    healthRecord: [true, true],
    educationFigure: [true, true],
    referrals: [true, true],
    planManagement: [true, true],
  },
  'lead.langson': {
    reference: [true, true],
    aggregate: [true, false],
    healthRecord: [false, false],
    educationFigure: [false, false],
    referrals: [false, false],
    planManagement: [true, false],
  },
  'health.langson': {
    reference: [true, true],
    aggregate: [true, false],
    healthRecord: [true, false],
    educationFigure: [false, false],
    referrals: [true, false],
    planManagement: [false, false],
  },
  'station.dongkinh': {
    reference: [true, true],
    aggregate: [false, false],
    healthRecord: [true, false],
    educationFigure: [false, false],
    referrals: [true, false],
    planManagement: [false, false],
  },
  'caseworker.langson': {
    reference: [true, true],
    aggregate: [false, false],
    healthRecord: [false, false],
    educationFigure: [false, false],
    referrals: [true, false],
    planManagement: [false, false],
  },
  'education.ninhbinh': {
    reference: [true, true],
    aggregate: [true, false],
    healthRecord: [false, false],
    educationFigure: [true, false],
    referrals: [true, false],
    planManagement: [false, false],
  },
  'culture.langson': {
    reference: [true, true],
    aggregate: [true, false],
    healthRecord: [false, false],
    educationFigure: [false, false],
    referrals: [true, false],
    planManagement: [false, false],
  },
  'viewer.quangninh': {
    reference: [true, true],
    aggregate: [true, false],
    healthRecord: [false, false],
    educationFigure: [false, false],
    referrals: [false, false],
    planManagement: [false, false],
  },
  auditor: {
    reference: [true, true],
    aggregate: [false, false],
    healthRecord: [false, false],
    educationFigure: [false, false],
    referrals: [false, false],
    planManagement: [false, false],
  },
};

/** A unit inside each user's territory and one outside it (national users: any two). */
function unitsOf(user: string): { province: [string, string]; commune: [string, string] } {
  switch (DEMO_USERS[user]!.unitCode) {
    case '22':
      return { province: ['22', '20'], commune: ['06652', '05977'] };
    case '37':
      return { province: ['37', '20'], commune: ['13285', '05977'] };
    case '05977':
      return { province: ['05977', '05983'], commune: ['05977', '05983'] };
    case null:
      return { province: ['20', '22'], commune: ['05977', '06652'] };
    default:
      return { province: ['20', '22'], commune: ['05977', '06652'] };
  }
}

interface Operation {
  /** The table a write goes to, counted before and after a refused one. */
  writes?: [subgraph: string, table: string];
  run(user: string, inside: boolean): Promise<{ errors?: { extensions?: Record<string, unknown> }[] }>;
}

const pick = (pair: [string, string], inside: boolean) => (inside ? pair[0] : pair[1]);

const OPERATIONS: Record<string, Operation> = {
  reference: {
    run: async (user, inside) =>
      federation.query(
        `query($c: String!) { administrativeUnit(code: $c) { fullName } }`,
        { c: inside ? '20' : '22' },
        await as(user),
      ),
  },
  aggregate: {
    run: async (user, inside) =>
      federation.query(
        `query($c: String!) { administrativeUnit(code: $c) { culturalFacilityCount } }`,
        { c: pick(unitsOf(user).province, inside) },
        await as(user),
      ),
  },
  healthRecord: {
    writes: ['health', 'growth_measurement'],
    run: async (user, inside) =>
      federation.query(
        `mutation($input: GrowthMeasurementInput!) { recordGrowthMeasurement(input: $input) { id } }`,
        {
          input: {
            sex: 'MALE',
            birthDate: '2024-06-01',
            measuredOn: '2025-10-01',
            weightKg: 9.5,
            lengthHeightCm: 76,
            measured: 'LYING',
            communeCode: pick(unitsOf(user).commune, inside),
          },
        },
        await as(user),
      ),
  },
  educationFigure: {
    writes: ['education', 'indicator_value'],
    run: async (user, inside) =>
      federation.query(
        `mutation($input: IndicatorValueInput!) { recordEducationIndicatorValue(input: $input) { id } }`,
        {
          input: {
            indicatorCode: 'UNDER5_DEVELOPING_ON_TRACK',
            unitCode:
              { '37': inside ? '37' : '20', '22': inside ? '22' : '20' }[DEMO_USERS[user]!.unitCode ?? ''] ??
              (inside ? '20' : '22'),
            year: 2024,
            numerator: 1,
            denominator: 2,
            source: 'Báo cáo kiểm thử phân quyền',
          },
        },
        await as(user),
      ),
  },
  referrals: {
    run: async (user, inside) =>
      federation.query(
        `query($c: String!) { administrativeUnit(code: $c) { referrals(first: 5) { totalCount } } }`,
        { c: pick(unitsOf(user).province, inside) },
        await as(user),
      ),
  },
  planManagement: {
    // A dry run checks everything an import does and writes nothing; the plan's scope is the unit.
    run: async (user, inside) => {
      const province = DEMO_USERS[user]!.unitCode === '22' ? (inside ? '22' : '20') : inside ? '20' : '22';
      // The plan's agencies are the province's own: a plan's agencies must belong to its scope (issue 10).
      const document = (await readFixture('plans/lang-son-2026-test-fixture.yaml'))
        .replace("unit: '20'", `unit: '${province}'`)
        .replace(/\b([A-Z]+)-20\b/g, `$1-${province}`);
      return federation.query(
        `mutation($d: String!) { importPlan(document: $d, dryRun: true) { key } }`,
        { d: document },
        await as(user),
      );
    },
  },
};

describe('the policy matrix through the gateway (docs/SECURITY.md)', () => {
  for (const [user, expectations] of Object.entries(MATRIX)) {
    it(`${user}: ${Object.entries(expectations)
      .map(([op, [i, o]]) => `${op} ${i ? 'in' : '-'}/${o ? 'out' : '-'}`)
      .join(', ')}`, async () => {
      for (const [name, [inside, outside]] of Object.entries(expectations)) {
        const operation = OPERATIONS[name]!;
        for (const [where, allowed] of [
          ['inside', inside],
          ['outside', outside],
        ] as const) {
          const before = operation.writes ? await count(...operation.writes) : 0;
          const { errors } = await operation.run(user, where === 'inside');
          const forbidden = errors?.filter((e) => e.extensions?.code === 'FORBIDDEN') ?? [];
          if (allowed) {
            expect(errors, `${user} ${name} ${where}`).toBeUndefined();
            if (operation.writes)
              expect(await count(...operation.writes), `${user} ${name} ${where} wrote`).toBe(before + 1);
          } else {
            expect(
              forbidden.length,
              `${user} ${name} ${where} must be refused: ${JSON.stringify(errors)}`,
            ).toBeGreaterThan(0);
            if (operation.writes)
              expect(await count(...operation.writes), `${user} ${name} ${where} wrote nothing`).toBe(before);
          }
        }
      }
    });
  }
});
