import { randomUUID } from 'node:crypto';
import { createServer, type IncomingHttpHeaders, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { z } from 'zod';

import { queryRows, sql, type TransactionalClient } from '@ecd/database';
import type { Identity, RunningService } from '@ecd/service-kit';
import {
  gatewayTestEnv,
  graphql,
  rowCount,
  startFederation,
  subgraphDatabase,
  userToken,
  type Federation,
  type GraphQLResponse,
} from '@ecd/test-kit';

import { loadEnv } from './env.js';
import { sectorSubgraphs, testGateway } from './federation.test-fixture.js';
import { startGateway } from './server.js';

/**
 * Mutations with an Idempotency-Key, through the real gateway and each sector's real database: a
 * retry is applied once and answered as the first time, a key is each person's own and for one
 * request only, concurrent duplicates write once, and a mutation whose subgraph did not answer is
 * told apart from one never sent.
 */
let federation: Federation;
const extraGateways: RunningService[] = [];
const onPostgres = Boolean(process.env.TEST_DATABASE_URL);

/** The subgraphs' limit on one statement: a write kept waiting by a test's lock fails after it. */
const STATEMENT_TIMEOUT_MS = 3000;

beforeAll(async () => {
  federation = await startFederation({
    subgraphs: sectorSubgraphs({ demo: false }),
    gateway: testGateway,
    env: { STATEMENT_TIMEOUT_MS: String(STATEMENT_TIMEOUT_MS) },
  });
});

afterAll(async () => {
  await Promise.all(extraGateways.map((g) => g.close()));
  await federation?.close();
});

/** An LĐTBXH officer of Lạng Sơn, who may record the sector's figures there (no demo user has that role). */
const OFFICER: Identity = {
  userId: 'ldtbxh.langson',
  name: null,
  roles: ['sector-officer'],
  sector: 'LDTBXH',
  unitCode: '20',
  agency: 'SLDTBXH-20',
};

type Answer<T> = GraphQLResponse<T> & { extensions?: Record<string, unknown> };

/** Sends an operation to a gateway as a person, with an Idempotency-Key when one is given. */
async function send<T = Record<string, unknown>>(
  query: string,
  variables: Record<string, unknown>,
  options: { key?: string; user?: string | Identity; url?: string } = {},
): Promise<Answer<T>> {
  const headers: Record<string, string> = { authorization: `Bearer ${await userToken(options.user ?? 'admin')}` };
  if (options.key !== undefined) headers['idempotency-key'] = options.key;
  return graphql<T>(options.url ?? federation.gateway.graphqlUrl, query, variables, headers);
}

const FIGURE = `mutation Figure($i: IndicatorValueInput!) { recordSocialAffairsIndicatorValue(input: $i) { id unitCode year } }`;
type Figure = { recordSocialAffairsIndicatorValue: { id: string; unitCode: string; year: number } };
const figure = (numerator: number) => ({
  indicatorCode: 'ECD_SERVICE_ACCESS_0_8',
  unitCode: '20',
  year: 2025,
  numerator,
  denominator: 1000,
  source: 'BC idempotency',
});

const ldtbxh = () => subgraphDatabase(federation, 'ldtbxh');
const figures = () => rowCount(ldtbxh(), 'indicator_value');
/** The keys a subgraph holds for a key string, whoever's, with their answers (`response` null: none). */
const keysHeld = (subgraph: string, key: string) =>
  queryRows(
    subgraphDatabase(federation, subgraph),
    z.object({ user_id: z.string(), answered: z.boolean() }),
    sql`SELECT user_id, response IS NOT NULL AS answered FROM idempotent_request WHERE key = ${key} ORDER BY user_id`,
  );

const replayed = (answer: Answer<unknown>) => answer.extensions?.idempotentReplay === true;

describe('a mutation retried with the same Idempotency-Key', () => {
  it('is written once and answered as the first time, marked as a replay', async () => {
    const key = randomUUID();
    const before = await figures();
    const first = await send<Figure>(FIGURE, { i: figure(700) }, { key });
    expect(first.errors).toBeUndefined();
    expect(replayed(first)).toBe(false);
    const again = await send<Figure>(FIGURE, { i: figure(700) }, { key });
    expect(again.errors).toBeUndefined();
    expect(again.data).toEqual(first.data);
    expect(replayed(again)).toBe(true);
    expect(await figures()).toBe(before + 1);
    expect(await keysHeld('ldtbxh', key)).toEqual([{ user_id: 'admin', answered: true }]);

    // The client sees the replay in a header too; the variables' order does not make another request.
    const raw = await fetch(federation.gateway.graphqlUrl, {
      method: 'POST',
      headers: {
        'content-type': 'application/json',
        authorization: `Bearer ${await userToken('admin')}`,
        'idempotency-key': key,
      },
      body: JSON.stringify({
        query: FIGURE,
        variables: { i: Object.fromEntries(Object.entries(figure(700)).reverse()) },
      }),
    });
    expect(raw.headers.get('idempotent-replayed')).toBe('true');
    expect(((await raw.json()) as { data: unknown }).data).toEqual(first.data);
    expect(await figures()).toBe(before + 1);
  });

  it('is refused with the same key for another request, writing nothing', async () => {
    const key = randomUUID();
    expect((await send(FIGURE, { i: figure(10) }, { key })).errors).toBeUndefined();
    const before = await figures();
    for (const [query, variables] of [
      [FIGURE, { i: figure(11) }], // other variables
      [`mutation($i: IndicatorValueInput!) { recordSocialAffairsIndicatorValue(input: $i) { id } }`, { i: figure(10) }], // another selection
    ] as const) {
      const refused = await send(query, variables, { key });
      // Refused by the gateway before execution: a request error, no data.
      expect(refused.status).toBe(422);
      expect(refused.data ?? null).toBeNull();
      expect(refused.errors?.[0]?.extensions).toMatchObject({
        code: 'BAD_USER_INPUT',
        reason: 'IDEMPOTENCY_KEY_REUSED',
        field: 'Idempotency-Key',
      });
      expect(refused.errors?.[0]?.message).toBe(
        'Idempotency-Key này đã được dùng cho một yêu cầu khác; vui lòng tạo khóa mới cho mỗi yêu cầu.',
      );
    }
    expect(await figures()).toBe(before);
  });

  it('refuses a malformed key before anything is planned or written; a query ignores the header', async () => {
    const before = await figures();
    for (const key of ['short', 'has a space', 'x'.repeat(129), 'mã-khóa-ñ1', 'a,b,c,d,e,f']) {
      const refused = await send(FIGURE, { i: figure(12) }, { key });
      expect(refused.status).toBe(400);
      expect(refused.errors?.[0]?.extensions).toMatchObject({
        code: 'BAD_USER_INPUT',
        reason: 'MALFORMED_IDEMPOTENCY_KEY',
        field: 'Idempotency-Key',
      });
      expect(refused.errors?.[0]?.message).toMatch(/^Idempotency-Key không hợp lệ: phải gồm 8 đến 128 ký tự/);
    }
    expect(await figures()).toBe(before);
    // 8 and 128 characters of the alphabet are keys.
    expect((await send(FIGURE, { i: figure(13) }, { key: 'Ab3_-xyz' })).errors).toBeUndefined();
    expect((await send(FIGURE, { i: figure(14) }, { key: 'k'.repeat(128) })).errors).toBeUndefined();
    expect(await figures()).toBe(before + 2);
    const query = await send(`{ administrativeUnit(code: "20") { name } }`, {}, { key: 'has a space' });
    expect(query.errors).toBeUndefined();
  });

  it("keeps each person's keys their own: the same key of another person is another request", async () => {
    const key = randomUUID();
    const before = await figures();
    const admin = await send<Figure>(FIGURE, { i: figure(20) }, { key });
    const officer = await send<Figure>(FIGURE, { i: figure(20) }, { key, user: OFFICER });
    expect(admin.errors).toBeUndefined();
    expect(officer.errors).toBeUndefined();
    expect(replayed(officer)).toBe(false);
    expect(officer.data?.recordSocialAffairsIndicatorValue.id).not.toBe(
      admin.data?.recordSocialAffairsIndicatorValue.id,
    );
    expect(await figures()).toBe(before + 2);
    // Each replays their own answer.
    const officerAgain = await send<Figure>(FIGURE, { i: figure(20) }, { key, user: OFFICER });
    expect(replayed(officerAgain)).toBe(true);
    expect(officerAgain.data).toEqual(officer.data);
    const adminAgain = await send<Figure>(FIGURE, { i: figure(20) }, { key });
    expect(adminAgain.data).toEqual(admin.data);
    expect(await figures()).toBe(before + 2);
    expect(await keysHeld('ldtbxh', key)).toEqual([
      { user_id: 'admin', answered: true },
      { user_id: 'ldtbxh.langson', answered: true },
    ]);
  });

  it('executes once when sent several times at once: the others wait and get the answer', async () => {
    const key = randomUUID();
    const before = await figures();
    const answers = await Promise.all(
      Array.from({ length: 6 }, () => send<Figure>(FIGURE, { i: figure(30) }, { key })),
    );
    for (const answer of answers) expect(answer.errors).toBeUndefined();
    expect(new Set(answers.map((a) => a.data?.recordSocialAffairsIndicatorValue.id)).size).toBe(1);
    expect(answers.filter(replayed)).toHaveLength(5);
    expect(await figures()).toBe(before + 1);
  });

  it('records no key for an operation of which nothing succeeded, and stores a partial answer whole', async () => {
    const key = randomUUID();
    const before = await figures();
    const refused = await send(FIGURE, { i: figure(-1) }, { key });
    expect(refused.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT' });
    expect(await keysHeld('ldtbxh', key)).toEqual([]);
    // Nothing was written, so the key is still free: corrected, the request is executed.
    const corrected = await send(FIGURE, { i: figure(40) }, { key });
    expect(corrected.errors).toBeUndefined();
    expect(await figures()).toBe(before + 1);

    // Two fields, the second refused: the first is written once, and the answer with its error replayed.
    const TWO = `mutation($a: IndicatorValueInput!, $b: IndicatorValueInput!) {
      a: recordSocialAffairsIndicatorValue(input: $a) { id }
      b: recordSocialAffairsIndicatorValue(input: $b) { id }
    }`;
    const twoKey = randomUUID();
    const partial = await send(TWO, { a: figure(41), b: figure(-1) }, { key: twoKey });
    expect(partial.errors?.map((e) => e.extensions?.reason)).toEqual(['INVALID_INDICATOR_VALUE']);
    const partialAgain = await send(TWO, { a: figure(41), b: figure(-1) }, { key: twoKey });
    expect(replayed(partialAgain)).toBe(true);
    expect(partialAgain.data).toEqual(partial.data);
    expect(partialAgain.errors).toEqual(partial.errors);
    expect(await figures()).toBe(before + 2);
  });
});

describe('every subgraph applies the keys the same way', () => {
  const cases = [
    {
      // Health registers a child in its own transaction, with the running totals.
      subgraph: 'health',
      table: 'child_record',
      query: `mutation($input: RegisterChildInput!) { registerChild(input: $input) { id } }`,
      variables: { input: { birthDate: '2025-02-01', sex: 'FEMALE', communeCode: '05977' } },
    },
    {
      subgraph: 'education',
      table: 'school',
      query: `mutation($input: RegisterSchoolInput!) { registerSchool(input: $input) { id name } }`,
      variables: {
        input: { name: 'Trường Tiểu học Idempotency', level: 'PRIMARY', communeCode: '05977', openedOn: '2025-09-05' },
      },
    },
    {
      subgraph: 'culture',
      table: 'outreach',
      query: `mutation($input: OutreachInput!) { recordCommunicationCampaign(input: $input) { id } }`,
      variables: {
        input: {
          unitCode: '05977',
          from: '2026-03-01',
          to: '2026-03-31',
          channel: 'MEETING',
          topic: 'Nuôi dạy con',
          peopleReached: 120,
          parentsReached: 80,
        },
      },
    },
  ];

  it.each(cases)(
    '$subgraph: a retry writes once and gets the same answer',
    async ({ subgraph, table, query, variables }) => {
      const key = randomUUID();
      const db = subgraphDatabase(federation, subgraph);
      const before = await rowCount(db, table);
      const first = await send(query, variables, { key });
      expect(first.errors).toBeUndefined();
      const again = await send(query, variables, { key });
      expect(again.errors).toBeUndefined();
      expect(again.data).toEqual(first.data);
      expect(replayed(again)).toBe(true);
      expect(await rowCount(db, table)).toBe(before + 1);
      expect(await keysHeld(subgraph, key)).toEqual([{ user_id: 'admin', answered: true }]);
    },
  );
});

/** The subgraphs' URLs, for more gateways over the same subgraphs. */
const subgraphUrls = () =>
  Object.fromEntries(Object.entries(federation.subgraphs).map(([name, s]) => [name, s.graphqlUrl]));

describe('the gateway binds a key to the whole request, whichever sectors it writes to', () => {
  const SESSION = `mutation($p: ParentingSessionInput!) { recordParentingSession(input: $p) { id } }`;
  const session = (participants: number) => ({
    communeCode: '05977',
    heldOn: '2026-03-15',
    topic: 'Chơi cùng con',
    participants,
  });
  const outreach = (peopleReached: number) => ({
    unitCode: '05977',
    from: '2026-03-01',
    to: '2026-03-31',
    channel: 'MEETING',
    topic: 'Nuôi dạy con',
    peopleReached,
    parentsReached: Math.max(0, peopleReached - 10),
  });
  const SESSION_AND_FAMILY_EDUCATION = `mutation($p: ParentingSessionInput!, $o: OutreachInput!) {
    recordParentingSession(input: $p) { id }
    recordFamilyEducationSession(input: $o) { id }
  }`;
  const CAMPAIGN = `mutation($o: OutreachInput!) { recordCommunicationCampaign(input: $o) { id } }`;
  type Reach = { administrativeUnit: Record<'familyEducationReach' | 'communicationReach', { count: number }> };

  /** What each sector holds: LĐTBXH's sessions (no query lists them: its table), culture's through GraphQL. */
  async function written() {
    const reach = await send<Reach>(
      `{ administrativeUnit(code: "05977") { familyEducationReach(year: 2026) { count } communicationReach(year: 2026) { count } } }`,
      {},
    );
    expect(reach.errors).toBeUndefined();
    return {
      sessions: await rowCount(ldtbxh(), 'parenting_session'),
      familyEducation: reach.data!.administrativeUnit.familyEducationReach.count,
      campaigns: reach.data!.administrativeUnit.communicationReach.count,
    };
  }

  function expectReused(answer: Answer<unknown>) {
    expect(answer.status).toBe(422);
    expect(answer.data ?? null).toBeNull();
    expect(answer.errors).toHaveLength(1);
    expect(answer.errors?.[0]?.extensions).toMatchObject({
      code: 'BAD_USER_INPUT',
      reason: 'IDEMPOTENCY_KEY_REUSED',
      field: 'Idempotency-Key',
    });
    expect(answer.errors?.[0]?.message).toBe(
      'Idempotency-Key này đã được dùng cho một yêu cầu khác; vui lòng tạo khóa mới cho mỗi yêu cầu.',
    );
    expect(replayed(answer)).toBe(false);
  }

  it('refuses the key with a request adding another sector’s field: nothing written in either sector', async () => {
    const key = randomUUID();
    const first = await send(SESSION, { p: session(12) }, { key });
    expect(first.errors).toBeUndefined();
    const before = await written();
    const refused = await send(SESSION_AND_FAMILY_EDUCATION, { p: session(12), o: outreach(40) }, { key });
    expectReused(refused);
    expect(await written()).toEqual(before);
    expect(await keysHeld('culture', key)).toEqual([]);
  });

  it('refuses the key with a mutation of another sector: nothing written there', async () => {
    const key = randomUUID();
    expect((await send(SESSION, { p: session(13) }, { key })).errors).toBeUndefined();
    const before = await written();
    expectReused(await send(CAMPAIGN, { o: outreach(50) }, { key }));
    expect(await written()).toEqual(before);
    expect(await keysHeld('culture', key)).toEqual([]);
    // The first request, sent again, is still replayed.
    expect(replayed(await send(SESSION, { p: session(13) }, { key }))).toBe(true);
    expect(await written()).toEqual(before);
  });

  it('leaves the key free after a request that wrote nothing: the corrected request runs with it', async () => {
    const key = randomUUID();
    const before = await written();
    const failed = await send(CAMPAIGN, { o: outreach(-1) }, { key });
    expect(failed.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', reason: 'INVALID_OUTREACH' });
    expect(await written()).toEqual(before);
    // Corrected, in another sector even: executed once, then replayed.
    const corrected = await send(SESSION_AND_FAMILY_EDUCATION, { p: session(14), o: outreach(60) }, { key });
    expect(corrected.errors).toBeUndefined();
    expect(replayed(corrected)).toBe(false);
    const again = await send(SESSION_AND_FAMILY_EDUCATION, { p: session(14), o: outreach(60) }, { key });
    expect(replayed(again)).toBe(true);
    expect(again.data).toEqual(corrected.data);
    const after = await written();
    expect(after).toEqual({ ...before, sessions: before.sessions + 1, familyEducation: before.familyEducation + 1 });
    // The key is now bound to the corrected request.
    expectReused(await send(CAMPAIGN, { o: outreach(-1) }, { key }));
  });

  it('applies once a mutation that goes back to a sector (A, B, A): each call its own part', async () => {
    const key = randomUUID();
    const ABA = `mutation($p: ParentingSessionInput!, $q: ParentingSessionInput!, $o: OutreachInput!) {
      first: recordParentingSession(input: $p) { id }
      family: recordFamilyEducationSession(input: $o) { id }
      second: recordParentingSession(input: $q) { id }
    }`;
    const variables = { p: session(16), q: session(17), o: outreach(80) };
    const before = await written();
    const applied = await send(ABA, variables, { key });
    expect(applied.errors).toBeUndefined();
    expect(replayed(applied)).toBe(false);
    const done = { ...before, sessions: before.sessions + 2, familyEducation: before.familyEducation + 1 };
    expect(await written()).toEqual(done);
    const again = await send(ABA, variables, { key });
    expect(again.errors).toBeUndefined();
    expect(replayed(again)).toBe(true);
    expect(again.data).toEqual(applied.data);
    expect(await written()).toEqual(done);
  });

  it('marks an answer a replay only when no sector executed its part', async () => {
    // A gateway to which culture refuses connections: LĐTBXH writes its part, culture gets nothing.
    const gateway = await startGateway({
      env: loadEnv(gatewayTestEnv()),
      subgraphUrls: { ...subgraphUrls(), culture: await refusingUrl() },
    });
    extraGateways.push(gateway);
    const key = randomUUID();
    const variables = { p: session(15), o: outreach(70) };
    const before = await written();
    const half = await send(SESSION_AND_FAMILY_EDUCATION, variables, { key, url: gateway.graphqlUrl });
    expect(half.errors?.[0]?.extensions).toMatchObject({ reason: 'SUBGRAPH_UNREACHABLE', service: 'culture' });
    expect(await written()).toEqual({ ...before, sessions: before.sessions + 1 });
    // Sent again through the gateway that reaches culture: LĐTBXH replays its part, culture executes its own.
    const whole = await send(SESSION_AND_FAMILY_EDUCATION, variables, { key });
    expect(whole.errors).toBeUndefined();
    expect(replayed(whole)).toBe(false);
    const done = { ...before, sessions: before.sessions + 1, familyEducation: before.familyEducation + 1 };
    expect(await written()).toEqual(done);
    // Now every part is a replay.
    const again = await send(SESSION_AND_FAMILY_EDUCATION, variables, { key });
    expect(replayed(again)).toBe(true);
    expect(again.data).toEqual(whole.data);
    expect(await written()).toEqual(done);
  });

  it('shares the binding between gateway replicas through Redis', async () => {
    const replica = () =>
      startGateway({
        env: loadEnv(gatewayTestEnv({ REDIS_URL: process.env.TEST_REDIS_URL ?? 'redis://127.0.0.1:6379' })),
        subgraphUrls: subgraphUrls(),
      });
    const [one, two] = await Promise.all([replica(), replica()]);
    extraGateways.push(one, two);
    const key = randomUUID();
    expect((await send(SESSION, { p: session(16) }, { key, url: one.graphqlUrl })).errors).toBeUndefined();
    const before = await written();
    expectReused(await send(CAMPAIGN, { o: outreach(80) }, { key, url: two.graphqlUrl }));
    expect(replayed(await send(SESSION, { p: session(16) }, { key, url: two.graphqlUrl }))).toBe(true);
    expect(await written()).toEqual(before);
  });

  it('refuses a keyed mutation, sending nothing, while the shared store is unreachable', async () => {
    const gateway = await startGateway({
      env: loadEnv(gatewayTestEnv({ REDIS_URL: 'redis://127.0.0.1:1' })),
      subgraphUrls: subgraphUrls(),
    });
    extraGateways.push(gateway);
    const before = await written();
    const refused = await send(SESSION, { p: session(17) }, { key: randomUUID(), url: gateway.graphqlUrl });
    expect(refused.status).toBe(503);
    expect(refused.errors?.[0]?.extensions).toMatchObject({
      code: 'SUBGRAPH_UNAVAILABLE',
      reason: 'IDEMPOTENCY_STORE_UNAVAILABLE',
      field: 'Idempotency-Key',
    });
    expect(await written()).toEqual(before);
    // A mutation without a key does not need the store.
    expect((await send(SESSION, { p: session(17) }, { url: gateway.graphqlUrl })).errors).toBeUndefined();
    expect(await written()).toEqual({ ...before, sessions: before.sessions + 1 });
  });
});

/** A second gateway over the same subgraphs, which gives up on a subgraph after a second. */
async function impatientGateway() {
  const urls = Object.fromEntries(Object.entries(federation.subgraphs).map(([name, s]) => [name, s.graphqlUrl]));
  const gateway = await startGateway({
    env: loadEnv(gatewayTestEnv({ SUBGRAPH_TIMEOUT_MS: '1000' })),
    subgraphUrls: urls,
  });
  extraGateways.push(gateway);
  return gateway;
}

/**
 * Runs `statement` in a transaction of the test on LĐTBXH's database (from the subgraph's own pool),
 * held open until `release`, then rolled back: what it locks, a mutation meanwhile waits for.
 * `blocked` gives the server process id of a statement waiting for a lock.
 */
async function holdOpen(statement: ReturnType<typeof sql>) {
  const client = (federation.subgraphs.ldtbxh as RunningService & { client: TransactionalClient }).client;
  let release: () => void = () => undefined;
  let locked: (tx: TransactionalClient) => void = () => undefined;
  let failed: (error: unknown) => void = () => undefined;
  const holding = new Promise<TransactionalClient>((resolve, reject) => ((locked = resolve), (failed = reject)));
  const released = new Promise<void>((resolve) => (release = resolve));
  const ROLLED_BACK = new Error('rolled back');
  const done = client
    .$transaction(async (tx) => {
      await tx.$executeRaw(statement);
      locked(tx);
      await released;
      throw ROLLED_BACK;
    })
    .catch((error: unknown) => {
      if (error !== ROLLED_BACK) failed(error);
    });
  const tx = await holding;
  return {
    async blocked(): Promise<number> {
      for (let attempt = 0; attempt < 100; attempt++) {
        const [waiting] = await queryRows(
          tx,
          z.object({ pid: z.number() }),
          sql`SELECT pid FROM pg_stat_activity
               WHERE datname = current_database() AND wait_event_type = 'Lock' AND pid <> pg_backend_pid()`,
        );
        if (waiting) return waiting.pid;
        await new Promise((resolve) => setTimeout(resolve, 50));
      }
      throw new Error('no statement waits for the lock');
    },
    terminate: (pid: number) => tx.$queryRaw(sql`SELECT pg_terminate_backend(${pid}::int)`),
    async release() {
      release();
      await done;
    },
  };
}

/** LĐTBXH's `indicator_value` locked against writes: a figure written meanwhile waits in the middle of its mutation. */
const LOCK_FIGURES = sql`LOCK TABLE indicator_value IN SHARE ROW EXCLUSIVE MODE`;

async function until(check: () => Promise<boolean>) {
  for (let attempt = 0; attempt < 200; attempt++) {
    if (await check()) return;
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
  throw new Error('condition not met in 10 s');
}

// Locks and server processes need a PostgreSQL server: the embedded PGlite serves one session.
describe.skipIf(!onPostgres)('a keyed mutation in the database', () => {
  it('undoes a field that fails in the database alone: the others are written once, the answer stored', async () => {
    const TWO = `mutation($s: ParentingSessionInput!, $i: IndicatorValueInput!) {
      session: recordParentingSession(input: $s) { id }
      figure: recordSocialAffairsIndicatorValue(input: $i) { id }
    }`;
    const variables = {
      s: { communeCode: '05977', heldOn: '2026-03-15', topic: 'Chơi cùng con', participants: 12 },
      i: figure(80),
    };
    const key = randomUUID();
    const sessions = () => rowCount(ldtbxh(), 'parenting_session');
    const [sessionsBefore, figuresBefore] = [await sessions(), await figures()];
    const lock = await holdOpen(LOCK_FIGURES);
    let answer: Answer<unknown>;
    try {
      // The figure waits for the lock until the statement time limit cuts it: an error of the database.
      answer = await send(TWO, variables, { key });
    } finally {
      await lock.release();
    }
    expect(answer.errors?.map((e) => e.path)).toEqual([['figure']]);
    // The figure is non-null, so the answer has no data, as without a key; the session is written all the same.
    expect(answer.data).toBeNull();
    expect(await sessions()).toBe(sessionsBefore + 1);
    expect(await figures()).toBe(figuresBefore);
    const again = await send(TWO, variables, { key });
    expect(replayed(again)).toBe(true);
    expect(again.data).toEqual(answer.data);
    expect(again.errors).toEqual(answer.errors);
    expect(await sessions()).toBe(sessionsBefore + 1);
    expect(await figures()).toBe(figuresBefore);
  });

  it('tells a duplicate that waited past the statement time limit that the key is in progress', async () => {
    const key = randomUUID();
    const before = await figures();
    // Another request holding the key, uncommitted, for longer than a statement may wait.
    const holder = await holdOpen(
      sql`INSERT INTO idempotent_request (user_id, key, request_hash, expires_at)
          VALUES ('admin', ${key}, 'another', now() + interval '1 hour')`,
    );
    let waited: Answer<Figure>;
    const started = Date.now();
    try {
      waited = await send<Figure>(FIGURE, { i: figure(90) }, { key });
    } finally {
      await holder.release();
    }
    expect(Date.now() - started).toBeGreaterThanOrEqual(STATEMENT_TIMEOUT_MS - 100);
    expect(waited.errors?.[0]?.extensions).toMatchObject({ code: 'CONFLICT', reason: 'IDEMPOTENCY_KEY_IN_PROGRESS' });
    expect(await figures()).toBe(before);
    // The holder rolled back: the key is free, and the request executes.
    const executed = await send<Figure>(FIGURE, { i: figure(90) }, { key });
    expect(executed.errors).toBeUndefined();
    expect(replayed(executed)).toBe(false);
    expect(await figures()).toBe(before + 1);
  });
});

describe.skipIf(!onPostgres)('a mutation whose subgraph did not answer', () => {
  it('is reported with its outcome unknown; sent again with the same key, it is written once', async () => {
    const impatient = await impatientGateway();
    const key = randomUUID();
    const before = await figures();
    const lock = await holdOpen(LOCK_FIGURES);
    let answer: Answer<Figure>;
    try {
      answer = await send<Figure>(FIGURE, { i: figure(50) }, { key, url: impatient.graphqlUrl });
      await lock.blocked();
    } finally {
      await lock.release();
    }
    expect(answer.data).toBeNull();
    expect(answer.errors?.[0]?.extensions).toMatchObject({
      code: 'SUBGRAPH_UNAVAILABLE',
      reason: 'SUBGRAPH_OUTCOME_UNKNOWN',
      service: 'ldtbxh',
      timeoutMs: 1000,
    });
    expect(answer.errors?.[0]?.message).toBe(
      'Không rõ dữ liệu ngành Lao động - Thương binh và Xã hội đã được ghi hay chưa: dịch vụ của ngành không trả lời trong 1 giây; vui lòng gửi lại đúng yêu cầu này với cùng Idempotency-Key: dữ liệu chỉ được ghi một lần.',
    );
    // The subgraph went on once the lock was released, and committed the figure with its key.
    await until(async () => (await keysHeld('ldtbxh', key)).length === 1);
    expect(await figures()).toBe(before + 1);
    const retried = await send<Figure>(FIGURE, { i: figure(50) }, { key });
    expect(retried.errors).toBeUndefined();
    expect(replayed(retried)).toBe(true);
    expect(await figures()).toBe(before + 1);
  });

  it('leaves neither the write nor the key when its database session dies before the commit', async () => {
    const impatient = await impatientGateway();
    const key = randomUUID();
    const before = await figures();
    const lock = await holdOpen(LOCK_FIGURES);
    let answer: Answer<Figure>;
    try {
      answer = await send<Figure>(FIGURE, { i: figure(60) }, { key, url: impatient.graphqlUrl });
      // The mutation's session dies where it waits, its key claimed and its figure not yet written.
      await lock.terminate(await lock.blocked());
    } finally {
      await lock.release();
    }
    expect(answer.errors?.[0]?.extensions?.reason).toBe('SUBGRAPH_OUTCOME_UNKNOWN');
    expect(await keysHeld('ldtbxh', key)).toEqual([]);
    expect(await figures()).toBe(before);
    // The retry is executed, once.
    const retried = await send<Figure>(FIGURE, { i: figure(60) }, { key });
    expect(retried.errors).toBeUndefined();
    expect(replayed(retried)).toBe(false);
    expect(replayed(await send(FIGURE, { i: figure(60) }, { key }))).toBe(true);
    expect(await figures()).toBe(before + 1);
  });
});

/** A stand-in subgraph that reads each call and hangs up without an answer, as one dying mid-request. */
async function hangingUpSubgraph() {
  const seen: IncomingHttpHeaders[] = [];
  const server = createServer((req) => {
    seen.push(req.headers);
    req.resume();
    req.once('end', () => req.socket.destroy());
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return { server, seen, url: `http://127.0.0.1:${(server.address() as AddressInfo).port}/graphql` };
}

/** A URL nothing listens on: connections are refused. */
async function refusingUrl() {
  const server: Server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  await new Promise((resolve) => server.close(resolve));
  return `http://127.0.0.1:${port}/graphql`;
}

describe('the gateway tells a mutation never sent from one sent and not answered', () => {
  it('says so in the reason and the message, and forwards the key on mutation calls only', async () => {
    const hangingUp = await hangingUpSubgraph();
    const gateway = await startGateway({
      env: loadEnv(gatewayTestEnv()),
      subgraphUrls: { ldtbxh: hangingUp.url, health: await refusingUrl() },
    });
    extraGateways.push(gateway);
    const url = gateway.graphqlUrl;
    try {
      const key = randomUUID();
      const cut = await send(FIGURE, { i: figure(70) }, { key, url });
      expect(cut.errors?.[0]?.extensions).toMatchObject({
        code: 'SUBGRAPH_UNAVAILABLE',
        reason: 'SUBGRAPH_OUTCOME_UNKNOWN',
        service: 'ldtbxh',
      });
      expect(cut.errors?.[0]?.message).toBe(
        'Không rõ dữ liệu ngành Lao động - Thương binh và Xã hội đã được ghi hay chưa: kết nối tới dịch vụ của ngành bị ngắt trước khi có trả lời; vui lòng gửi lại đúng yêu cầu này với cùng Idempotency-Key: dữ liệu chỉ được ghi một lần.',
      );
      expect(hangingUp.seen.at(-1)?.['idempotency-key']).toBe(key);

      // Without a key the outcome is as unknown, and resending is not safe.
      const unkeyed = await send(FIGURE, { i: figure(70) }, { url });
      expect(unkeyed.errors?.[0]?.extensions?.reason).toBe('SUBGRAPH_OUTCOME_UNKNOWN');
      expect(unkeyed.errors?.[0]?.message).toMatch(/vui lòng kiểm tra dữ liệu trước khi gửi lại/);
      expect(hangingUp.seen.at(-1)?.['idempotency-key']).toBeUndefined();

      // A query cut the same way is unavailable as before, and gets no key.
      const read = await send(`{ administrativeUnit(code: "20") { name } }`, {}, { key, url });
      expect(read.errors?.[0]?.extensions).toMatchObject({ reason: 'SUBGRAPH_UNREACHABLE', service: 'ldtbxh' });
      expect(hangingUp.seen.at(-1)?.['idempotency-key']).toBeUndefined();

      // The cut mutation may have been written: its key stays bound to it, another request is refused.
      const CHILD = `mutation($input: RegisterChildInput!) { registerChild(input: $input) { id } }`;
      const child = { input: { birthDate: '2025-02-01', sex: 'MALE', communeCode: '05977' } };
      expect((await send(CHILD, child, { key, url })).errors?.[0]?.extensions?.reason).toBe('IDEMPOTENCY_KEY_REUSED');

      // A subgraph refusing the connection never got the mutation: nothing was written.
      const refused = await send(CHILD, child, { key: randomUUID(), url });
      expect(refused.errors?.[0]?.extensions).toMatchObject({ reason: 'SUBGRAPH_UNREACHABLE', service: 'health' });
      expect(refused.errors?.[0]?.message).toBe(
        'Không gửi được yêu cầu tới dịch vụ ngành Y tế: dịch vụ hiện không phản hồi; chưa có dữ liệu nào được ghi.',
      );
    } finally {
      hangingUp.server.closeAllConnections();
      await new Promise((resolve) => hangingUp.server.close(resolve));
    }
  });
});
