import { describe, expect, it } from 'vitest';
import { z } from 'zod';

import { queryRows, sql } from '@ecd/database';
import { childKeyOf, DEVELOPMENT_CHILD_KEY_SECRET, type Identity } from '@ecd/service-kit';
import { auditEventRows, gatewayToken, rowCount, subgraphCaller, useTestSubgraph } from '@ecd/test-kit';

import { loadEnv, startLdtbxhSubgraph } from './server.js';

/**
 * The lookup by personal identification number (Luật Bảo vệ dữ liệu cá nhân 91/2025/QH15): only the
 * roles that need it, one number per request, a stated purpose, a limit per person, and a LOOKUP row
 * in the audit log for every lookup — never the number itself.
 */
const LIMIT = 3;
const subgraph = useTestSubgraph('ldtbxh-lookup', (env) => startLdtbxhSubgraph(loadEnv(env)), {
  PERSONAL_ID_LOOKUPS_PER_WINDOW: String(LIMIT),
  PERSONAL_ID_LOOKUP_WINDOW_SECONDS: '600',
});

const db = () => subgraph.service.client;
const auditRows = () => auditEventRows(db());
const auditCount = async () => (await auditRows()).length;

const caseWorker = (userId: string): Identity => ({
  userId,
  name: null,
  roles: ['case-worker'],
  sector: 'LDTBXH',
  unitCode: '20',
  agency: null,
});

const as = subgraphCaller(() => subgraph.service.graphqlUrl, 'ldtbxh');

const LOOKUP = `query Lookup($personalId: String!, $purpose: String!) { childByPersonalId(personalId: $personalId, purpose: $purpose) { key } }`;
type Lookup = { childByPersonalId: { key: string } | null };
const NUMBER = '020999888777';
const PURPOSE = 'Xác minh tin báo trẻ bị bỏ mặc, vụ việc số 12/2026';

describe('a lookup by personal identification number', () => {
  it('answers a case worker who states a purpose, and audits it with the purpose, the key and whether anything was found, never the number', async () => {
    const first = await as<Lookup>('caseworker.langson', LOOKUP, { personalId: NUMBER, purpose: `  ${PURPOSE} ` });
    expect(first.errors).toBeUndefined();
    const key = childKeyOf(NUMBER, DEVELOPMENT_CHILD_KEY_SECRET);
    expect(first.data!.childByPersonalId).toEqual({ key });
    expect(await auditRows()).toEqual([
      expect.objectContaining({
        user_id: 'caseworker.langson',
        kind: 'LOOKUP',
        root_fields: ['childByPersonalId'],
        entity_type: 'Child',
        entity_ids: [],
        purpose: PURPOSE,
        subject_keys: [key],
        found: false,
        succeeded: true,
        error_code: null,
      }),
    ]);

    const sent = await as<{ sendReferral: { id: string } }>(
      'caseworker.langson',
      `mutation($i: SendReferralInput!) { sendReferral(input: $i) { id } }`,
      {
        i: {
          personalId: NUMBER,
          unitCode: '05977',
          fromSector: 'SOCIAL_AFFAIRS',
          fromService: 'Bảo vệ trẻ em',
          toSector: 'HEALTH',
          toService: 'Trạm y tế',
          reason: 'Nghi bị bỏ mặc',
        },
      },
    );
    expect(sent.errors).toBeUndefined();
    const referralId = sent.data!.sendReferral.id;
    const before = await auditCount();
    const second = await as<{ childByPersonalId: { referrals: { id: string; status: string }[] } }>(
      'caseworker.langson',
      `query($personalId: String!, $purpose: String!) { childByPersonalId(personalId: $personalId, purpose: $purpose) { referrals { id status } } }`,
      { personalId: NUMBER, purpose: 'Theo dõi chuyển tuyến' },
    );
    expect(second.data!.childByPersonalId.referrals).toEqual([{ id: referralId, status: 'SENT' }]);
    // The lookup, then the referral it read, with the lookup's purpose.
    expect((await auditRows()).slice(before)).toEqual([
      expect.objectContaining({
        kind: 'LOOKUP',
        purpose: 'Theo dõi chuyển tuyến',
        subject_keys: [key],
        found: true,
        succeeded: true,
      }),
      expect.objectContaining({
        kind: 'READ',
        root_fields: ['childByPersonalId'],
        entity_type: 'Referral',
        entity_ids: [referralId],
        purpose: 'Theo dõi chuyển tuyến',
      }),
    ]);
    const everything = await queryRows(
      db(),
      z.object({ row: z.string() }),
      sql`SELECT row_to_json(a)::text AS row FROM audit_event a`,
    );
    expect(everything.map((r) => r.row).join()).not.toContain(NUMBER);
  });

  it('refuses a second number in the same request, by alias, by fragment or in a batch, before anything is looked up', async () => {
    const before = await auditCount();
    const documents = [
      `{ a: childByPersonalId(personalId: "020111000001", purpose: "x") { key } b: childByPersonalId(personalId: "020111000002", purpose: "x") { key } }`,
      `{ childByPersonalId(personalId: "020111000001", purpose: "x") { key } ...More } fragment More on Query { again: childByPersonalId(personalId: "020111000002", purpose: "x") { key } }`,
      `query One { childByPersonalId(personalId: "020111000001", purpose: "x") { key } } query Two { childByPersonalId(personalId: "020111000002", purpose: "x") { key } }`,
    ];
    for (const document of documents) {
      const response = await as(caseWorker('caseworker.aliases'), document, {});
      expect(response.status, document).toBe(400);
      expect(response.data ?? null).toBeNull();
      expect(response.errors![0]!.extensions, document).toMatchObject({
        code: 'GRAPHQL_VALIDATION_FAILED',
        reason: 'ONE_LOOKUP_PER_REQUEST',
        field: 'Query.childByPersonalId',
      });
      expect(response.errors![0]!.message).toMatch(/một số định danh cá nhân/);
    }
    const batch = await fetch(subgraph.service.graphqlUrl, {
      method: 'POST',
      headers: {
        'content-type': 'application/json',
        authorization: `Bearer ${await gatewayToken(caseWorker('caseworker.aliases'), 'ldtbxh')}`,
      },
      body: JSON.stringify([
        { query: LOOKUP, variables: { personalId: '020111000001', purpose: 'x' } },
        { query: LOOKUP, variables: { personalId: '020111000002', purpose: 'x' } },
      ]),
    });
    expect(batch.status).toBe(400);
    expect(await auditCount()).toBe(before);
    // One lookup in a request is fine, even with the same fragment spread twice.
    const once = await as<Lookup>(
      caseWorker('caseworker.aliases'),
      `{ ...F ...F } fragment F on Query { childByPersonalId(personalId: "020111000001", purpose: "x") { key } }`,
    );
    expect(once.errors).toBeUndefined();
  });

  it('refuses the roles that do not need it, and audits the attempts', async () => {
    const before = await auditCount();
    const users = ['viewer.quangninh', 'lead.langson', 'health.langson', 'auditor'];
    for (const user of users) {
      const response = await as<Lookup>(user, LOOKUP, { personalId: NUMBER, purpose: PURPOSE });
      expect(response.errors![0]!.extensions, user).toMatchObject({ code: 'FORBIDDEN', reason: 'ROLE_NOT_ALLOWED' });
      expect(response.data?.childByPersonalId ?? null).toBeNull();
    }
    const key = childKeyOf(NUMBER, DEVELOPMENT_CHILD_KEY_SECRET);
    expect(
      (await auditRows())
        .slice(before)
        .map((r) => [r.user_id, r.kind, r.purpose, r.subject_keys, r.found, r.succeeded, r.error_code]),
    ).toEqual(users.map((user) => [user, 'LOOKUP', PURPOSE, [key], null, false, 'ROLE_NOT_ALLOWED']));
    expect(
      (await as<Lookup>('station.dongkinh', LOOKUP, { personalId: NUMBER, purpose: PURPOSE })).errors,
    ).toBeUndefined();
  });

  it('requires a purpose of at most 500 characters, and audits the attempts without one', async () => {
    const user = caseWorker('caseworker.purpose');
    const before = await auditCount();
    const missing = await as(user, `{ childByPersonalId(personalId: "${NUMBER}") { key } }`);
    expect(missing.errors![0]!.extensions).toMatchObject({ code: 'GRAPHQL_VALIDATION_FAILED' });
    expect(await auditCount()).toBe(before);
    expect((await as(user, LOOKUP, { personalId: NUMBER, purpose: '   ' })).errors![0]!.extensions).toMatchObject({
      code: 'BAD_USER_INPUT',
      field: 'purpose',
      reason: 'REQUIRED',
    });
    expect(
      (await as(user, LOOKUP, { personalId: NUMBER, purpose: 'ụ'.repeat(501) })).errors![0]!.extensions,
    ).toMatchObject({ code: 'BAD_USER_INPUT', field: 'purpose', reason: 'TOO_LONG' });
    expect(
      (await auditRows())
        .slice(before)
        .map((r) => [r.user_id, r.kind, r.purpose?.length ?? null, r.succeeded, r.error_code]),
    ).toEqual([
      ['caseworker.purpose', 'LOOKUP', null, false, 'REQUIRED'],
      ['caseworker.purpose', 'LOOKUP', 500, false, 'TOO_LONG'],
    ]);
    expect((await as(user, LOOKUP, { personalId: NUMBER, purpose: 'ụ'.repeat(500) })).errors).toBeUndefined();
  });

  it(`limits each person to ${LIMIT} lookups per window, malformed numbers included, and audits the refusals; others go on`, async () => {
    const user = caseWorker('caseworker.busy');
    expect((await as(user, LOOKUP, { personalId: '12345', purpose: PURPOSE })).errors![0]!.extensions).toMatchObject({
      code: 'BAD_USER_INPUT',
      reason: 'INVALID_PERSONAL_ID',
    });
    for (let i = 1; i < LIMIT; i++)
      expect((await as(user, LOOKUP, { personalId: `02011100000${i}`, purpose: PURPOSE })).errors).toBeUndefined();
    const limited = await as<Lookup>(user, LOOKUP, { personalId: '020111000009', purpose: PURPOSE });
    expect(limited.data?.childByPersonalId ?? null).toBeNull();
    const error = limited.errors![0]!;
    expect(error.extensions).toMatchObject({
      code: 'RATE_LIMITED',
      reason: 'LOOKUP_RATE_LIMITED',
      limit: LIMIT,
      windowSeconds: 600,
    });
    expect(error.extensions!.retryAfterSeconds).toBeGreaterThan(500);
    expect(error.message).toMatch(/thử lại sau \d+ giây/);

    expect(
      (await as(caseWorker('caseworker.other'), LOOKUP, { personalId: '020111000009', purpose: PURPOSE })).errors,
    ).toBeUndefined();
    const rows = (await auditRows()).filter((r) => r.user_id === 'caseworker.busy');
    expect(rows.map((r) => [r.kind, r.succeeded, r.error_code, r.purpose])).toEqual([
      ['LOOKUP', false, 'INVALID_PERSONAL_ID', PURPOSE],
      ...Array.from({ length: LIMIT - 1 }, () => ['LOOKUP', true, null, PURPOSE]),
      ['LOOKUP', false, 'LOOKUP_RATE_LIMITED', PURPOSE],
    ]);
    // The refused lookup still names the number tried, by its key.
    expect(rows.at(-1)!.subject_keys).toEqual([childKeyOf('020111000009', DEVELOPMENT_CHILD_KEY_SECRET)]);
  });

  it('counts every write that takes a personal number against the same limit: refused RATE_LIMITED once it is used up, writing nothing', async () => {
    const SEND = `mutation($i: SendReferralInput!) { sendReferral(input: $i) { id child { key } } }`;
    const CASE = `mutation($i: ProtectionCaseInput!) { recordProtectionCase(input: $i) { id child { key } } }`;
    const send = (personalId: string) => ({
      i: {
        personalId,
        unitCode: '05977',
        fromSector: 'SOCIAL_AFFAIRS',
        fromService: 'Bảo vệ trẻ em',
        toSector: 'HEALTH',
        toService: 'Trạm y tế',
        reason: 'Nghi bị bỏ mặc',
      },
    });
    const protectionCase = (personalId: string) => ({
      i: { personalId, kind: 'NEGLECT', reportedOn: '2026-01-05', communeCode: '05977' },
    });
    const rows = (table: string) => rowCount(db(), table);

    // Lookups use up the writes' allowance...
    const looker = caseWorker('caseworker.spent');
    for (let i = 1; i <= LIMIT; i++)
      expect(
        (await as<Lookup>(looker, LOOKUP, { personalId: `02022200000${i}`, purpose: PURPOSE })).errors,
      ).toBeUndefined();
    const before = {
      referral: await rows('referral'),
      referral_event: await rows('referral_event'),
      protection_case: await rows('protection_case'),
    };
    for (const [query, variables] of [
      [SEND, send('020222000009')],
      [CASE, protectionCase('020222000009')],
    ] as const) {
      const limited = await as(looker, query, variables);
      expect(limited.errors![0]!.extensions, query).toMatchObject({
        code: 'RATE_LIMITED',
        reason: 'LOOKUP_RATE_LIMITED',
        limit: LIMIT,
      });
      expect(limited.data ?? null).toBeNull();
    }
    expect({
      referral: await rows('referral'),
      referral_event: await rows('referral_event'),
      protection_case: await rows('protection_case'),
    }).toEqual(before);
    // ... each refused write audited as a WRITE naming the number's key.
    const key = childKeyOf('020222000009', DEVELOPMENT_CHILD_KEY_SECRET);
    expect(
      (await auditRows())
        .filter((r) => r.user_id === 'caseworker.spent' && r.kind === 'WRITE')
        .map((r) => [r.root_fields, r.succeeded, r.error_code, r.subject_keys]),
    ).toEqual([
      [['sendReferral'], false, 'LOOKUP_RATE_LIMITED', [key]],
      [['recordProtectionCase'], false, 'LOOKUP_RATE_LIMITED', [key]],
    ]);

    // ... and writes use up the lookups'.
    const writer = caseWorker('caseworker.writer');
    for (let i = 1; i <= LIMIT; i++)
      expect((await as(writer, CASE, protectionCase(`02022200001${i}`))).errors).toBeUndefined();
    expect(
      (await as<Lookup>(writer, LOOKUP, { personalId: '020222000011', purpose: PURPOSE })).errors![0]!.extensions,
    ).toMatchObject({ code: 'RATE_LIMITED' });
    expect((await as(writer, SEND, send('020222000011'))).errors![0]!.extensions).toMatchObject({
      code: 'RATE_LIMITED',
    });
  });

  it('refuses two numbers in one request through writes too (aliases, or a write with a lookup), before anything runs', async () => {
    const user = caseWorker('caseworker.twice');
    const input = (personalId: string) =>
      `{ personalId: "${personalId}", unitCode: "05977", fromSector: SOCIAL_AFFAIRS, fromService: "Bảo vệ trẻ em", toSector: HEALTH, toService: "Trạm y tế", reason: "x" }`;
    const documents = [
      `mutation { a: sendReferral(input: ${input('020333000001')}) { id child { key } } b: sendReferral(input: ${input('020333000002')}) { id child { key } } }`,
      `mutation { sendReferral(input: ${input('020333000001')}) { id } recordProtectionCase(input: { personalId: "020333000002", kind: NEGLECT, reportedOn: "2026-01-05", communeCode: "05977" }) { id } }`,
      `mutation W { sendReferral(input: ${input('020333000001')}) { id } } query L { childByPersonalId(personalId: "020333000002", purpose: "x") { key } }`,
    ];
    const referrals = () => rowCount(db(), 'referral');
    const before = { audit: await auditCount(), referrals: await referrals() };
    for (const document of documents) {
      const response = await as(user, document, {});
      expect(response.status, document).toBe(400);
      expect(response.data ?? null).toBeNull();
      expect(response.errors![0]!.extensions, document).toMatchObject({
        code: 'GRAPHQL_VALIDATION_FAILED',
        reason: 'ONE_LOOKUP_PER_REQUEST',
      });
    }
    expect({ audit: await auditCount(), referrals: await referrals() }).toEqual(before);
    // One is fine.
    expect(
      (await as(user, `mutation { sendReferral(input: ${input('020333000001')}) { id } }`)).errors,
    ).toBeUndefined();
  });

  it('shows the lookups to auditors through socialAffairsAuditEvents, and to nobody else', async () => {
    const EVENTS = `query($userId: String) { socialAffairsAuditEvents(userId: $userId, kind: LOOKUP) { totalCount nodes { service userId roles unitCode kind purpose found subjectKeys succeeded } } }`;
    type Events = { socialAffairsAuditEvents: { totalCount: number; nodes: Record<string, unknown>[] } };
    const response = await as<Events>('auditor', EVENTS, { userId: 'caseworker.langson' });
    expect(response.errors).toBeUndefined();
    const key = childKeyOf(NUMBER, DEVELOPMENT_CHILD_KEY_SECRET);
    expect(response.data!.socialAffairsAuditEvents).toEqual({
      totalCount: 2,
      nodes: [
        {
          service: 'ldtbxh',
          userId: 'caseworker.langson',
          roles: ['case-worker'],
          unitCode: '20',
          kind: 'LOOKUP',
          purpose: 'Theo dõi chuyển tuyến',
          found: true,
          subjectKeys: [key],
          succeeded: true,
        },
        {
          service: 'ldtbxh',
          userId: 'caseworker.langson',
          roles: ['case-worker'],
          unitCode: '20',
          kind: 'LOOKUP',
          purpose: PURPOSE,
          found: false,
          subjectKeys: [key],
          succeeded: true,
        },
      ],
    });
    for (const user of ['viewer.quangninh', 'caseworker.langson', 'lead.langson']) {
      expect((await as(user, EVENTS, {})).errors![0]!.extensions, user).toMatchObject({
        code: 'FORBIDDEN',
        reason: 'ROLE_NOT_ALLOWED',
      });
    }
  });
});
