import { execFile } from 'node:child_process';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { promisify } from 'node:util';
import { ApolloServer } from '@apollo/server';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';

import { identitySchema } from './auth/identity.js';
import type { RequestContext } from './context.js';
import { DateScalar } from './date-scalar.js';
import { createErrorFormatter } from './errors.js';
import { drainPlugin, KEEP_ALIVE_TIMEOUT_MS, startHttpService, type RunningService } from './http.js';
import { inputSafetyPlugin } from './input-safety.js';
import { createLogger } from './logger.js';

// Everything the service logs, line by line, as the log file would hold it.
const lines: string[] = [];
const logger = createLogger('http-test', 'info', { write: (line: string) => void lines.push(line) });
const PERSONAL_NUMBER = '020123456789';

let service: RunningService;

beforeAll(async () => {
  service = await startHttpService<RequestContext>({
    name: 'http-test',
    logger,
    host: '127.0.0.1',
    port: 0,
    authenticate: (req) => {
      // A middleware failing unexpectedly, carrying what it read (as body-parser's errors do).
      if (req.headers['x-fail'])
        return Promise.reject(
          Object.assign(new Error(`lookup of ${PERSONAL_NUMBER} failed`), { body: { personalId: PERSONAL_NUMBER } }),
        );
      return Promise.resolve({
        identity: identitySchema.parse({ userId: 'tester', roles: ['admin'] }),
        requestId: 'req-1',
      });
    },
    apollo: (httpServer) =>
      new ApolloServer<RequestContext>({
        typeDefs: 'scalar Date type Query { echo(text: String, amount: Float, count: Int, day: Date): String }',
        resolvers: { Date: DateScalar, Query: { echo: (_: unknown, args: object) => JSON.stringify(args) } },
        logger,
        includeStacktraceInErrorResponses: false,
        formatError: createErrorFormatter(logger),
        plugins: [inputSafetyPlugin, drainPlugin(httpServer)],
      }),
    context: (base) => base,
  });
});
afterAll(() => service?.close());
beforeEach(() => {
  lines.length = 0;
});

async function post(body: string, headers: Record<string, string> = {}) {
  const response = await fetch(service.graphqlUrl, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...headers },
    body,
  });
  const text = await response.text();
  expect(response.headers.get('content-type'), text).toMatch(/^application\/json/);
  return {
    status: response.status,
    body: JSON.parse(text) as { errors?: { message: string; extensions: Record<string, unknown> }[]; data?: unknown },
  };
}

/** Every line the service wrote is one JSON object; none holds a personal number or a request body. */
function logged(): Record<string, unknown>[] {
  for (const line of lines) expect(line).not.toContain(PERSONAL_NUMBER);
  return lines.map((line) => JSON.parse(line) as Record<string, unknown>);
}

describe('every HTTP answer is a GraphQL JSON error', () => {
  it('answers a body over the limit with 413 and reason PAYLOAD_TOO_LARGE', async () => {
    const { status, body } = await post(JSON.stringify({ query: `{ echo(text: "${'x'.repeat(6 * 1024 * 1024)}") }` }));
    expect(status).toBe(413);
    expect(body.errors![0]).toMatchObject({
      message: expect.stringMatching(/quá lớn/),
      extensions: { code: 'BAD_REQUEST', reason: 'PAYLOAD_TOO_LARGE' },
    });
    expect(logged()).toContainEqual(expect.objectContaining({ reason: 'PAYLOAD_TOO_LARGE', status: 413 }));
  });

  it('answers malformed JSON with 400 and reason MALFORMED_JSON, logging neither the body nor the number it quotes', async () => {
    for (const malformed of [
      `{"query": "{ echo }", "variables": {"personalId": "${PERSONAL_NUMBER}"}, `,
      `"${PERSONAL_NUMBER}"`,
    ]) {
      const { status, body } = await post(malformed);
      expect(status).toBe(400);
      expect(body.errors![0]).toMatchObject({
        message: expect.stringMatching(/JSON/),
        extensions: { code: 'BAD_REQUEST', reason: 'MALFORMED_JSON' },
      });
      expect(JSON.stringify(body)).not.toContain(PERSONAL_NUMBER);
    }
    const refused = logged().filter((line) => line.reason === 'MALFORMED_JSON');
    expect(refused).toHaveLength(2);
    // body-parser's message quotes the text it failed on: it is not logged.
    for (const line of refused) expect(line).not.toHaveProperty('detail');
  });

  it('answers any other error with 500 and reason UNEXPECTED_ERROR, logged as one JSON line without the body', async () => {
    const { status, body } = await post(JSON.stringify({ query: '{ echo }' }), { 'x-fail': '1' });
    expect(status).toBe(500);
    expect(body.errors![0]).toMatchObject({
      extensions: { code: 'INTERNAL_SERVER_ERROR', reason: 'UNEXPECTED_ERROR' },
    });
    expect(JSON.stringify(body)).not.toMatch(/lookup|at /);
    const [line] = logged().filter((l) => l.msg === 'unexpected error');
    expect(line).toMatchObject({
      level: 50,
      path: '/graphql',
      err: { message: 'lookup of [redacted] failed', body: '[redacted]' },
    });
  });

  it('answers an unknown path with 404 JSON', async () => {
    for (const [method, path] of [
      ['GET', '/nope'],
      ['POST', '/graphiql'],
      ['DELETE', '/health'],
    ] as const) {
      const response = await fetch(`${service.url}${path}`, { method });
      expect(response.status).toBe(404);
      expect(response.headers.get('content-type')).toMatch(/^application\/json/);
      expect(await response.json()).toMatchObject({
        errors: [{ extensions: { code: 'NOT_FOUND', reason: 'UNKNOWN_ROUTE' } }],
      });
    }
  });

  it('refuses hostile literals and variables as BAD_USER_INPUT with HTTP 400, before any resolver runs', async () => {
    // Literals graphql-js validation refuses first (an Int beyond floating point, a Date the scalar
    // refuses) are located by line and column; the others name their input.
    const cases: [string, Record<string, unknown>, string | undefined, string][] = [
      ['{ echo(amount: 1e309) }', {}, 'amount', 'NUMBER_OUT_OF_RANGE'],
      ['{ echo(count: 1e309) }', {}, undefined, 'NUMBER_OUT_OF_RANGE'],
      ['{ echo(text: "a\\u0000b") }', {}, 'text', 'NUL_CHARACTER'],
      ['{ echo(day: "0000-01-01") }', {}, undefined, 'INVALID_DATE'],
      ['{ echo(day: "2021-02-30") }', {}, undefined, 'INVALID_DATE'],
      ['query($t: String) { echo(text: $t) }', { t: 'a\u0000b' }, 't', 'NUL_CHARACTER'],
      ['query($d: Date) { echo(day: $d) }', { d: '0000-01-01' }, 'd', 'INVALID_DATE'],
    ];
    for (const [query, variables, field, reason] of cases) {
      const { status, body } = await post(JSON.stringify({ query, variables }));
      expect(status, query).toBe(400);
      expect(body.data, query).toBeUndefined();
      expect(body.errors, query).toHaveLength(1);
      expect(body.errors![0], query).toMatchObject({
        message: expect.stringMatching(/^(Giá trị|Ngày)/),
        extensions: { code: 'BAD_USER_INPUT', reason },
      });
      expect(body.errors![0]!.extensions.field, query).toBe(field);
    }
    // The variable 1e309, which JSON.parse reads as Infinity.
    const { status, body } = await post(
      '{"query": "query($a: Float) { echo(amount: $a) }", "variables": {"a": 1e309}}',
    );
    expect(status).toBe(400);
    expect(body.errors![0]!.extensions).toMatchObject({
      code: 'BAD_USER_INPUT',
      field: 'a',
      reason: 'NUMBER_OUT_OF_RANGE',
    });
    expect((await post(JSON.stringify({ query: '{ echo(day: "2024-02-29", amount: 1.5) }' }))).body).toEqual({
      data: { echo: '{"amount":1.5,"day":"2024-02-29T00:00:00.000Z"}' },
    });
  });
});

interface Outcome {
  status?: number;
  error?: string;
  /** The request went out on a connection kept alive from the previous one. */
  reused: boolean;
  keepAlive?: string | null;
}

/**
 * A client like the gateway's (keep-alive, no idle timeout of its own: make-fetch-happen's @npmcli/agent)
 * in a process of its own: it sends a GET, idles `idleMs` with its event loop blocked, as a gateway busy
 * building a large answer is, then sends the next GET at once. That one goes out on the kept-alive socket
 * before the client could notice whether the server closed it meanwhile: the keep-alive race, made certain.
 */
async function reuseAfterIdle(url: string, idleMs: number): Promise<{ first: Outcome; second: Outcome }> {
  const client = `
    const http = require('node:http');
    const [url, idleMs] = process.argv.slice(1);
    const agent = new http.Agent({ keepAlive: true, maxSockets: 1 });
    const get = () => new Promise((resolve) => {
      const req = http.get(url, { agent }, (res) => {
        res.resume();
        res.on('end', () => resolve({ status: res.statusCode, reused: req.reusedSocket, keepAlive: res.headers['keep-alive'] ?? null }));
      });
      req.on('error', (error) => resolve({ error: error.code ?? error.message, reused: req.reusedSocket }));
    });
    get().then((first) => setTimeout(() => {
      Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, Number(idleMs));
      get().then((second) => { console.log(JSON.stringify({ first, second })); agent.destroy(); });
    }, 50));
  `;
  const { stdout } = await promisify(execFile)(process.execPath, ['-e', client, url, String(idleMs)]);
  return JSON.parse(stdout) as { first: Outcome; second: Outcome };
}

describe('kept-alive connections', () => {
  it('a client reusing a connection the server closed while it was busy gets ECONNRESET (the race itself)', async () => {
    const server = createServer((_req, res) => res.end('ok'));
    // 2 s: a hint of `timeout=1` would make Node's agent not keep the socket at all.
    server.keepAliveTimeout = 2_000;
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    try {
      const { port } = server.address() as AddressInfo;
      expect(await reuseAfterIdle(`http://127.0.0.1:${port}/`, 3_000)).toEqual({
        first: { status: 200, reused: false, keepAlive: 'timeout=2' },
        second: { error: 'ECONNRESET', reused: true },
      });
    } finally {
      server.close();
    }
  });

  it('keeps an idle connection open past Node’s 5 s default, announcing how long, so the same client succeeds', async () => {
    expect(await reuseAfterIdle(`${service.url}/health`, 6_000)).toMatchObject({
      first: { status: 200, reused: false, keepAlive: `timeout=${KEEP_ALIVE_TIMEOUT_MS / 1000}` },
      second: { status: 200, reused: true },
    });
  });
});
