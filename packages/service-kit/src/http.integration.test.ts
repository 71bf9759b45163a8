import { ApolloServer } from '@apollo/server';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';

import { identitySchema } from './auth/identity.js';
import type { RequestContext } from './context.js';
import { DateScalar } from './date-scalar.js';
import { createErrorFormatter } from './errors.js';
import { drainPlugin, startHttpService, type RunningService } from './http.js';
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
