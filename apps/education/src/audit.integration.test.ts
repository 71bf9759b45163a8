import { describe, expect, it } from 'vitest';

import { communesOfProvince } from '@ecd/reference-data';
import { auditEventRows, subgraphCaller, useTestSubgraph } from '@ecd/test-kit';

import { loadEnv, startEducationSubgraph } from './server.js';

/** The education subgraph's audit log: every write with the verified person, append-only, for auditors only. */
const subgraph = useTestSubgraph('education-audit', (env) => startEducationSubgraph(loadEnv(env)));
const db = () => subgraph.service.client;
const auditRows = () => auditEventRows(db());

const as = subgraphCaller(() => subgraph.service.graphqlUrl, 'education');

const REGISTER = `mutation($input: RegisterSchoolInput!) { registerSchool(input: $input) { id } }`;
const EVENTS = `{ educationAuditEvents(kind: WRITE) { totalCount nodes { service userId unitCode kind rootFields entityType entityIds succeeded errorCode } } }`;
const NINH_BINH = communesOfProvince('37', '2025-07-01')[0]!.code;

describe('the education audit log', () => {
  it('records each write with the verified person (not a header), refused ones included; auditors read it, others are refused', async () => {
    const school = await as<{ registerSchool: { id: string } }>(
      'education.ninhbinh',
      REGISTER,
      {
        input: { name: 'Trường Mầm non Sen Hồng', level: 'PRESCHOOL', communeCode: NINH_BINH, openedOn: '2012-09-05' },
      },
      { 'x-ecd-user-id': 'can.bo.pgd' },
    );
    expect(school.errors).toBeUndefined();
    const id = school.data!.registerSchool.id;
    const refused = await as('viewer.quangninh', REGISTER, {
      input: { name: 'Trường Tiểu học khác', level: 'PRIMARY', communeCode: NINH_BINH, openedOn: '2012-09-05' },
    });
    expect(refused.errors![0]!.extensions).toMatchObject({ code: 'FORBIDDEN' });
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
      ['education.ninhbinh', ['sector-officer'], '37', 'WRITE', ['registerSchool'], 'School', [id], true, null],
      ['viewer.quangninh', ['viewer'], '22', 'WRITE', ['registerSchool'], 'School', [], false, 'ROLE_NOT_ALLOWED'],
    ]);
    // Aggregates read nothing personal and write nothing: no row.
    await as(
      'education.ninhbinh',
      `{ _entities(representations: [{ __typename: "AdministrativeUnit", code: "37", validFrom: "2025-07-01" }]) { ... on AdministrativeUnit { code } } }`,
    );
    expect(await auditRows()).toHaveLength(2);

    const events = await as<{ educationAuditEvents: { totalCount: number; nodes: Record<string, unknown>[] } }>(
      'auditor',
      EVENTS,
    );
    expect(events.errors).toBeUndefined();
    expect(events.data!.educationAuditEvents.totalCount).toBe(2);
    expect(events.data!.educationAuditEvents.nodes[1]).toEqual({
      service: 'education',
      userId: 'education.ninhbinh',
      unitCode: '37',
      kind: 'WRITE',
      rootFields: ['registerSchool'],
      entityType: 'School',
      entityIds: [id],
      succeeded: true,
      errorCode: null,
    });
    for (const user of ['viewer.quangninh', 'education.ninhbinh'])
      expect((await as(user, EVENTS)).errors![0]!.extensions, user).toMatchObject({
        code: 'FORBIDDEN',
        reason: 'ROLE_NOT_ALLOWED',
      });
  });

  it('cannot be changed or emptied at the database', async () => {
    const before = await auditRows();
    await expect(db().$executeRaw`UPDATE audit_event SET succeeded = true`).rejects.toThrow(/append-only/);
    await expect(db().$executeRaw`DELETE FROM audit_event`).rejects.toThrow(/append-only/);
    await expect(db().$executeRaw`TRUNCATE audit_event`).rejects.toThrow(/append-only/);
    expect(await auditRows()).toEqual(before);
  });
});
