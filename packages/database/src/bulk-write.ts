import { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import pg from 'pg';
import { from as copyFrom } from 'pg-copy-streams';

import { identifier, join, pgQueryable, sql, type SqlQueryable } from './typed-sql.js';

/** A value of a row written in bulk: dates are calendar days (DATE columns), written YYYY-MM-DD. */
export type CopyValue = string | number | boolean | Date | null;

/** One transaction of a bulk write: statements as `sql` templates, and rows appended in bulk. */
export interface BulkSession extends SqlQueryable {
  /**
   * Appends `rows` (values in `columns` order) to `table`: COPY FROM STDIN on PostgreSQL, multi-row
   * INSERTs on the embedded database. `progress` is called after each chunk with the rows written so far.
   */
  copy(
    table: string,
    columns: readonly string[],
    rows: Iterable<readonly CopyValue[]>,
    progress?: (written: number) => Promise<void>,
  ): Promise<number>;
}

/** Writes many rows in one transaction, the fastest way the database allows: nothing is written if anything fails. */
export interface BulkWriter {
  /** `copy` on PostgreSQL; `insert` on the embedded PGlite, whose wire protocol server cannot take COPY FROM STDIN. */
  readonly method: 'copy' | 'insert';
  transaction<T>(work: (session: BulkSession) => Promise<T>): Promise<T>;
  close(): Promise<void>;
}

/** Rows per chunk handed to COPY (as in infra/bench/generate.ts): the overhead per chunk vanishes, memory stays flat. */
const COPY_CHUNK_ROWS = 5_000;
/** Rows per INSERT on the embedded database, one JSON parameter each. */
const INSERT_CHUNK_ROWS = 2_000;
/** A bulk write may run minutes (not the requests' statement limit), but not forever. */
export const BULK_STATEMENT_TIMEOUT_MS = 10 * 60_000;

const isoDay = (date: Date) => date.toISOString().slice(0, 10);

/** A field in COPY's text format: null is \N, and the four characters it treats specially are escaped. */
const COPY_ESCAPES: Record<string, string> = { '\\': '\\\\', '\t': '\\t', '\n': '\\n', '\r': '\\r' };
const SPECIAL = /[\\\t\n\r]/;
/** Days already written, by time: a bulk write holds few distinct days and millions of date fields. */
const days = new Map<number, string>();
function dayText(date: Date): string {
  const time = date.getTime();
  let text = days.get(time);
  if (text === undefined) {
    text = isoDay(date);
    if (days.size < 100_000) days.set(time, text);
  }
  return text;
}
function copyField(value: CopyValue): string {
  if (value === null) return '\\N';
  if (value instanceof Date) return dayText(value);
  if (typeof value === 'boolean') return value ? 't' : 'f';
  if (typeof value === 'number') return String(value);
  return SPECIAL.test(value) ? value.replace(/[\\\t\n\r]/g, (c) => COPY_ESCAPES[c] ?? c) : value;
}

const jsonValue = (value: CopyValue) => (value instanceof Date ? dayText(value) : value);

/** The table and column names of a bulk write, checked as `identifier` checks every name spliced into SQL. */
function target(table: string, columns: readonly string[]) {
  return { table: identifier(table), columns: join(columns.map(identifier)), text: `${table} (${columns.join(', ')})` };
}

/** Chunks of rows, with the count so far. */
function* chunked<T>(rows: Iterable<T>, size: number): Iterable<T[]> {
  let chunk: T[] = [];
  for (const row of rows) {
    chunk.push(row);
    if (chunk.length === size) {
      yield chunk;
      chunk = [];
    }
  }
  if (chunk.length) yield chunk;
}

/** PostgreSQL: a connection of its own for each bulk transaction, rows streamed with COPY FROM STDIN. */
function copyWriter(connectionString: string): BulkWriter {
  let pool: pg.Pool | undefined;
  return {
    method: 'copy',
    async transaction(work) {
      pool ??= new pg.Pool({ connectionString, max: 2, statement_timeout: BULK_STATEMENT_TIMEOUT_MS });
      const client = await pool.connect();
      let broken = false;
      try {
        await client.query('BEGIN');
        const queryable = pgQueryable(client);
        const session: BulkSession = {
          ...queryable,
          async copy(table, columns, rows, progress) {
            const { text } = target(table, columns);
            let written = 0;
            const chunks = async function* () {
              for (const chunk of chunked(rows, COPY_CHUNK_ROWS)) {
                yield `${chunk.map((row) => row.map(copyField).join('\t')).join('\n')}\n`;
                written += chunk.length;
                await progress?.(written);
              }
            };
            await pipeline(Readable.from(chunks()), client.query(copyFrom(`COPY ${text} FROM STDIN`)));
            return written;
          },
        };
        const result = await work(session);
        await client.query('COMMIT');
        return result;
      } catch (error) {
        await client.query('ROLLBACK').catch(() => {
          broken = true;
        });
        throw error;
      } finally {
        client.release(broken);
      }
    },
    async close() {
      await pool?.end();
    },
  };
}

/** What the embedded writer needs of the app's Prisma client: an interactive transaction with a time limit. */
export interface BulkTransactionClient {
  $transaction<R>(run: (tx: SqlQueryable) => Promise<R>, options?: { maxWait?: number; timeout?: number }): Promise<R>;
}

/**
 * The embedded PGlite: its one session serves every connection, so the bulk transaction is the app's own
 * Prisma transaction (a second connection's BEGIN would mix with the requests' statements), and rows go
 * in as multi-row INSERTs, one JSON parameter per chunk unpacked by jsonb_populate_recordset.
 */
function insertWriter(client: BulkTransactionClient): BulkWriter {
  return {
    method: 'insert',
    transaction: (work) =>
      client.$transaction(
        (tx) =>
          work({
            $queryRaw: (query, ...values) => tx.$queryRaw(query, ...values),
            $executeRaw: (query, ...values) => tx.$executeRaw(query, ...values),
            async copy(table, columns, rows, progress) {
              const names = target(table, columns);
              let written = 0;
              for (const chunk of chunked(rows, INSERT_CHUNK_ROWS)) {
                const records = chunk.map((row) =>
                  Object.fromEntries(columns.map((c, i) => [c, jsonValue(row[i] ?? null)])),
                );
                written += await tx.$executeRaw(
                  sql`INSERT INTO ${names.table} (${names.columns}) SELECT ${names.columns} FROM jsonb_populate_recordset(NULL::${names.table}, ${JSON.stringify(records)}::jsonb)`,
                );
                await progress?.(written);
              }
              return written;
            },
          }),
        { maxWait: 30_000, timeout: BULK_STATEMENT_TIMEOUT_MS },
      ),
    close: () => Promise.resolve(),
  };
}

/** The bulk writer of a subgraph's database: COPY on PostgreSQL, batched INSERTs on the embedded PGlite. */
export function createBulkWriter(options: {
  connectionString: string;
  embedded: boolean;
  client: BulkTransactionClient;
}): BulkWriter {
  const writer = options.embedded ? insertWriter(options.client) : copyWriter(options.connectionString);
  return {
    ...writer,
    // Each table appended to is analysed once, last, in the same transaction: PGlite has no autovacuum to
    // gather its planner statistics, and PostgreSQL's comes a minute or so after the reads that follow an
    // import, which the planner would otherwise plan for the table's size before it.
    transaction: (work) =>
      writer.transaction(async (session) => {
        const appended = new Set<string>();
        const result = await work({
          ...session,
          copy: (table, ...rest) => {
            appended.add(table);
            return session.copy(table, ...rest);
          },
        });
        for (const table of appended) await session.$executeRaw(sql`ANALYZE ${identifier(table)}`);
        return result;
      }),
  };
}
