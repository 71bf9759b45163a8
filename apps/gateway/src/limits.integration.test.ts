import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { getIntrospectionQuery } from 'graphql';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

import type { RunningService } from '@ecd/service-kit';
import {
  forwardingProxy,
  gatewayTestEnv,
  graphql,
  startFederation,
  userToken,
  type Federation,
  type ForwardingProxy,
} from '@ecd/test-kit';

import { loadEnv } from './env.js';
import { sectorSubgraphs } from './federation.test-fixture.js';
import { startGateway } from './server.js';

async function listen(server: Server): Promise<string> {
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return `http://127.0.0.1:${(server.address() as AddressInfo).port}/graphql`;
}

/** What the slow stand-in subgraph saw of one call: when it came, and whether the gateway hung up before an answer. */
interface SlowCall {
  closedBeforeAnswer: Promise<boolean>;
}

/**
 * A subgraph that takes `delayMs` to answer (with an empty `_entities`): for the gateway's deadlines.
 * Each call is recorded as it arrives; its `closedBeforeAnswer` resolves when the connection closes.
 */
async function slowSubgraph(delayMs: number) {
  const calls: SlowCall[] = [];
  const waiting: ((call: SlowCall) => void)[] = [];
  const server = createServer((req, res) => {
    const timer = setTimeout(() => {
      res.writeHead(200, { 'content-type': 'application/json' });
      res.end(JSON.stringify({ data: { _entities: [] } }));
    }, delayMs);
    const call: SlowCall = {
      closedBeforeAnswer: new Promise((resolve) =>
        res.once('close', () => {
          clearTimeout(timer);
          resolve(!res.writableFinished);
        }),
      ),
    };
    calls.push(call);
    waiting.shift()?.(call);
  });
  const url = await listen(server);
  return {
    url,
    calls,
    /** The next call to arrive (or the one already waiting). */
    nextCall: (already = 0) =>
      calls.length > already
        ? Promise.resolve(calls[already]!)
        : new Promise<SlowCall>((resolve) => waiting.push(resolve)),
    close: () => {
      server.closeAllConnections();
      return new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}

/**
 * A subgraph that answers each call after `delayMs`, with every entity's `schoolCounts` empty, and
 * counts the calls it works on at once (the most of them at any moment: `maxInFlight`).
 */
async function queueingSubgraph(delayMs: number) {
  const seen = { inFlight: 0, maxInFlight: 0 };
  const server = createServer((req, res) => {
    let body = '';
    req.on('data', (chunk: Buffer) => (body += chunk.toString()));
    req.on('end', () => {
      seen.inFlight++;
      seen.maxInFlight = Math.max(seen.maxInFlight, seen.inFlight);
      const { variables } = JSON.parse(body) as { variables?: { representations?: unknown[] } };
      setTimeout(() => {
        seen.inFlight--;
        res.writeHead(200, { 'content-type': 'application/json' });
        const entities = (variables?.representations ?? []).map(() => ({ schoolCounts: [] }));
        res.end(JSON.stringify({ data: { _entities: entities } }));
      }, delayMs);
    });
  });
  const url = await listen(server);
  return {
    url,
    seen,
    close: () => {
      server.closeAllConnections();
      return new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}

/**
 * A health subgraph that answers every entity's `healthStationCount` with 0: at once for everyone but
 * `heldUser`, whose calls it holds until `release()` (the person who is identified by the gateway's signed token).
 */
async function holdingSubgraph(heldUser: string) {
  const held: (() => void)[] = [];
  let heldSeen = 0;
  const arrivals: (() => void)[] = [];
  const server = createServer((req, res) => {
    let body = '';
    req.on('data', (chunk: Buffer) => (body += chunk.toString()));
    req.on('end', () => {
      const token = (req.headers.authorization ?? '').replace(/^Bearer /, '');
      const { sub } = JSON.parse(Buffer.from(token.split('.')[1] ?? '', 'base64url').toString() || '{}') as {
        sub?: string;
      };
      const { variables } = JSON.parse(body) as { variables?: { representations?: unknown[] } };
      const answer = () => {
        res.writeHead(200, { 'content-type': 'application/json' });
        const entities = (variables?.representations ?? []).map(() => ({ healthStationCount: 0 }));
        res.end(JSON.stringify({ data: { _entities: entities } }));
      };
      if (sub !== heldUser) return answer();
      heldSeen++;
      held.push(answer);
      arrivals.splice(0).forEach((arrived) => arrived());
    });
  });
  const url = await listen(server);
  return {
    url,
    /** The held person's calls that reached the subgraph so far. */
    heldSeen: () => heldSeen,
    /** Resolves once `n` of the held person's calls have reached the subgraph. */
    heldCalls: async (n: number) => {
      while (heldSeen < n) await new Promise<void>((resolve) => arrivals.push(resolve));
    },
    /** Answers the held calls, and from now on answers the held person's calls at once. */
    release: () => {
      heldUser = '';
      held.splice(0).forEach((answer) => answer());
    },
    close: () => {
      server.closeAllConnections();
      return new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}

/** A promise with whether it has settled yet, read synchronously. */
function tracked<T>(promise: Promise<T>) {
  const state = { settled: false, promise };
  void promise.finally(() => (state.settled = true));
  return state;
}

let federation: Federation;
const proxies: Record<string, ForwardingProxy> = {};
const realUrls: Record<string, string> = {};
const extraGateways: RunningService[] = [];
const totalCalls = () => Object.values(proxies).reduce((sum, p) => sum + p.calls, 0);

beforeAll(async () => {
  federation = await startFederation({
    subgraphs: sectorSubgraphs({ demo: true }),
    // The gateway under test calls each subgraph through a counting proxy.
    gateway: async (subgraphUrls) => {
      for (const [name, url] of Object.entries(subgraphUrls)) {
        realUrls[name] = url;
        proxies[name] = await forwardingProxy(url);
      }
      const proxied = Object.fromEntries(Object.entries(proxies).map(([name, p]) => [name, p.url]));
      return startGateway({ env: loadEnv(gatewayTestEnv()), subgraphUrls: proxied });
    },
  });
});

afterAll(async () => {
  await Promise.all(extraGateways.map((g) => g.close()));
  await federation?.close();
  await Promise.all(Object.values(proxies).map((p) => p.close()));
});

/** Another gateway over the same subgraphs, with its own environment. */
async function gatewayWith(env: Record<string, string>, subgraphUrls: Record<string, string> = realUrls) {
  const gateway = await startGateway({ env: loadEnv(gatewayTestEnv(env)), subgraphUrls });
  extraGateways.push(gateway);
  return gateway;
}

const PLAN = 'lang-son-2019-de-an-1437';

describe('limits no single request can break', () => {
  it('still answers the README query, the benchmark’s province of 500 communes and introspection', async () => {
    const before = totalCalls();
    const readme = await federation.query<{ administrativeUnit: { children: { totalCount: number } } }>(`{
      administrativeUnit(code: "20") {
        fullName healthStationCount childrenAged0To8Count schoolCounts { label count } culturalFacilityCount plans { number title }
        children(first: 100) { totalCount nodes { code fullName healthStationCount schoolCounts { count } culturalFacilityCount } }
      }
    }`);
    expect(readme.errors).toBeUndefined();
    expect(readme.data!.administrativeUnit.children.totalCount).toBe(65);
    expect(totalCalls()).toBeGreaterThan(before);

    const fields =
      'code validFrom fullName plans { title } healthStationCount childrenAged0To8Count schoolCounts { level count } culturalFacilityCount';
    const bench = await federation.query(
      `query($code: String!) { administrativeUnit(code: $code) { ${fields} children(first: 500) { totalCount nodes { ${fields} } } } }`,
      { code: '20' },
    );
    expect(bench.errors).toBeUndefined();

    const introspection = await federation.query(getIntrospectionQuery());
    expect(introspection.errors).toBeUndefined();
  });

  it('refuses 200 aliases of a plan’s progress by commune before any subgraph call', async () => {
    const before = totalCalls();
    const aliases = (n: number) =>
      Array.from(
        { length: n },
        (_, i) => `p${i}: plan(key: "${PLAN}") { progress(year: 2024, byCommune: true) { value } }`,
      ).join(' ');
    const attack = await federation.query(`{ ${aliases(200)} }`);
    expect(attack.status).toBe(400);
    expect(attack.data).toBeUndefined();
    // 200 aliases are 4,402 tokens: the parser stops at 2,000.
    expect(attack.errors![0]).toMatchObject({
      extensions: { code: 'GRAPHQL_VALIDATION_FAILED', reason: 'TOO_MANY_TOKENS', limit: 2000 },
    });
    expect(attack.errors![0]!.message).toMatch(/^Truy vấn quá dài/);

    const fewer = await federation.query(`{ ${aliases(16)} }`);
    expect(fewer.status).toBe(400);
    expect(fewer.errors![0]).toMatchObject({
      extensions: { code: 'GRAPHQL_VALIDATION_FAILED', reason: 'TOO_MANY_ALIASES', limit: 15, found: 16 },
    });
    expect(fewer.errors![0]!.message).toMatch(/bí danh/);

    expect(totalCalls()).toBe(before);
  });

  it('refuses the children → parent → children cycle, and pages multiplying past the cost limit, before any subgraph call', async () => {
    const before = totalCalls();
    const cycle = await federation.query(
      `{ administrativeUnit(code: "20") { children { nodes { parent { children { nodes { parent { children { nodes { code fullName } } } } } } } } } }`,
    );
    expect(cycle.status).toBe(400);
    expect(cycle.errors![0]).toMatchObject({
      extensions: { code: 'GRAPHQL_VALIDATION_FAILED', reason: 'QUERY_TOO_DEEP', limit: 8, found: 10 },
    });
    expect(cycle.errors![0]!.message).toMatch(/^Truy vấn lồng quá sâu/);

    // Depth 7 fits, but 500 units × 500 siblings each, asked through a variable, is too costly.
    const pages = await federation.query(
      `query($n: Int) { administrativeUnits(first: $n) { nodes { parent { children(first: $n) { nodes { code healthStationCount } } } } } }`,
      { n: 500 },
    );
    expect(pages.status).toBe(400);
    expect(pages.errors![0]).toMatchObject({
      extensions: { code: 'GRAPHQL_VALIDATION_FAILED', reason: 'QUERY_TOO_COSTLY', limit: 50_000 },
    });
    expect(pages.errors![0]!.message).toMatch(/^Truy vấn quá lớn/);
    expect(totalCalls()).toBe(before);
  });
});

describe('rate limit per person', () => {
  it('answers a person over the limit with 429, Retry-After and a JSON error, while another person still passes', async () => {
    const gateway = await gatewayWith({ RATE_LIMIT_PER_MINUTE: '3' });
    const query = '{ administrativeUnit(code: "20") { code } }';
    const send = async (user: string) =>
      fetch(gateway.graphqlUrl, {
        method: 'POST',
        headers: { 'content-type': 'application/json', authorization: `Bearer ${await userToken(user)}` },
        body: JSON.stringify({ query }),
      });
    for (let i = 0; i < 3; i++) expect((await send('lead.langson')).status).toBe(200);
    const refused = await send('lead.langson');
    expect(refused.status).toBe(429);
    expect(refused.headers.get('content-type')).toMatch(/^application\/json/);
    const retryAfter = Number(refused.headers.get('retry-after'));
    expect(retryAfter).toBeGreaterThanOrEqual(1);
    expect(retryAfter).toBeLessThanOrEqual(60);
    const body = (await refused.json()) as {
      data?: unknown;
      errors: { message: string; extensions: Record<string, unknown> }[];
    };
    expect(body.data).toBeUndefined();
    expect(body.errors[0]).toMatchObject({
      extensions: { code: 'RATE_LIMITED', reason: 'RATE_LIMITED', limit: 3, retryAfterSeconds: retryAfter },
    });
    expect(body.errors[0]!.message).toMatch(/^Quá nhiều yêu cầu/);

    expect((await send('health.langson')).status).toBe(200);
  });

  it('is off at 0 and generous by default', async () => {
    expect(loadEnv(gatewayTestEnv()).RATE_LIMIT_PER_MINUTE).toBe(600);
    const gateway = await gatewayWith({ RATE_LIMIT_PER_MINUTE: '0' });
    for (let i = 0; i < 5; i++)
      expect(
        (
          await graphql(
            gateway.graphqlUrl,
            '{ __typename }',
            {},
            { authorization: `Bearer ${await userToken('lead.langson')}` },
          )
        ).status,
      ).toBe(200);
  });
});

describe('requests in flight per person', () => {
  it('keeps one person’s excess in their own queue, so another person is answered meanwhile; past the queue: a typed 429', async () => {
    const health = await holdingSubgraph('lead.langson');
    try {
      // Three calls to health at once, two of them the first person's at most: the other person's call finds a place.
      const gateway = await gatewayWith(
        { SUBGRAPH_CONCURRENCY: '3', PERSON_CONCURRENCY: '2', PERSON_QUEUE: '3' },
        { ...realUrls, health: health.url },
      );
      const send = async (user: string, query: string) =>
        fetch(gateway.graphqlUrl, {
          method: 'POST',
          headers: { 'content-type': 'application/json', authorization: `Bearer ${await userToken(user)}` },
          body: JSON.stringify({ query }),
        });
      // Six different texts (the same text asked at once is answered once: answer-cache.ts): two in flight,
      // three waiting in the person's queue, one refused.
      const heavy = Array.from({ length: 6 }, (_, i) =>
        tracked(send('lead.langson', `# ${i}\n{ administrativeUnit(code: "20") { healthStationCount } }`)),
      );
      await health.heldCalls(2);
      const refused = await Promise.race(heavy.map((h) => h.promise));
      expect(refused.status).toBe(429);
      expect(Number(refused.headers.get('retry-after'))).toBeGreaterThanOrEqual(1);
      const body = (await refused.json()) as {
        data?: unknown;
        errors: { message: string; extensions: Record<string, unknown> }[];
      };
      expect(body.data).toBeUndefined();
      expect(body.errors[0]).toMatchObject({
        extensions: { code: 'RATE_LIMITED', reason: 'TOO_MANY_IN_FLIGHT', limit: 2, queueLimit: 3 },
      });
      expect(body.errors[0]!.message).toMatch(/^Bạn đang có quá nhiều yêu cầu đang xử lý/);

      // The other person's query, through the same health subgraph, is answered while the first person's
      // two calls are still held and their three others still wait their turn (without the cap, it would
      // wait in health's queue behind them until they are released: this test would time out).
      const other = await send(
        'viewer.quangninh',
        '{ administrativeUnit(code: "22") { fullName healthStationCount plans { key } } }',
      );
      expect(other.status).toBe(200);
      const answer = (await other.json()) as { data: unknown; errors?: unknown };
      expect(answer.errors).toBeUndefined();
      expect(answer.data).toMatchObject({
        administrativeUnit: { fullName: 'Thành phố Quảng Ninh', healthStationCount: 0 },
      });
      expect(heavy.filter((h) => !h.settled)).toHaveLength(5);
      expect(health.heldSeen()).toBe(2);

      // Released, the first person's requests are all answered, the queued ones included.
      health.release();
      const statuses = await Promise.all(heavy.map(async (h) => (await h.promise).status));
      expect(statuses.sort()).toEqual([200, 200, 200, 200, 200, 429]);
      expect(health.heldSeen()).toBe(2);
    } finally {
      await health.close();
    }
  });

  it('is on by default and off at 0', () => {
    expect(loadEnv(gatewayTestEnv())).toMatchObject({ PERSON_CONCURRENCY: 4, PERSON_QUEUE: 16 });
    expect(loadEnv(gatewayTestEnv({ PERSON_CONCURRENCY: '0' })).PERSON_CONCURRENCY).toBe(0);
  });
});

describe('deadlines that cancel', () => {
  const QUERY = '{ administrativeUnit(code: "20") { fullName healthStationCount schoolCounts { label count } } }';
  type Answer = { administrativeUnit: { fullName: string; healthStationCount: number; schoolCounts: unknown } };
  let slow: Awaited<ReturnType<typeof slowSubgraph>>;

  beforeAll(async () => {
    slow = await slowSubgraph(20_000);
  });
  afterAll(() => slow?.close());

  it('aborts a subgraph slower than SUBGRAPH_TIMEOUT_MS: a typed error naming the sector, the other sectors answered', async () => {
    const gateway = await gatewayWith({ SUBGRAPH_TIMEOUT_MS: '500' }, { ...realUrls, education: slow.url });
    const seen = slow.calls.length;
    const started = performance.now();
    const { data, errors } = await graphql<Answer>(
      gateway.graphqlUrl,
      QUERY,
      {},
      { authorization: `Bearer ${await userToken('admin')}` },
    );
    // Well before the stand-in would answer (20 s): the gateway gave up at its deadline (bounds loose for a busy machine).
    expect(performance.now() - started).toBeLessThan(10_000);
    expect(data!.administrativeUnit).toMatchObject({
      fullName: 'Tỉnh Lạng Sơn',
      healthStationCount: 65,
      schoolCounts: null,
    });
    expect(errors).toHaveLength(1);
    expect(errors![0]).toMatchObject({
      extensions: { code: 'SUBGRAPH_UNAVAILABLE', reason: 'SUBGRAPH_TIMEOUT', service: 'education', timeoutMs: 500 },
    });
    expect(errors![0]!.message).toContain('Giáo dục và Đào tạo');
    // The gateway closed the call's connection instead of leaving it to the subgraph.
    const call = await slow.nextCall(seen);
    expect(await call.closedBeforeAnswer).toBe(true);
  });

  it('aborts what is still running at the request’s deadline (REQUEST_TIMEOUT_MS)', async () => {
    const gateway = await gatewayWith(
      { SUBGRAPH_TIMEOUT_MS: '10000', REQUEST_TIMEOUT_MS: '1500' },
      { ...realUrls, education: slow.url },
    );
    const seen = slow.calls.length;
    const started = performance.now();
    const { data, errors } = await graphql<Answer>(
      gateway.graphqlUrl,
      QUERY,
      {},
      { authorization: `Bearer ${await userToken('admin')}` },
    );
    // Before SUBGRAPH_TIMEOUT_MS (10 s) could have: the request's deadline aborted it.
    expect(performance.now() - started).toBeLessThan(9_000);
    expect(data!.administrativeUnit.fullName).toBe('Tỉnh Lạng Sơn');
    expect(errors![0]).toMatchObject({
      extensions: { code: 'SUBGRAPH_UNAVAILABLE', reason: 'REQUEST_TIMEOUT', service: 'education', timeoutMs: 1500 },
    });
    expect(await (await slow.nextCall(seen)).closedBeforeAnswer).toBe(true);
  });

  it('lets calls past SUBGRAPH_CONCURRENCY wait their turn, their own timeout starting only when sent', async () => {
    // Each education call takes 0.6 s; four requests at once, one call at a time: the last waits 1.8 s,
    // past SUBGRAPH_TIMEOUT_MS (1.2 s), and is still answered, its timeout counted from when it was sent.
    const queueing = await queueingSubgraph(600);
    try {
      // Four different texts: the same query asked at once is answered once and shared (answer-cache.ts).
      const ask = async (gateway: RunningService) =>
        Promise.all(
          Array.from({ length: 4 }, async (_, i) =>
            graphql<Answer>(
              gateway.graphqlUrl,
              `# ${i}\n${QUERY}`,
              {},
              {
                authorization: `Bearer ${await userToken('admin')}`,
              },
            ),
          ),
        );
      const one = await gatewayWith(
        { SUBGRAPH_CONCURRENCY: '1', SUBGRAPH_TIMEOUT_MS: '1200', REQUEST_TIMEOUT_MS: '20000' },
        { ...realUrls, education: queueing.url },
      );
      const answers = await ask(one);
      expect(answers.map((a) => a.errors)).toEqual([undefined, undefined, undefined, undefined]);
      expect(answers.map((a) => a.data!.administrativeUnit.schoolCounts)).toEqual([[], [], [], []]);
      expect(queueing.seen.maxInFlight).toBe(1);

      // Without the limit the four calls arrive together (the test can tell the difference).
      queueing.seen.maxInFlight = 0;
      const unlimited = await gatewayWith(
        { SUBGRAPH_CONCURRENCY: '1000', SUBGRAPH_TIMEOUT_MS: '20000' },
        { ...realUrls, education: queueing.url },
      );
      await ask(unlimited);
      expect(queueing.seen.maxInFlight).toBe(4);
    } finally {
      await queueing.close();
    }
  });

  it('cancels the outstanding subgraph call when the client goes away', async () => {
    // No deadline of the gateway's would close the call before the stand-in answers (20 s): only the client's leaving can.
    const gateway = await gatewayWith(
      { SUBGRAPH_TIMEOUT_MS: '60000', REQUEST_TIMEOUT_MS: '60000' },
      { ...realUrls, education: slow.url },
    );
    const seen = slow.calls.length;
    const client = new AbortController();
    const request = fetch(gateway.graphqlUrl, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${await userToken('admin')}` },
      body: JSON.stringify({ query: QUERY }),
      signal: client.signal,
    }).catch((error: unknown) => error);
    const call = await slow.nextCall(seen);
    client.abort();
    expect(await request).toMatchObject({ name: 'AbortError' });
    expect(await call.closedBeforeAnswer).toBe(true);
  });
});
