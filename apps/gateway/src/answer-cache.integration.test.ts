import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

import type { Identity } from '@ecd/service-kit';
import { demoIdentity } from '@ecd/service-kit/development';
import { forwardingProxy, gatewayTestEnv, userToken, type Federation } from '@ecd/test-kit';

import { ANSWER_CACHE_HEADER } from './answer-cache.js';
import { loadEnv } from './env.js';
import { startTestFederation } from './federation.test-fixture.js';
import { startGateway } from './server.js';

/**
 * Issue 11, the gateway's answer cache: a query's answer is served again only to people with the same
 * claims, never after a write in any sector, never for personal data or the audit log.
 */
let federation: Federation;
beforeAll(async () => {
  federation = await startTestFederation();
}, 300_000);
afterAll(() => federation?.close());

const DONG_KINH = '05977';

/** A POST to the gateway as a person (a demo user or any identity), with the answer cache's header. */
async function ask<T = Record<string, unknown>>(
  user: string | Identity | null,
  query: string,
  variables: Record<string, unknown> = {},
  gatewayUrl = federation.gateway.graphqlUrl,
) {
  const response = await fetch(gatewayUrl, {
    method: 'POST',
    headers: {
      'content-type': 'application/json',
      ...(user ? { authorization: `Bearer ${await userToken(user)}` } : {}),
    },
    body: JSON.stringify({ query, variables }),
  });
  const text = await response.text();
  return {
    status: response.status,
    cache: response.headers.get(ANSWER_CACHE_HEADER),
    cacheControl: response.headers.get('cache-control'),
    text,
    body: JSON.parse(text) as { data?: T; errors?: { extensions?: Record<string, unknown> }[] },
  };
}

/** A commune as its officers see it: one field of each sector, and the Lạng Sơn plan's progress. */
const COMMUNE = `query Commune($code: String!) {
  administrativeUnit(code: $code) {
    code name
    childrenAged0To8Count
    schools { name }
    culturalFacilities(first: 50) { totalCount }
  }
  plan(key: "lang-son-2019-de-an-1437") { progress(year: 2024) { indicatorCode figure { numerator denominator } } }
}`;
type Commune = {
  administrativeUnit: {
    childrenAged0To8Count: number | null;
    schools: { name: string }[];
    culturalFacilities: { totalCount: number };
  };
  plan: { progress: { indicatorCode: string; figure: { numerator: number; denominator: number } | null }[] };
};

const readCommune = () => ask<Commune>('lead.langson', COMMUNE, { code: DONG_KINH });

/** Reads the commune until it is served from the cache, so that the next read after a write would be too. */
async function cachedCommune() {
  await readCommune();
  const again = await readCommune();
  expect(again.cache).toBe('hit');
  return again.body.data!;
}

async function write(user: string, mutation: string, input: Record<string, unknown>) {
  const { body } = await ask(user, mutation, { input });
  expect(body.errors).toBeUndefined();
}

describe('the answer cache', () => {
  it('serves the same answer again to the same claims, byte for byte, and tells no client to keep it', async () => {
    const first = await readCommune();
    expect(first.body.errors).toBeUndefined();
    expect(first.cache).toBe('stored');
    const second = await readCommune();
    expect(second.cache).toBe('hit');
    expect(second.text).toBe(first.text.trimEnd());
    expect(second.cacheControl).toBe('no-store');
    expect(first.cacheControl).toBe('no-store');
    // Another officer of the same agency, unit and roles: the same answer, from the cache.
    const colleague = await ask('lead.langson', COMMUNE, { code: DONG_KINH });
    expect(colleague.cache).toBe('hit');
    const sameClaims = await ask<Commune>(
      { ...demoIdentity('lead.langson'), userId: 'lead2.langson', name: 'Cán bộ khác' },
      COMMUNE,
      { code: DONG_KINH },
    );
    expect(sameClaims.cache).toBe('hit');
    expect(sameClaims.body).toEqual(first.body);
  });

  it('never serves one person’s answer to claims the policies treat otherwise', async () => {
    await cachedCommune();
    const outsider = await ask('viewer.quangninh', COMMUNE, { code: DONG_KINH });
    expect(outsider.cache).not.toBe('hit');
    expect(outsider.body.errors?.[0]?.extensions).toMatchObject({ code: 'FORBIDDEN', reason: 'OUTSIDE_SCOPE' });
    // The same person with another unit in the token is another set of claims.
    const moved = await ask({ ...demoIdentity('lead.langson'), unitCode: '22' }, COMMUNE, { code: DONG_KINH });
    expect(moved.cache).not.toBe('hit');
    expect(moved.body.errors?.[0]?.extensions).toMatchObject({ code: 'FORBIDDEN' });
    const anonymous = await ask(null, COMMUNE, { code: DONG_KINH });
    expect(anonymous.status).toBe(401);
    expect(anonymous.body.data).toBeUndefined();
  });

  it('shows a write of each sector in the next read', async () => {
    let before = await cachedCommune();
    await write('station.dongkinh', `mutation($input: RegisterChildInput!) { registerChild(input: $input) { id } }`, {
      birthDate: '2024-05-01',
      sex: 'FEMALE',
      communeCode: DONG_KINH,
    });
    let after = await readCommune();
    expect(after.cache).toBe('stored');
    expect(after.body.data!.administrativeUnit.childrenAged0To8Count).toBe(
      before.administrativeUnit.childrenAged0To8Count! + 1,
    );

    before = await cachedCommune();
    await write('admin', `mutation($input: RegisterSchoolInput!) { registerSchool(input: $input) { id } }`, {
      name: 'Trường Mầm non Kiểm thử Bộ nhớ đệm',
      level: 'PRESCHOOL',
      communeCode: DONG_KINH,
      openedOn: '2025-09-01',
    });
    after = await readCommune();
    expect(after.cache).toBe('stored');
    expect(after.body.data!.administrativeUnit.schools.map((s) => s.name)).toEqual(
      expect.arrayContaining([
        ...before.administrativeUnit.schools.map((s) => s.name),
        'Trường Mầm non Kiểm thử Bộ nhớ đệm',
      ]),
    );

    before = await cachedCommune();
    await write(
      'culture.langson',
      `mutation($input: CulturalFacilityInput!) { registerCulturalFacility(input: $input) { id } }`,
      { name: 'Thư viện Kiểm thử Bộ nhớ đệm', kind: 'LIBRARY', communeCode: DONG_KINH, servesChildren: true },
    );
    after = await readCommune();
    expect(after.cache).toBe('stored');
    expect(after.body.data!.administrativeUnit.culturalFacilities.totalCount).toBe(
      before.administrativeUnit.culturalFacilities.totalCount + 1,
    );

    before = await cachedCommune();
    const figureOf = (data: Commune) =>
      data.plan.progress.find((p) => p.indicatorCode === 'ECD_STAFF_CAREGIVERS_TRAINED')!.figure;
    await write(
      'admin',
      `mutation($input: IndicatorValueInput!) { recordSocialAffairsIndicatorValue(input: $input) { id } }`,
      {
        indicatorCode: 'ECD_STAFF_CAREGIVERS_TRAINED',
        unitCode: DONG_KINH,
        year: 2024,
        numerator: 5,
        denominator: 6,
        source: 'Báo cáo kiểm thử bộ nhớ đệm',
      },
    );
    after = await readCommune();
    expect(after.cache).toBe('stored');
    expect(figureOf(after.body.data!)).toEqual({
      numerator: (figureOf(before)?.numerator ?? 0) + 5,
      denominator: (figureOf(before)?.denominator ?? 0) + 6,
    });
  });

  it('never keeps personal data, the audit log or a mutation’s answer', async () => {
    const LOOKUP = `query($p: String!) { childByPersonalId(personalId: $p, purpose: "Khám sàng lọc tại trạm") { key } }`;
    const LOGS = `{ socialAffairsAuditEvents(kind: LOOKUP) { totalCount } }`;
    const logged = async () => {
      const logs = await ask<{ socialAffairsAuditEvents: { totalCount: number } }>('auditor', LOGS);
      expect(logs.cache).toBeNull();
      return logs.body.data!.socialAffairsAuditEvents.totalCount;
    };
    const before = await logged();
    for (const _ of [1, 2]) {
      const lookup = await ask('station.dongkinh', LOOKUP, { p: '020325000777' });
      expect(lookup.body.errors).toBeUndefined();
      expect(lookup.cache).toBeNull();
    }
    // Each lookup was answered by the subgraphs, and logged.
    expect(await logged()).toBe(before + 2);

    const MUTATION = `mutation($input: CulturalFacilityInput!) { registerCulturalFacility(input: $input) { name } }`;
    const input = {
      name: 'Nhà văn hóa Kiểm thử',
      kind: 'CULTURAL_HOUSE',
      communeCode: DONG_KINH,
      servesChildren: true,
    };
    const first = await ask('culture.langson', MUTATION, { input });
    expect(first.body.errors).toBeUndefined();
    // Sent again, it is applied again: refused as a second facility of that name, not answered from a cache.
    const second = await ask('culture.langson', MUTATION, { input });
    expect([first.cache, second.cache]).toEqual([null, null]);
    expect(second.body.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'input' });
  });

  it('answers the same query asked by many at once once, and serves that answer to the others', async () => {
    // A query text nobody asked before (the comment is part of it).
    const QUERY = `# ${randomUUID()}
      query($code: String!) { administrativeUnit(code: $code) { code name childrenAged0To8Count schools { name } } }`;
    const answers = await Promise.all(
      Array.from({ length: 12 }, () => ask('lead.langson', QUERY, { code: DONG_KINH })),
    );
    expect(answers.map((a) => a.cache).sort()).toEqual([...Array<string>(11).fill('hit'), 'stored']);
    expect(new Set(answers.map((a) => JSON.stringify(a.body))).size).toBe(1);
    expect(answers[0]!.body.errors).toBeUndefined();
  });

  it('is shared through Redis by the gateway replicas, and a write seen by one is seen by all', async () => {
    const subgraphUrls = Object.fromEntries(
      Object.entries(federation.subgraphs).map(([name, service]) => [name, service.graphqlUrl]),
    );
    const replica = () =>
      startGateway({ env: loadEnv(gatewayTestEnv({ REDIS_URL: 'redis://127.0.0.1:6379' })), subgraphUrls });
    const [one, two] = await Promise.all([replica(), replica()]);
    try {
      // A query text no other run of this test sent (the comment is part of it): nothing kept in Redis before answers it.
      const QUERY = `# ${randomUUID()}
        query($code: String!) { administrativeUnit(code: $code) { code name schools { name } } }`;
      const variables = { code: DONG_KINH };
      const first = await ask('lead.langson', QUERY, variables, one.graphqlUrl);
      expect(first.body.errors).toBeUndefined();
      expect(first.cache).toBe('stored');
      const other = await ask('lead.langson', QUERY, variables, two.graphqlUrl);
      expect(other.cache).toBe('hit');
      expect(other.text).toBe(first.text.trimEnd());
      await write('admin', `mutation($input: RegisterSchoolInput!) { registerSchool(input: $input) { id } }`, {
        name: 'Trường Tiểu học Kiểm thử Redis',
        level: 'PRIMARY',
        communeCode: DONG_KINH,
        openedOn: '2025-09-01',
      });
      const after = await ask<{ administrativeUnit: { schools: { name: string }[] } }>(
        'lead.langson',
        QUERY,
        variables,
        two.graphqlUrl,
      );
      expect(after.cache).toBe('stored');
      expect(after.body.data!.administrativeUnit.schools.map((s) => s.name)).toContain(
        'Trường Tiểu học Kiểm thử Redis',
      );
    } finally {
      await Promise.all([one.close(), two.close()]);
    }
  });

  it('answers a query whose earlier asker left while its kept answer was being checked', async () => {
    // Education's answer version comes a second late, so the first asker can leave while it is awaited.
    const slowVersions = await forwardingProxy(federation.subgraphs.education!.graphqlUrl, {
      delayMs: (req) => (req.url?.startsWith('/answer-version') ? 1_000 : 0),
    });
    const subgraphUrls = Object.fromEntries(
      Object.entries(federation.subgraphs).map(([name, service]) => [name, service.graphqlUrl]),
    );
    subgraphUrls.education = slowVersions.url;
    const gateway = await startGateway({ env: loadEnv(gatewayTestEnv()), subgraphUrls });
    const newSchool = (name: string) =>
      write('admin', `mutation($input: RegisterSchoolInput!) { registerSchool(input: $input) { id } }`, {
        name,
        level: 'PRIMARY',
        communeCode: DONG_KINH,
        openedOn: '2025-09-01',
      });
    try {
      const QUERY = `# ${randomUUID()}
        query($code: String!) { administrativeUnit(code: $code) { code name schools { name } } }`;
      const variables = { code: DONG_KINH };
      expect((await ask('lead.langson', QUERY, variables, gateway.graphqlUrl)).cache).toBe('stored');
      await newSchool('Trường Tiểu học Kiểm thử Người hỏi bỏ đi');
      // Asked again and left before education's version came: the kept answer is found out of date after.
      const leaving = new AbortController();
      const left = fetch(gateway.graphqlUrl, {
        method: 'POST',
        headers: { 'content-type': 'application/json', authorization: `Bearer ${await userToken('lead.langson')}` },
        body: JSON.stringify({ query: QUERY, variables }),
        signal: leaving.signal,
      }).catch(() => undefined);
      setTimeout(() => leaving.abort(), 300);
      await left;
      await new Promise((resolve) => setTimeout(resolve, 2_000));
      await newSchool('Trường Tiểu học Kiểm thử Người hỏi sau');
      const after = await Promise.race([
        ask<{ administrativeUnit: { schools: { name: string }[] } }>(
          'lead.langson',
          QUERY,
          variables,
          gateway.graphqlUrl,
        ),
        new Promise<never>((_, reject) => setTimeout(() => reject(new Error('no answer in 15 s')), 15_000)),
      ]);
      expect(after.cache).toBe('stored');
      expect(after.body.data!.administrativeUnit.schools.map((s) => s.name)).toContain(
        'Trường Tiểu học Kiểm thử Người hỏi sau',
      );
    } finally {
      await gateway.close();
      await slowVersions.close();
    }
  }, 60_000);
});
