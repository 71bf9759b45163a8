import { describe, expect, it } from 'vitest';
import { z } from 'zod';

import { execute, queryRows, sql } from '@ecd/database';
import { communesOfProvince } from '@ecd/reference-data';
import { childKeyOf, type Identity } from '@ecd/service-kit';
import { auditEventRows, subgraphCaller, useTestSubgraph } from '@ecd/test-kit';

import { loadEnv, startHealthSubgraph } from './server.js';

/**
 * The audit log of the health subgraph (Luật Bảo vệ dữ liệu cá nhân 91/2025/QH15): every write and
 * every read of children's records leaves a row with the verified person, append-only in the
 * subgraph's own database, readable by auditors only.
 */
const SECRET = 'integration-test-child-key-secret-0123456789';
const subgraph = useTestSubgraph('health-audit', (env) => startHealthSubgraph(loadEnv(env)), {
  CHILD_KEY_SECRET: SECRET,
  PERSONAL_ID_LOOKUPS_PER_WINDOW: '2',
});

const db = () => subgraph.service.client;
const auditRows = () => auditEventRows(db());
const auditCount = async () => (await auditRows()).length;

/** Calls the subgraph as the gateway does for a person (a demo user's name, or any identity), with extra headers. */
const as = subgraphCaller(() => subgraph.service.graphqlUrl, 'health');

const REGISTER = `mutation Register($input: RegisterChildInput!) { registerChild(input: $input) { id child { key } } }`;
const CHILD = `query ChildRecord($r: [_Any!]!) { _entities(representations: $r) { ... on Child { key healthRecord { id birthDate } } } }`;
const EVENTS = `query Events($userId: String, $kind: AuditEventKind, $from: String, $to: String, $first: Int, $after: String) {
  healthAuditEvents(userId: $userId, kind: $kind, from: $from, to: $to, first: $first, after: $after) {
    totalCount pageInfo { hasNextPage endCursor }
    nodes { id service at userId roles sector unitCode requestId operation kind rootFields entityType entityIds subjectKeys purpose found succeeded errorCode }
  }
}`;
type Events = {
  healthAuditEvents: {
    totalCount: number;
    pageInfo: { hasNextPage: boolean; endCursor: string | null };
    nodes: Record<string, unknown>[];
  };
};

const PERSONAL_ID = '020325000555';
const QUANG_NINH = communesOfProvince('22', '2025-07-01')[0]!.code;
const child = (personalId?: string) => ({ personalId, birthDate: '2025-01-10', sex: 'FEMALE', communeCode: '05977' });
let recordId = '';

describe('the audit log of writes', () => {
  it('writes a WRITE row with the verified person, whatever the headers say, and the number’s key, never the number', async () => {
    const response = await as<{ registerChild: { id: string } }>(
      'station.dongkinh',
      REGISTER,
      { input: child(PERSONAL_ID) },
      { 'x-user-id': 'mallory', 'x-request-id': 'spoofed-request', 'x-ecd-roles': 'admin' },
    );
    expect(response.errors).toBeUndefined();
    recordId = response.data!.registerChild.id;
    const rows = await auditRows();
    expect(rows).toHaveLength(1);
    expect(rows[0]).toMatchObject({
      service: 'health',
      user_id: 'station.dongkinh',
      roles: ['facility-staff'],
      sector: 'HEALTH',
      unit_code: '05977',
      operation: 'Register',
      kind: 'WRITE',
      root_fields: ['registerChild'],
      entity_type: 'ChildHealthRecord',
      entity_ids: [recordId],
      subject_keys: [childKeyOf(PERSONAL_ID, SECRET)],
      succeeded: true,
      error_code: null,
    });
    // The request id is the one the gateway signed, not the header's.
    expect(rows[0]!.request_id).toMatch(/^test-\d+$/);
    // The record read back by the mutation is the one written: no READ row besides the WRITE.
    const everything = await queryRows(
      db(),
      z.object({ row: z.string() }),
      sql`SELECT row_to_json(a)::text AS row FROM audit_event a`,
    );
    expect(everything.map((r) => r.row).join()).not.toMatch(/mallory|spoofed|020325000555/);
  });

  it('audits refused and failed writes too: a CONFLICT (which reveals that the number is registered) and a role without the right', async () => {
    const before = await auditCount();
    const conflict = await as('station.dongkinh', REGISTER, { input: child(PERSONAL_ID) });
    expect(conflict.errors![0]!.extensions).toMatchObject({
      code: 'CONFLICT',
      reason: 'CHILD_ALREADY_REGISTERED',
      childRecordId: recordId,
    });
    const refused = await as('viewer.quangninh', REGISTER, { input: child('020325000556') });
    expect(refused.errors![0]!.extensions).toMatchObject({ code: 'FORBIDDEN', reason: 'ROLE_NOT_ALLOWED' });
    const rows = (await auditRows()).slice(before);
    expect(rows.map((r) => [r.user_id, r.kind, r.succeeded, r.error_code, r.entity_ids, r.subject_keys])).toEqual([
      ['station.dongkinh', 'WRITE', false, 'CHILD_ALREADY_REGISTERED', [], [childKeyOf(PERSONAL_ID, SECRET)]],
      ['viewer.quangninh', 'WRITE', false, 'ROLE_NOT_ALLOWED', [], [childKeyOf('020325000556', SECRET)]],
    ]);
  });

  it('gives the existing record’s id in a CONFLICT only to whom may see it, and counts such answers against the person’s lookups', async () => {
    // A health officer of another province: allowed to register, the number's record is outside their territory.
    const officer: Identity = {
      userId: 'health.probe',
      name: null,
      roles: ['sector-officer'],
      sector: 'HEALTH',
      unitCode: '22',
      agency: null,
    };
    const quangNinh = { ...child(PERSONAL_ID), communeCode: QUANG_NINH };
    const first = await as(officer, REGISTER, { input: quangNinh });
    expect(first.errors![0]!.extensions).toMatchObject({ code: 'CONFLICT', reason: 'CHILD_ALREADY_REGISTERED' });
    expect(first.errors![0]!.extensions).not.toHaveProperty('childRecordId');
    await as(officer, REGISTER, { input: quangNinh });
    // Two registrations with a number (here both revealing) used the window's two lookups: no registration with a number is answered now.
    const limited = await as(officer, REGISTER, { input: { ...quangNinh, personalId: '022325000999' } });
    expect(limited.errors![0]!.extensions).toMatchObject({ code: 'RATE_LIMITED', reason: 'LOOKUP_RATE_LIMITED' });
    expect(
      await queryRows(
        db(),
        z.record(z.string(), z.unknown()),
        sql`SELECT 1 FROM child_record WHERE commune_code = ${QUANG_NINH}`,
      ),
    ).toEqual([]);
    // Without a number, and for other people, registering goes on.
    expect((await as(officer, REGISTER, { input: { ...quangNinh, personalId: undefined } })).errors).toBeUndefined();
    const colleague: Identity = {
      userId: 'station.colleague',
      name: null,
      roles: ['facility-staff'],
      sector: 'HEALTH',
      unitCode: '05977',
      agency: null,
    };
    expect((await as(colleague, REGISTER, { input: child('020325000557') })).errors).toBeUndefined();
  });
});

describe('the audit log of reads', () => {
  it('writes a READ row naming the child records read, and nothing for aggregates', async () => {
    const before = await auditCount();
    const key = childKeyOf(PERSONAL_ID, SECRET);
    const response = await as<{ _entities: { healthRecord: { id: string } }[] }>('station.dongkinh', CHILD, {
      r: [{ __typename: 'Child', key }],
    });
    expect(response.errors).toBeUndefined();
    expect(response.data!._entities[0]!.healthRecord.id).toBe(recordId);
    const rows = (await auditRows()).slice(before);
    expect(rows).toHaveLength(1);
    expect(rows[0]).toMatchObject({
      user_id: 'station.dongkinh',
      kind: 'READ',
      operation: 'ChildRecord',
      root_fields: ['_entities'],
      entity_type: 'ChildHealthRecord',
      entity_ids: [recordId],
      succeeded: true,
    });

    const aggregates = await as(
      'health.langson',
      `{ _entities(representations: [{ __typename: "AdministrativeUnit", code: "20", validFrom: "2025-07-01" }]) { ... on AdministrativeUnit { healthStationCount } } }`,
    );
    expect(aggregates.errors).toBeUndefined();
    const unknownChild = await as('station.dongkinh', CHILD, { r: [{ __typename: 'Child', key: 'unknown-key' }] });
    expect(unknownChild.errors).toBeUndefined();
    expect(await auditCount()).toBe(before + 1);
  });
});

describe('the audit log itself', () => {
  it('refuses UPDATE, DELETE and TRUNCATE at the database, whoever asks', async () => {
    const before = await auditRows();
    await expect(execute(db(), sql`UPDATE audit_event SET user_id = 'someone-else'`)).rejects.toThrow(/append-only/);
    await expect(execute(db(), sql`DELETE FROM audit_event WHERE user_id = 'station.dongkinh'`)).rejects.toThrow(
      /append-only/,
    );
    await expect(execute(db(), sql`DELETE FROM audit_event WHERE false`)).rejects.toThrow(/append-only/);
    await expect(execute(db(), sql`TRUNCATE audit_event`)).rejects.toThrow(/append-only/);
    expect(await auditRows()).toEqual(before);
  });

  it('is read by auditors through healthAuditEvents, newest first, by person, kind and time, page by page', async () => {
    const all = await as<Events>('auditor', EVENTS, {});
    expect(all.errors).toBeUndefined();
    const rows = await auditRows();
    expect(all.data!.healthAuditEvents.totalCount).toBe(rows.length);
    expect(all.data!.healthAuditEvents.nodes.map((n) => n.id)).toEqual(rows.map((r) => String(r.id)).reverse());
    const newest = rows.at(-1)!;
    expect(all.data!.healthAuditEvents.nodes[0]).toMatchObject({
      service: 'health',
      userId: newest.user_id,
      kind: newest.kind,
      requestId: newest.request_id,
    });

    const reads = await as<Events>('auditor', EVENTS, { userId: 'station.dongkinh', kind: 'READ' });
    expect(reads.data!.healthAuditEvents.nodes).toEqual([
      expect.objectContaining({
        userId: 'station.dongkinh',
        roles: ['facility-staff'],
        unitCode: '05977',
        kind: 'READ',
        entityType: 'ChildHealthRecord',
        entityIds: [recordId],
        succeeded: true,
        errorCode: null,
      }),
    ]);
    expect(Date.parse(reads.data!.healthAuditEvents.nodes[0]!.at as string)).toBeGreaterThan(Date.now() - 600_000);

    const firstPage = await as<Events>('auditor', EVENTS, { first: 2 });
    expect(firstPage.data!.healthAuditEvents.pageInfo.hasNextPage).toBe(true);
    const secondPage = await as<Events>('auditor', EVENTS, {
      first: 2,
      after: firstPage.data!.healthAuditEvents.pageInfo.endCursor,
    });
    expect(secondPage.data!.healthAuditEvents.nodes.map((n) => n.id)).toEqual(
      all.data!.healthAuditEvents.nodes.slice(2, 4).map((n) => n.id),
    );

    const future = await as<Events>('auditor', EVENTS, { from: '2099-01-01' });
    expect(future.data!.healthAuditEvents.totalCount).toBe(0);
    const past = await as<Events>('auditor', EVENTS, { to: new Date(Date.now() + 60_000).toISOString() });
    expect(past.data!.healthAuditEvents.totalCount).toBe(rows.length);
    const wrong = await as('auditor', EVENTS, { from: 'last week' });
    expect(wrong.errors![0]!.extensions).toMatchObject({
      code: 'BAD_USER_INPUT',
      field: 'from',
      reason: 'INVALID_DATE_TIME',
    });
  });

  it('is refused to everyone but auditors (and admins)', async () => {
    for (const user of ['viewer.quangninh', 'health.langson', 'station.dongkinh', 'lead.langson']) {
      const response = await as(user, EVENTS, {});
      expect(response.errors?.[0]?.extensions, user).toMatchObject({ code: 'FORBIDDEN', reason: 'ROLE_NOT_ALLOWED' });
      expect(response.data ?? null).toBeNull();
    }
    expect((await as('admin', EVENTS, {})).errors).toBeUndefined();
  });
});
