import { describe, expect, it } from 'vitest';
import { z } from 'zod';

import { queryRows, sql, type Sql } from '@ecd/database';
import { resolveUnitEntities, useTestSubgraph } from '@ecd/test-kit';

import { seedDemo } from './demo/seed.js';
import { loadEnv, startCultureSubgraph } from './server.js';

const subgraph = useTestSubgraph('culture', (env) => startCultureSubgraph(loadEnv(env), { seedDemo }));

// `where` selects the facilities counted.
const sqlCount = async (where: Sql) =>
  (
    await queryRows(
      subgraph.service.client,
      z.object({ n: z.number() }),
      sql`SELECT count(*)::int AS n FROM cultural_facility WHERE ${where}`,
    )
  )[0]!.n;

describe('culture facilities per unit', () => {
  it('counts a province and a commune as a direct SQL count does, in one batch', async () => {
    const [province, commune, elsewhere] = await resolveUnitEntities<{
      culturalFacilityCount: number;
      childFriendlyFacilityCount: number;
    }>(
      subgraph.service.graphqlUrl,
      [
        { code: '20', validFrom: '2025-07-01' },
        { code: '05977', validFrom: '2025-07-01' },
        { code: '01', validFrom: '2025-07-01' },
      ],
      'culturalFacilityCount childFriendlyFacilityCount',
    );
    expect(province!.culturalFacilityCount).toBe(await sqlCount(sql`province_code = '20'`));
    expect(province!.childFriendlyFacilityCount).toBe(await sqlCount(sql`province_code = '20' AND serves_children`));
    expect(commune!.culturalFacilityCount).toBe(await sqlCount(sql`commune_code = '05977'`));
    expect(province!.culturalFacilityCount).toBeGreaterThan(commune!.culturalFacilityCount);
    expect(elsewhere).toEqual({ culturalFacilityCount: 0, childFriendlyFacilityCount: 0 });
  });

  it('does not count a 2025 commune’s facilities for the 2024 unit that had the same code', async () => {
    const [old] = await resolveUnitEntities<{ culturalFacilityCount: number }>(
      subgraph.service.graphqlUrl,
      [{ code: '20', validFrom: '2019-01-01' }],
      'culturalFacilityCount',
    );
    expect(old!.culturalFacilityCount).toBe(0);
  });
});
