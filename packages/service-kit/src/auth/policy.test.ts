import { graphql } from 'graphql';
import { describe, expect, it } from 'vitest';

import { demoIdentity } from '../development/issuer.js';
import { buildGuardedSubgraphSchema } from '../subgraph.js';
import { Access, ACCESS_DIRECTIVE_SDL, fieldsWithoutPolicy } from './policy.js';

const typeDefs = /* GraphQL */ `
  extend schema @link(url: "https://specs.apollo.dev/federation/v2.7", import: ["@key"])
  ${ACCESS_DIRECTIVE_SDL}
  type Query {
    records: [ChildRecord!]! @access(policy: "records:read")
    units: [AdministrativeUnit!]! @access(policy: "reference")
    unguarded: Int
  }
  type ChildRecord @access(policy: "records:read") {
    id: ID!
    birthDate: String!
  }
  type AdministrativeUnit @key(fields: "code validFrom") @access(policy: "reference") {
    code: String!
    validFrom: String!
    childCount: Int @access(policy: "aggregate")
  }
`;

// Two children: one in a commune of Lạng Sơn (05977, today's list), one in Hà Nội (00004, before the reform).
const rows = [
  { id: 'a', birthDate: '2024-01-01', communeCode: '05977', communeValidFrom: new Date('2025-07-01') },
  { id: 'b', birthDate: '2023-05-05', communeCode: '00004', communeValidFrom: '2019-01-01' },
];
const schema = buildGuardedSubgraphSchema(typeDefs, {
  Query: {
    records: () => rows,
    units: () => [
      { code: '20', validFrom: '2025-07-01' },
      { code: '22', validFrom: '2025-07-01' },
    ],
    unguarded: () => 1,
  },
  AdministrativeUnit: { childCount: () => 7 },
});

const run = (user: string, source: string, sector: 'HEALTH' | 'LDTBXH' = 'HEALTH') => {
  const access = new Access(demoIdentity(user), sector);
  return graphql({ schema, source, contextValue: { access } }).then((result) => ({ result, access }));
};

describe('policies enforced by the subgraph itself', () => {
  it('finds every field without a rule, and refuses it', async () => {
    expect(fieldsWithoutPolicy(schema)).toEqual(['Query.unguarded']);
    const { result } = await run('admin', '{ unguarded }');
    expect(result.errors?.[0]?.extensions).toMatchObject({ code: 'FORBIDDEN', reason: 'NO_ACCESS_RULE' });
  });

  it('lets staff of the sector read child records in their unit only, and notes what they read', async () => {
    const { result, access } = await run('station.dongkinh', '{ records { id birthDate } }');
    expect(result.data).toBeNull();
    expect(result.errors?.map((e) => e.extensions?.reason)).toContain('OUTSIDE_SCOPE');
    expect(access.personalReads).toEqual(new Set(['ChildRecord:a']));
    const national = await run('admin', '{ records { id birthDate } }');
    expect(national.result.errors).toBeUndefined();
    expect(national.access.personalReads).toEqual(new Set(['ChildRecord:a', 'ChildRecord:b']));
  });

  it('refuses child records to a role or sector without the right', async () => {
    for (const [user, reason] of [
      ['viewer.quangninh', 'ROLE_NOT_ALLOWED'],
      ['education.ninhbinh', 'SECTOR_NOT_ALLOWED'],
    ] as const) {
      const { result } = await run(user, '{ records { id } }');
      expect(result.errors?.[0]?.extensions, user).toMatchObject({ code: 'FORBIDDEN', reason });
    }
  });

  it("gives a unit's aggregates only to officers whose territory holds it", async () => {
    const { result } = await run('viewer.quangninh', '{ units { code childCount } }');
    expect(result.data).toEqual({
      units: [
        { code: '20', childCount: null },
        { code: '22', childCount: 7 },
      ],
    });
    expect(result.errors).toHaveLength(1);
    expect(result.errors![0]!.path).toEqual(['units', 0, 'childCount']);
  });

  it('refuses a field on every object of a list, and keeps no refusal as an allowance', async () => {
    // The auditor reads the reference data but not the aggregates, each unit's refused on its own path.
    const refused = await run('auditor', '{ units { code childCount } }');
    expect(refused.result.data).toEqual({
      units: [
        { code: '20', childCount: null },
        { code: '22', childCount: null },
      ],
    });
    expect(refused.result.errors?.map((e) => [e.path, e.extensions?.reason])).toEqual([
      [['units', 0, 'childCount'], 'ROLE_NOT_ALLOWED'],
      [['units', 1, 'childCount'], 'ROLE_NOT_ALLOWED'],
    ]);
    const allowed = await run('admin', '{ units { code childCount } }');
    expect(allowed.result.errors).toBeUndefined();
  });

  it('checks the unit a write goes to', () => {
    const access = new Access(demoIdentity('station.dongkinh'), 'HEALTH');
    expect(() => access.assertCovers({ code: '05977', validFrom: '2025-07-01' })).not.toThrow();
    expect(() => access.assertCovers({ code: '05983', validFrom: '2025-07-01' }, 'input.communeCode')).toThrow(
      expect.objectContaining({
        extensions: expect.objectContaining({ reason: 'OUTSIDE_SCOPE', field: 'input.communeCode' }),
      }),
    );
    expect(() => access.assertCovers(undefined)).toThrow();
  });

  it('tells units apart by their first day too, one after another, as the objects of a list come', () => {
    // Hồ Chí Minh City today holds the old district of Bến Cát (721, in Bình Dương before the reform); the
    // current list has no unit 721.
    const access = new Access({ ...demoIdentity('lead.langson'), unitCode: '79' }, 'LDTBXH');
    const asked = [
      { code: '721', validFrom: '2019-01-01' },
      { code: '721', validFrom: '2025-07-01' },
      { code: '721', validFrom: new Date('2019-01-01') },
    ];
    expect(asked.map((unit) => access.covers(unit))).toEqual([true, false, true]);
    const objects = asked.map(({ code, validFrom }) => ({ districtCode: code, districtValidFrom: validFrom }));
    expect(objects.map((row) => access.isOutside(row, 'UnitProgress'))).toEqual([false, true, false]);
  });
});
