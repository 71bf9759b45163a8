import { describe, expect, it } from 'vitest';

import { auditEventRows, subgraphCaller, useTestSubgraph } from '@ecd/test-kit';

import { loadEnv, startCultureSubgraph } from './server.js';

/** The culture subgraph's audit log: every write with the verified person, append-only, for auditors only. */
const subgraph = useTestSubgraph('culture-audit', (env) => startCultureSubgraph(loadEnv(env)));
const db = () => subgraph.service.client;
const auditRows = () => auditEventRows(db());

const as = subgraphCaller(() => subgraph.service.graphqlUrl, 'culture');

const REGISTER = `mutation($input: CulturalFacilityInput!) { registerCulturalFacility(input: $input) { id } }`;
const EVENTS = `{ cultureAuditEvents(kind: WRITE) { totalCount nodes { service userId unitCode kind rootFields entityType entityIds succeeded errorCode } } }`;
const facility = {
  name: 'Sân chơi Hoàng Văn Thụ',
  kind: 'CHILDREN_PLAYGROUND',
  communeCode: '05977',
  openedOn: '2025-08-01',
  servesChildren: true,
};

describe('the culture audit log', () => {
  it('records each write with the verified person (not a header), refused ones included; auditors read it, others are refused', async () => {
    const created = await as<{ registerCulturalFacility: { id: string } }>(
      'culture.langson',
      REGISTER,
      { input: facility },
      { 'x-user-id': 'mallory' },
    );
    expect(created.errors).toBeUndefined();
    const id = created.data!.registerCulturalFacility.id;
    const refused = await as('health.langson', REGISTER, { input: { ...facility, name: 'Nhà văn hóa khác' } });
    expect(refused.errors![0]!.extensions).toMatchObject({ code: 'FORBIDDEN', reason: 'SECTOR_NOT_ALLOWED' });
    expect(
      (await auditRows()).map((r) => [
        r.user_id,
        r.roles,
        r.unit_code,
        r.kind,
        r.root_fields,
        r.entity_type,
        r.entity_ids,
        r.succeeded,
        r.error_code,
      ]),
    ).toEqual([
      [
        'culture.langson',
        ['sector-officer'],
        '20',
        'WRITE',
        ['registerCulturalFacility'],
        'CulturalFacility',
        [id],
        true,
        null,
      ],
      [
        'health.langson',
        ['sector-officer'],
        '20',
        'WRITE',
        ['registerCulturalFacility'],
        'CulturalFacility',
        [],
        false,
        'SECTOR_NOT_ALLOWED',
      ],
    ]);
    // Aggregates read nothing personal and write nothing: no row.
    await as(
      'culture.langson',
      `{ _entities(representations: [{ __typename: "AdministrativeUnit", code: "20", validFrom: "2025-07-01" }]) { ... on AdministrativeUnit { culturalFacilityCount } } }`,
    );
    expect(await auditRows()).toHaveLength(2);

    const events = await as<{ cultureAuditEvents: { totalCount: number; nodes: Record<string, unknown>[] } }>(
      'auditor',
      EVENTS,
    );
    expect(events.errors).toBeUndefined();
    expect(events.data!.cultureAuditEvents.totalCount).toBe(2);
    expect(events.data!.cultureAuditEvents.nodes[1]).toEqual({
      service: 'culture',
      userId: 'culture.langson',
      unitCode: '20',
      kind: 'WRITE',
      rootFields: ['registerCulturalFacility'],
      entityType: 'CulturalFacility',
      entityIds: [id],
      succeeded: true,
      errorCode: null,
    });
    for (const user of ['viewer.quangninh', 'culture.langson'])
      expect((await as(user, EVENTS)).errors![0]!.extensions, user).toMatchObject({
        code: 'FORBIDDEN',
        reason: 'ROLE_NOT_ALLOWED',
      });
  });

  it('pages through every event, newest first, past the tenth', async () => {
    for (let i = 0; i < 11; i++)
      await as('culture.langson', REGISTER, { input: { ...facility, name: `Thư viện thiếu nhi số ${i}` } });
    const seen: number[] = [];
    let after: string | null = null;
    let total = 0;
    do {
      const page: {
        data?: {
          cultureAuditEvents: {
            totalCount: number;
            nodes: { id: string }[];
            pageInfo: { endCursor: string | null; hasNextPage: boolean };
          };
        } | null;
      } = await as(
        'auditor',
        `query($after: String) { cultureAuditEvents(first: 5, after: $after) { totalCount nodes { id } pageInfo { endCursor hasNextPage } } }`,
        { after },
      );
      const events = page.data!.cultureAuditEvents;
      total = events.totalCount;
      seen.push(...events.nodes.map((n) => Number(n.id)));
      after = events.pageInfo.hasNextPage ? events.pageInfo.endCursor : null;
    } while (after);
    expect(total).toBeGreaterThanOrEqual(13);
    expect(seen).toHaveLength(total);
    expect(seen).toEqual([...seen].sort((a, b) => b - a));
  });

  it('cannot be changed or emptied at the database', async () => {
    const before = await auditRows();
    await expect(db().$executeRaw`UPDATE audit_event SET succeeded = true`).rejects.toThrow(/append-only/);
    await expect(db().$executeRaw`DELETE FROM audit_event`).rejects.toThrow(/append-only/);
    await expect(db().$executeRaw`TRUNCATE audit_event`).rejects.toThrow(/append-only/);
    expect(await auditRows()).toEqual(before);
  });
});
