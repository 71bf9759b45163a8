import { raw, sql, type Sql } from '@prisma/client-runtime-utils';
import { z } from 'zod';

import type { RunningService } from '@ecd/service-kit';

import type { Federation } from './federation.js';

/**
 * Reading a subgraph's database from a test, the way the services do (packages/database/src/typed-sql.ts):
 * `sql` templates with bound values, rows checked by zod. (The test kit cannot import @ecd/database,
 * whose own tests use the test kit, so it holds the two lines it needs.)
 */

/** A Prisma client or transaction, as the services' data layer takes it. */
export interface SqlQueryable {
  $queryRaw<T = unknown>(query: TemplateStringsArray | Sql, ...values: unknown[]): PromiseLike<T>;
}

const queryRows = async <Row extends z.ZodType>(db: SqlQueryable, row: Row, query: Sql) =>
  z.array(row).parse(await db.$queryRaw<unknown>(query));

/** A row of `audit_event`, the audit log table every subgraph declares the same way (packages/database/src/audit.ts). */
export const auditEventRow = z.object({
  id: z.bigint(),
  at: z.date(),
  service: z.string(),
  user_id: z.string(),
  roles: z.array(z.string()),
  sector: z.string().nullable(),
  unit_code: z.string().nullable(),
  agency: z.string().nullable(),
  request_id: z.string(),
  operation: z.string().nullable(),
  kind: z.enum(['READ', 'WRITE', 'LOOKUP']),
  root_fields: z.array(z.string()),
  entity_type: z.string().nullable(),
  entity_ids: z.array(z.string()),
  purpose: z.string().nullable(),
  subject_keys: z.array(z.string()),
  found: z.boolean().nullable(),
  succeeded: z.boolean(),
  error_code: z.string().nullable(),
});
export type AuditEventRow = z.output<typeof auditEventRow>;

/** Every row of a subgraph's audit log, in the order written. */
export const auditEventRows = (db: SqlQueryable): Promise<AuditEventRow[]> =>
  queryRows(db, auditEventRow, sql`SELECT * FROM audit_event ORDER BY id`);

const counted = z.object({ n: z.union([z.bigint(), z.number().int()]) });

/** The `n` of the one row a count statement gives (`SELECT count(*) AS n …`), as a number. */
export async function countOf(db: SqlQueryable, query: Sql): Promise<number> {
  const [row] = await queryRows(db, counted, query);
  if (!row) throw new Error('the count statement gave no row');
  return Number(row.n);
}

/** The number of rows of a table, its name written in the test. */
export function rowCount(db: SqlQueryable, table: string): Promise<number> {
  if (!/^[a-z_][a-z0-9_]*$/.test(table)) throw new Error(`Invalid table name: ${table}`);
  return countOf(db, sql`SELECT count(*) AS n FROM ${raw(`"${table}"`)}`);
}

/**
 * The rows of a table as the planner last counted them (`pg_class.reltuples`, gathered by ANALYZE): -1 while
 * never gathered, and the count of that time until gathered again.
 */
export async function plannedRowCount(db: SqlQueryable, table: string): Promise<number> {
  const [row] = await queryRows(
    db,
    z.object({ n: z.number() }),
    sql`SELECT reltuples::float8 AS n FROM pg_class WHERE oid = to_regclass(${table})`,
  );
  if (!row) throw new Error(`No table ${table}`);
  return row.n;
}

/** The database client of a subgraph the federation runs, for tests through the gateway that check what was stored. */
export function subgraphDatabase(federation: Federation, subgraph: string): SqlQueryable {
  const service: (RunningService & { client?: SqlQueryable }) | undefined = federation.subgraphs[subgraph];
  if (!service?.client) throw new Error(`no database client for subgraph "${subgraph}"`);
  return service.client;
}
