import { describe, expect, it } from 'vitest';

import { sql, type Sql } from '@ecd/database';
import { countOf, graphql, resolveUnitEntities, useTestSubgraph } from '@ecd/test-kit';

import { seedDemo } from './demo/seed.js';
import { loadEnv, startHealthSubgraph } from './server.js';

const subgraph = useTestSubgraph('health', (env) => startHealthSubgraph(loadEnv(env), { seedDemo }));

const sqlCount = (query: Sql) => countOf(subgraph.service.client, query);

describe('health records per unit', () => {
  it('counts children aged 0-8 on a day as an independent SQL count does', async () => {
    const [province, commune] = await resolveUnitEntities<{
      healthStationCount: number;
      childrenAged0To8Count: number;
    }>(
      subgraph.service.graphqlUrl,
      [
        { code: '20', validFrom: '2025-07-01' },
        { code: '05977', validFrom: '2025-07-01' },
      ],
      'healthStationCount childrenAged0To8Count(asOf: "2027-01-01")',
    );
    const aged0To8 = sql`birth_date > date '2018-01-01' AND birth_date <= date '2027-01-01'`;
    expect(province!.childrenAged0To8Count).toBe(
      await sqlCount(sql`SELECT count(*) AS n FROM child_record WHERE province_code = '20' AND ${aged0To8}`),
    );
    expect(commune!.childrenAged0To8Count).toBe(
      await sqlCount(sql`SELECT count(*) AS n FROM child_record WHERE commune_code = '05977' AND ${aged0To8}`),
    );
    // Demo children are born up to 9 years before 2025-07-01, so by 2027 some have turned 9.
    expect(province!.childrenAged0To8Count).toBeLessThan(await sqlCount(sql`SELECT count(*) AS n FROM child_record`));
    expect(province!.healthStationCount).toBe(65);
  });

  it('pages through a province’s stations in name order', async () => {
    type Page = {
      _entities: {
        healthStations: {
          totalCount: number;
          nodes: { name: string; commune: { code: string } }[];
          pageInfo: { endCursor: string; hasNextPage: boolean };
        };
      }[];
    };
    const q = `query($r: [_Any!]!, $after: String) { _entities(representations: $r) { ... on AdministrativeUnit { healthStations(first: 40, after: $after) { totalCount nodes { name commune { code } } pageInfo { endCursor hasNextPage } } } } }`;
    const r = [{ __typename: 'AdministrativeUnit', code: '20', validFrom: '2025-07-01' }];
    const first = (await graphql<Page>(subgraph.service.graphqlUrl, q, { r })).data!._entities[0]!.healthStations;
    const second = (await graphql<Page>(subgraph.service.graphqlUrl, q, { r, after: first.pageInfo.endCursor })).data!
      ._entities[0]!.healthStations;
    const names = [...first.nodes, ...second.nodes].map((n) => n.name);
    expect(first.totalCount).toBe(65);
    expect([first.pageInfo.hasNextPage, second.pageInfo.hasNextPage]).toEqual([true, false]);
    expect(new Set(names).size).toBe(65);
    expect(names).toEqual([...names].sort((a, b) => (a < b ? -1 : a > b ? 1 : 0)));
  });
});
