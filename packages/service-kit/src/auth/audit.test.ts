import { describe, expect, it } from 'vitest';

import type { RequestContext } from '../context.js';
import { createLogger } from '../logger.js';
import { createSubgraphApollo } from '../subgraph.js';
import { auditPlugin, RequestAudit, type AuditContext, type AuditRecord, type AuditStore } from './audit.js';
import type { Identity } from './identity.js';
import { LookupLimiter } from './personal-lookup.js';
import { Access, type AccessContext } from './policy.js';

/** A subgraph in miniature: personal records, an aggregate, a write and a lookup, behind the policies. */
const SDL = `
  extend schema @link(url: "https://specs.apollo.dev/federation/v2.7", import: ["@key"])
  type Query {
    record(id: ID!): Record @access(policy: "records:read")
    count: Int @access(policy: "aggregate")
    lookup(personalId: String!, purpose: String!): Record @access(policy: "personal-id:lookup")
  }
  type Mutation { write(id: ID!): Record @access(policy: "records:write") }
  type Record @access(policy: "records:read") { id: ID! communeCode: String communeValidFrom: String }
  directive @access(policy: String!) on OBJECT | FIELD_DEFINITION
`;
const row = (id: string) => ({ id, communeCode: '05977', communeValidFrom: '2025-07-01' });
const resolvers = {
  Query: {
    record: (_: unknown, { id }: { id: string }) => row(id),
    count: () => 3,
    lookup: (
      _: unknown,
      { personalId, purpose }: { personalId: string; purpose: string },
      { audit }: { audit: RequestAudit },
    ) =>
      audit.lookup({
        field: 'lookup',
        purpose,
        entityType: 'Record',
        find: () => Promise.resolve({ key: `key-of-${personalId.length}`, found: true, result: row('r9') }),
      }),
  },
  Mutation: { write: (_: unknown, { id }: { id: string }) => row(id) },
};

const ADMIN: Identity = { userId: 'admin', name: null, roles: ['admin'], sector: null, unitCode: null, agency: null };

function harness(store: AuditStore) {
  const logged: string[] = [];
  const logger = createLogger('test', 'error', { write: (line: string) => void logged.push(line) });
  const server = createSubgraphApollo<RequestContext & AccessContext & AuditContext>({
    typeDefs: SDL,
    resolvers,
    logger,
    plugins: [auditPlugin()],
  });
  const limiter = new LookupLimiter({ points: 5, windowSeconds: 60 });
  const run = async (query: string, identity = ADMIN) => {
    const access = new Access(identity, 'HEALTH');
    const audit = new RequestAudit({
      access,
      requestId: 'r-1',
      store,
      limiter,
      logger,
      subjectKeyOf: (n) => `key-of-${n.length}`,
    });
    const response = await server.executeOperation(
      { query },
      { contextValue: { identity, requestId: 'r-1', logger, access, audit } },
    );
    if (response.body.kind !== 'single') throw new Error('expected a single result');
    return response.body.singleResult;
  };
  return { run, logged };
}

const recording = () => {
  const appended: AuditRecord[][] = [];
  return {
    appended,
    store: {
      append: (records: readonly AuditRecord[]) => {
        appended.push([...records]);
        return Promise.resolve();
      },
    },
  };
};
const failing: AuditStore = {
  append: () => Promise.reject(new Error('database unreachable')),
};

describe('the audit plugin', () => {
  it('writes a READ row for personal records read, a WRITE row for a mutation, and nothing for aggregates', async () => {
    const { appended, store } = recording();
    const { run } = harness(store);
    expect((await run('query Q { record(id: "a") { id } }')).data).toEqual({ record: { id: 'a' } });
    expect((await run('{ count }')).data).toEqual({ count: 3 });
    expect((await run('mutation M { write(id: "w") { id } }')).data).toEqual({ write: { id: 'w' } });
    expect(appended).toEqual([
      [
        expect.objectContaining({
          userId: 'admin',
          requestId: 'r-1',
          operation: 'Q',
          kind: 'READ',
          rootFields: ['record'],
          entityType: 'Record',
          entityIds: ['a'],
        }),
      ],
      [
        expect.objectContaining({
          operation: 'M',
          kind: 'WRITE',
          rootFields: ['write'],
          entityType: 'Record',
          entityIds: ['w'],
          succeeded: true,
        }),
      ],
    ]);
  });

  it('gives out no personal data it could not audit, and says so', async () => {
    const { run, logged } = harness(failing);
    const result = await run('{ record(id: "a") { id } }');
    expect(result.data).toBeNull();
    expect(result.errors).toEqual([
      expect.objectContaining({ extensions: { code: 'SUBGRAPH_UNAVAILABLE', reason: 'AUDIT_UNAVAILABLE' } }),
    ]);
    expect(logged.join()).toMatch(/AUDIT LOG WRITE FAILED/);
    // Aggregates need no audit row, so they still answer.
    expect((await run('{ count }')).data).toEqual({ count: 3 });
  });

  it('answers a committed write whose row could not be written, and logs the row in full', async () => {
    const { run, logged } = harness(failing);
    expect((await run('mutation { write(id: "w") { id } }')).data).toEqual({ write: { id: 'w' } });
    expect(logged.join()).toMatch(/AUDIT LOG WRITE FAILED.*"kind":"WRITE"|"kind":"WRITE".*AUDIT LOG WRITE FAILED/);
  });

  it('answers no lookup it could not audit', async () => {
    const { run } = harness(failing);
    const result = await run('{ lookup(personalId: "020111222333", purpose: "kiểm tra") { id } }');
    expect(result.data).toEqual({ lookup: null });
    expect(result.errors![0]!.extensions).toMatchObject({ code: 'SUBGRAPH_UNAVAILABLE', reason: 'AUDIT_UNAVAILABLE' });
  });

  it('refuses a lookup asked twice in one document, by alias or through a fragment', async () => {
    const { appended, store } = recording();
    const { run } = harness(store);
    const twice = await run(
      '{ a: lookup(personalId: "1", purpose: "p") { id } ...F } fragment F on Query { lookup(personalId: "2", purpose: "p") { id } }',
    );
    expect(twice.errors![0]!.extensions).toMatchObject({
      code: 'GRAPHQL_VALIDATION_FAILED',
      reason: 'ONE_LOOKUP_PER_REQUEST',
      field: 'Query.lookup',
    });
    expect(appended).toEqual([]);
    expect((await run('{ lookup(personalId: "1", purpose: "p") { id } }')).errors).toBeUndefined();
  });

  it('audits every lookup once: answered, refused by the policy, or without a purpose', async () => {
    const { appended, store } = recording();
    const { run } = harness(store);
    const viewer: Identity = { ...ADMIN, userId: 'viewer', roles: ['viewer'], unitCode: '22' };
    expect((await run('{ lookup(personalId: "020111222333", purpose: " kiểm tra ") { id } }')).errors).toBeUndefined();
    expect(
      (await run('{ lookup(personalId: "020111222333", purpose: "tò mò") { id } }', viewer)).errors![0]!.extensions,
    ).toMatchObject({ code: 'FORBIDDEN' });
    expect(
      (await run('{ lookup(personalId: "020111222333", purpose: "  ") { id } }')).errors![0]!.extensions,
    ).toMatchObject({ reason: 'REQUIRED' });
    expect(appended.flat().map((r) => [r.userId, r.kind, r.purpose, r.subjectKeys, r.succeeded, r.errorCode])).toEqual([
      ['admin', 'LOOKUP', 'kiểm tra', ['key-of-12'], true, null],
      ['admin', 'READ', 'kiểm tra', ['key-of-12'], true, null],
      ['viewer', 'LOOKUP', 'tò mò', ['key-of-12'], false, 'ROLE_NOT_ALLOWED'],
      ['admin', 'LOOKUP', null, ['key-of-12'], false, 'REQUIRED'],
    ]);
  });
});
