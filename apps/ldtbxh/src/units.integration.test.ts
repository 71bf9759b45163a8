import { describe, expect, it } from 'vitest';

import { graphql, useTestSubgraph } from '@ecd/test-kit';

import { readPlanFiles, seedDemo } from './demo/seed.js';
import { loadEnv, startLdtbxhSubgraph } from './server.js';

const subgraph = useTestSubgraph('ldtbxh_units', (env) => startLdtbxhSubgraph(loadEnv(env), { seedDemo }));

const query = <T>(q: string, variables?: Record<string, unknown>) =>
  graphql<T>(subgraph.service.graphqlUrl, q, variables);

describe('administrative units through time (LĐTBXH subgraph alone)', () => {
  it('pages through the 34 provinces of today, then the 63 of 2024', async () => {
    type Page = {
      administrativeUnits: {
        totalCount: number;
        nodes: { code: string }[];
        pageInfo: { hasNextPage: boolean; endCursor: string };
      };
    };
    const q = `query($after: String, $asOf: Date) { administrativeUnits(level: PROVINCE, first: 20, after: $after, asOf: $asOf) { totalCount nodes { code } pageInfo { hasNextPage endCursor } } }`;
    const first = await query<Page>(q);
    const second = await query<Page>(q, { after: first.data!.administrativeUnits.pageInfo.endCursor });
    const codes = [...first.data!.administrativeUnits.nodes, ...second.data!.administrativeUnits.nodes].map(
      (n) => n.code,
    );
    expect(first.data!.administrativeUnits.totalCount).toBe(34);
    expect(second.data!.administrativeUnits.pageInfo.hasNextPage).toBe(false);
    expect(new Set(codes).size).toBe(34);
    expect(codes).toEqual([...codes].sort());
    expect((await query<Page>(q, { asOf: '2024-12-31' })).data!.administrativeUnits.totalCount).toBe(63);
  });

  it('tells apart two units that share a code across the reform', async () => {
    const q = `query($asOf: Date) { administrativeUnit(code: "91", asOf: $asOf) { name validFrom validTo } }`;
    expect((await query(q, { asOf: '2025-06-30' })).data).toEqual({
      administrativeUnit: { name: 'Kiên Giang', validFrom: '2019-01-01', validTo: '2025-06-30' },
    });
    expect((await query(q, { asOf: '2025-07-01' })).data).toEqual({
      administrativeUnit: { name: 'An Giang', validFrom: '2025-07-01', validTo: null },
    });
  });

  it('applies the 2019 Lạng Sơn plan to a 2025 commune through the commune it succeeded', async () => {
    const q = `{ administrativeUnit(code: "05977") { fullName parent { code } plans { number scope { code validFrom } } } }`;
    const { data } = await query<{
      administrativeUnit: {
        fullName: string;
        parent: { code: string };
        plans: { number: string | null; scope: { code: string; validFrom: string } | null }[];
      };
    }>(q);
    expect(data!.administrativeUnit.fullName).toBe('Phường Đông Kinh');
    expect(data!.administrativeUnit.parent.code).toBe('20');
    expect(data!.administrativeUnit.plans).toEqual([
      { number: '1437/QĐ-TTg', scope: null },
      { number: null, scope: { code: '20', validFrom: '2019-01-01' } },
    ]);
  });

  it('gives plans of another province to nobody here', async () => {
    const { data } = await query<{ administrativeUnit: { plans: { number: string | null }[] } }>(
      `{ administrativeUnit(code: "01") { plans { number } } }`,
    );
    expect(data!.administrativeUnit.plans.map((p) => p.number)).toEqual(['1437/QĐ-TTg']);
  });

  it('rejects an out-of-range page size with a typed error', async () => {
    const { errors } = await query(`{ administrativeUnits(first: 100000) { totalCount } }`);
    expect(errors![0]!.extensions).toMatchObject({
      code: 'BAD_USER_INPUT',
      field: 'first',
      reason: 'PAGE_SIZE_OUT_OF_RANGE',
    });
  });

  it('finds units by name without diacritics or by code, the closest first, across the reform', async () => {
    type Found = {
      searchAdministrativeUnits: { code: string; fullName: string; level: string; validFrom: string }[];
    };
    const search = async (variables: Record<string, unknown>) =>
      (
        await query<Found>(
          `query($text: String!, $level: UnitLevel, $asOf: Date, $first: Int) {
            searchAdministrativeUnits(text: $text, level: $level, asOf: $asOf, first: $first) { code fullName level validFrom }
          }`,
          variables,
        )
      ).data!.searchAdministrativeUnits;
    // Typed without diacritics, with and without the unit word, or as written: the same commune first.
    for (const text of ['dong kinh', 'PHUONG DONG KINH', 'Đông Kinh', '05977'])
      expect((await search({ text }))[0], text).toMatchObject({ code: '05977', fullName: 'Phường Đông Kinh' });
    // Both Lạng Sơn provinces (before and after the reform), today's first, ahead of the communes named so.
    const langSon = await search({ text: 'lang son', first: 50 });
    expect(langSon.slice(0, 2)).toEqual([
      { code: '20', fullName: 'Tỉnh Lạng Sơn', level: 'PROVINCE', validFrom: '2025-07-01' },
      { code: '20', fullName: 'Tỉnh Lạng Sơn', level: 'PROVINCE', validFrom: '2019-01-01' },
    ]);
    expect(
      langSon.every((u) => u.fullName.normalize('NFD').replace(/\p{M}/gu, '').toLowerCase().includes('lang son')),
    ).toBe(true);
    // Only the communes of the list valid on a day when asOf is given; digits are the start of a code.
    const communes = await search({ text: '0597', level: 'COMMUNE', asOf: '2025-07-01', first: 50 });
    expect(communes.length).toBeGreaterThan(0);
    expect(
      communes.every((u) => u.code.startsWith('0597') && u.level === 'COMMUNE' && u.validFrom === '2025-07-01'),
    ).toBe(true);
    // A text no name or code holds finds nothing.
    expect(await search({ text: '%' })).toEqual([]);
    const { errors } = await query(`{ searchAdministrativeUnits(text: "  ") { code } }`);
    expect(errors![0]!.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'text', reason: 'REQUIRED' });
  });

  it('keeps its data across a restart and seeds the demo idempotently', async () => {
    const counts = `{ plans { totalCount } administrativeUnits(asOf: "2024-12-31") { totalCount } }`;
    const before = await query(counts);
    await subgraph.restart();
    expect((await query(counts)).data).toEqual(before.data);
    expect(before.data).toEqual({
      plans: { totalCount: (await readPlanFiles()).length },
      administrativeUnits: { totalCount: 10794 },
    });
  });
});
