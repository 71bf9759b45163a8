import { afterAll, beforeAll, describe, expect, it } from 'vitest';

import { userToken, type Federation } from '@ecd/test-kit';

import { startTestFederation } from './federation.test-fixture.js';

/**
 * The audit logs through the gateway: each sector's log answers the auditor under its own query name,
 * one gateway request is followed across sectors by its request id, and a second lookup by personal
 * number in one request is refused before any subgraph is asked.
 */
let federation: Federation;

beforeAll(async () => {
  federation = await startTestFederation({ seedDemo: false });
});

afterAll(() => federation?.close());

const as = async <T = Record<string, unknown>>(user: string, query: string, variables: Record<string, unknown> = {}) =>
  federation.query<T>(query, variables, { authorization: `Bearer ${await userToken(user)}` });

/** One request as `user`, sending `x-request-id: clientRequestId`: its answer and the request id the gateway answered with. */
async function withRequestId<T>(
  user: string,
  query: string,
  variables: Record<string, unknown>,
  clientRequestId: string,
) {
  const response = await fetch(federation.gateway.graphqlUrl, {
    method: 'POST',
    headers: {
      'content-type': 'application/json',
      authorization: `Bearer ${await userToken(user)}`,
      'x-request-id': clientRequestId,
    },
    body: JSON.stringify({ query, variables }),
  });
  const body = (await response.json()) as { data?: T; errors?: unknown[] };
  return { ...body, requestId: response.headers.get('x-request-id') };
}

const ALL_LOGS = `query Logs($requestId: String) {
  socialAffairsAuditEvents(requestId: $requestId) { totalCount nodes { service userId kind purpose found entityType } }
  healthAuditEvents(requestId: $requestId) { totalCount nodes { service userId kind purpose entityType entityIds } }
  educationAuditEvents(requestId: $requestId) { totalCount }
  cultureAuditEvents(requestId: $requestId) { totalCount }
}`;
type Logs = {
  socialAffairsAuditEvents: { totalCount: number; nodes: Record<string, unknown>[] };
  healthAuditEvents: { totalCount: number; nodes: Record<string, unknown>[] };
  educationAuditEvents: { totalCount: number };
  cultureAuditEvents: { totalCount: number };
};

describe('the audit logs through the gateway', () => {
  it('follows one lookup across sectors by the request id the gateway answered with, for the auditor only', async () => {
    const registered = await as<{ registerChild: { id: string } }>(
      'station.dongkinh',
      `mutation($input: RegisterChildInput!) { registerChild(input: $input) { id } }`,
      {
        input: { personalId: '020325000888', birthDate: '2025-02-01', sex: 'MALE', communeCode: '05977' },
      },
    );
    expect(registered.errors).toBeUndefined();
    const recordId = registered.data!.registerChild.id;

    // The client's own id (here another person's, say) is only logged: the gateway files the request under its own.
    const lookup = await withRequestId<{ childByPersonalId: { healthRecord: { id: string } } }>(
      'station.dongkinh',
      `query Lookup($personalId: String!, $purpose: String!) { childByPersonalId(personalId: $personalId, purpose: $purpose) { key healthRecord { id } } }`,
      { personalId: '020325000888', purpose: 'Khám sàng lọc tại trạm' },
      'audit-lookup-1',
    );
    expect(lookup.errors).toBeUndefined();
    expect(lookup.data!.childByPersonalId.healthRecord).toEqual({ id: recordId });
    expect(lookup.requestId).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/);

    const filedUnderClients = await as<Logs>('auditor', ALL_LOGS, { requestId: 'audit-lookup-1' });
    expect(filedUnderClients.errors).toBeUndefined();
    expect(Object.values(filedUnderClients.data!).map((log: { totalCount: number }) => log.totalCount)).toEqual([
      0, 0, 0, 0,
    ]);

    const logs = await as<Logs>('auditor', ALL_LOGS, { requestId: lookup.requestId });
    expect(logs.errors).toBeUndefined();
    expect(logs.data).toEqual({
      socialAffairsAuditEvents: {
        totalCount: 1,
        nodes: [
          {
            service: 'ldtbxh',
            userId: 'station.dongkinh',
            kind: 'LOOKUP',
            purpose: 'Khám sàng lọc tại trạm',
            found: false,
            entityType: 'Child',
          },
        ],
      },
      healthAuditEvents: {
        totalCount: 1,
        nodes: [
          {
            service: 'health',
            userId: 'station.dongkinh',
            kind: 'READ',
            purpose: null,
            entityType: 'ChildHealthRecord',
            entityIds: [recordId],
          },
        ],
      },
      educationAuditEvents: { totalCount: 0 },
      cultureAuditEvents: { totalCount: 0 },
    });

    const refused = await as<Logs>('viewer.quangninh', ALL_LOGS, {});
    expect(refused.errors!.map((e) => e.extensions?.code)).toEqual([
      'FORBIDDEN',
      'FORBIDDEN',
      'FORBIDDEN',
      'FORBIDDEN',
    ]);
    expect(JSON.stringify(refused.data)).not.toContain('station.dongkinh');
  });

  it('refuses a second lookup by personal number in one request at the gateway, before any sector is asked', async () => {
    const before = (await as<Logs>('auditor', ALL_LOGS, {})).data!.socialAffairsAuditEvents.totalCount;
    const twice = await as(
      'caseworker.langson',
      `{ a: childByPersonalId(personalId: "020111000001", purpose: "x") { key } b: childByPersonalId(personalId: "020111000002", purpose: "x") { key } }`,
    );
    expect(twice.status).toBe(400);
    expect(twice.errors![0]!.extensions).toMatchObject({
      code: 'GRAPHQL_VALIDATION_FAILED',
      reason: 'ONE_LOOKUP_PER_REQUEST',
    });
    expect((await as<Logs>('auditor', ALL_LOGS, {})).data!.socialAffairsAuditEvents.totalCount).toBe(before);
  });
});
