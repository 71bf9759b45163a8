import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDatabase, resolveUnitEntities, subgraphTestEnv, type TestDatabase } from '@ecd/test-kit';
import { loadEnv, startCultureSubgraph } from './server.js';

let database: TestDatabase;
let service: Awaited<ReturnType<typeof startCultureSubgraph>>;

beforeAll(async () => {
  database = await createTestDatabase('culture');
  service = await startCultureSubgraph(loadEnv(subgraphTestEnv(database, { SEED_DEMO: 'true' })));
});
afterAll(async () => {
  await service?.close();
  await database?.drop();
});

const sqlCount = async (where: string) =>
  Number((await service.client.$queryRawUnsafe<{ n: bigint }[]>(`SELECT count(*) AS n FROM cultural_facility WHERE ${where}`))[0]!.n);

describe('culture facilities per unit', () => {
  it('counts a province and a commune as a direct SQL count does, in one batch', async () => {
    const [province, commune, elsewhere] = await resolveUnitEntities<{ culturalFacilityCount: number; childFriendlyFacilityCount: number }>(
      service.graphqlUrl,
      [
        { code: '20', validFrom: '2025-07-01' },
        { code: '05977', validFrom: '2025-07-01' },
        { code: '01', validFrom: '2025-07-01' },
      ],
      'culturalFacilityCount childFriendlyFacilityCount',
    );
    expect(province!.culturalFacilityCount).toBe(await sqlCount(`province_code = '20'`));
    expect(province!.childFriendlyFacilityCount).toBe(await sqlCount(`province_code = '20' AND serves_children`));
    expect(commune!.culturalFacilityCount).toBe(await sqlCount(`commune_code = '05977'`));
    expect(province!.culturalFacilityCount).toBeGreaterThan(commune!.culturalFacilityCount);
    expect(elsewhere).toEqual({ culturalFacilityCount: 0, childFriendlyFacilityCount: 0 });
  });

  it('does not count a 2025 commune’s facilities for the 2024 unit that had the same code', async () => {
    const [old] = await resolveUnitEntities<{ culturalFacilityCount: number }>(service.graphqlUrl, [{ code: '20', validFrom: '2019-01-01' }], 'culturalFacilityCount');
    expect(old!.culturalFacilityCount).toBe(0);
  });
});
