import {
  badInput,
  decodeCursor,
  keysetPage,
  type AuditKind,
  type AuditRecord,
  type AuditStore,
  type Connection,
} from '@ecd/service-kit';

import type { SqlQueryable } from './typed-sql.js';

/**
 * The audit log in a subgraph's own database: table `audit_event`, which every subgraph's Prisma
 * schema declares the same way and whose migration adds a trigger refusing UPDATE, DELETE and
 * TRUNCATE (append-only). Only parameterised SQL: the rows travel as one JSON parameter.
 */
export type AuditDatabase = SqlQueryable;

/** The store a subgraph's audit rows go to: its own database, `service` naming the subgraph. */
export function createAuditStore(db: AuditDatabase, service: string): AuditStore {
  return {
    async append(records: readonly AuditRecord[]) {
      if (!records.length) return;
      const rows = JSON.stringify(
        records.map((r) => ({
          user_id: r.userId,
          roles: r.roles,
          sector: r.sector,
          unit_code: r.unitCode,
          agency: r.agency,
          request_id: r.requestId,
          operation: r.operation,
          kind: r.kind,
          root_fields: r.rootFields,
          entity_type: r.entityType,
          entity_ids: r.entityIds,
          purpose: r.purpose,
          subject_keys: r.subjectKeys,
          found: r.found,
          succeeded: r.succeeded,
          error_code: r.errorCode,
        })),
      );
      await db.$executeRaw`
        INSERT INTO audit_event (service, user_id, roles, sector, unit_code, agency, request_id, operation, kind,
                                 root_fields, entity_type, entity_ids, purpose, subject_keys, found, succeeded, error_code)
        SELECT ${service}, r.user_id, r.roles, r.sector, r.unit_code, r.agency, r.request_id, r.operation, r.kind::"AuditEventKind",
               r.root_fields, r.entity_type, r.entity_ids, r.purpose, r.subject_keys, r.found, r.succeeded, r.error_code
          FROM jsonb_to_recordset(${rows}::jsonb) AS r(
            user_id text, roles text[], sector text, unit_code text, agency text, request_id text, operation text, kind text,
            root_fields text[], entity_type text, entity_ids text[], purpose text, subject_keys text[], found boolean,
            succeeded boolean, error_code text)`;
    },
  };
}

/** An audit event as the `…AuditEvents` queries give it (the AuditEvent type every subgraph declares). */
export interface AuditEventRecord extends AuditRecord {
  id: string;
  service: string;
  at: string;
}

export interface AuditEventsArgs {
  userId?: string | null | undefined;
  requestId?: string | null | undefined;
  kind?: AuditKind | null | undefined;
  from?: string | null | undefined;
  to?: string | null | undefined;
  first?: number | null | undefined;
  after?: string | null | undefined;
}

const DATE_ONLY = /^\d{4}-\d{2}-\d{2}$/;
const DATE_TIME = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d{1,6})?)?(Z|[+-]\d{2}:\d{2})$/;

/** An instant given as an ISO date-time with its offset, or a day (its start in Vietnam, UTC+7). */
function instant(value: string | null | undefined, field: string): string | null {
  if (value === null || value === undefined) return null;
  const text = DATE_ONLY.test(value) ? `${value}T00:00:00+07:00` : value;
  if (!DATE_TIME.test(text) || Number.isNaN(Date.parse(text))) {
    throw badInput(
      `"${field}" phải là ngày (YYYY-MM-DD, tính từ 0 giờ giờ Việt Nam) hoặc thời điểm ISO 8601 có múi giờ, ví dụ 2026-12-01T08:00:00+07:00.`,
      {
        field,
        reason: 'INVALID_DATE_TIME',
      },
    );
  }
  return new Date(text).toISOString();
}

type EventRow = Omit<AuditEventRecord, 'at'> & { at: Date };

/**
 * The audit events of this subgraph's log, newest first, optionally of one person, request or kind,
 * from `from` (inclusive) to `to` (exclusive); keyset pages over the log's sequence number.
 */
export async function auditEvents(db: AuditDatabase, args: AuditEventsArgs): Promise<Connection<AuditEventRecord>> {
  const from = instant(args.from, 'from');
  const to = instant(args.to, 'to');
  const userId = args.userId ?? null;
  const requestId = args.requestId ?? null;
  const kind = args.kind ?? null;
  const cursor = decodeCursor(args.after);
  if (cursor !== undefined && !/^\d{1,18}$/.test(cursor)) {
    throw badInput('Con trỏ phân trang (after) không hợp lệ.', { field: 'after', reason: 'INVALID_CURSOR' });
  }
  return keysetPage<AuditEventRecord>({
    first: args.first,
    after: args.after,
    async fetch(after, take) {
      const rows = await db.$queryRaw<EventRow[]>`
        SELECT id::text AS id, service, at, user_id AS "userId", roles, sector, unit_code AS "unitCode", agency,
               request_id AS "requestId", operation, kind::text AS kind, root_fields AS "rootFields", entity_type AS "entityType",
               entity_ids AS "entityIds", purpose, subject_keys AS "subjectKeys", found, succeeded, error_code AS "errorCode"
          FROM audit_event
         WHERE (${userId}::text IS NULL OR user_id = ${userId}::text)
           AND (${requestId}::text IS NULL OR request_id = ${requestId}::text)
           AND (${kind}::text IS NULL OR kind::text = ${kind}::text)
           AND (${from}::timestamptz IS NULL OR at >= ${from}::timestamptz)
           AND (${to}::timestamptz IS NULL OR at < ${to}::timestamptz)
           AND (${after ?? null}::bigint IS NULL OR id < ${after ?? null}::bigint)
         ORDER BY audit_event.id DESC
         LIMIT ${take}`;
      return rows.map((row) => ({ ...row, at: new Date(row.at).toISOString() }));
    },
    async count() {
      const [row] = await db.$queryRaw<{ n: number }[]>`
        SELECT count(*)::int AS n FROM audit_event
         WHERE (${userId}::text IS NULL OR user_id = ${userId}::text)
           AND (${requestId}::text IS NULL OR request_id = ${requestId}::text)
           AND (${kind}::text IS NULL OR kind::text = ${kind}::text)
           AND (${from}::timestamptz IS NULL OR at >= ${from}::timestamptz)
           AND (${to}::timestamptz IS NULL OR at < ${to}::timestamptz)`;
      return row?.n ?? 0;
    },
    sortKey: (event) => event.id,
  });
}

/** A subgraph's audit log in its data layer (read by auditors and admins; rows are written by each request's audit). */
export const auditData = (db: AuditDatabase) => ({
  events: (args: AuditEventsArgs) => auditEvents(db, args),
});
