import { createHash } from 'node:crypto';
import { empty, join, raw, sql, type Sql } from '@prisma/client-runtime-utils';
import pg from 'pg';
import { z } from 'zod';

/**
 * Every raw statement of the system is a Prisma.sql template: values are always bound parameters,
 * fragments compose with `join` and `empty`, and only names written in the code (checked by
 * `identifier`) are spliced in. Rows are checked against a zod schema where they enter TypeScript,
 * so a column renamed in SQL fails loudly instead of turning into `undefined`.
 */
export { empty, join, sql, type Sql };

/** A Prisma client or transaction: raw statements only as templates (tagged, or built with `sql`). */
export interface SqlQueryable {
  $queryRaw<T = unknown>(query: TemplateStringsArray | Sql, ...values: unknown[]): PromiseLike<T>;
  $executeRaw(query: TemplateStringsArray | Sql, ...values: unknown[]): PromiseLike<number>;
}

const IDENTIFIER = /^[a-z_][a-z0-9_]*$/;

/** A table or column name written in the code (never taken from input), quoted for PostgreSQL. */
export function identifier(name: string): Sql {
  if (!IDENTIFIER.test(name)) throw new Error(`Invalid SQL identifier: ${name}`);
  return raw(`"${name}"`);
}

/** `alias.column`, both names from the code. */
export const column = (alias: string, name: string): Sql => sql`${identifier(alias)}.${identifier(name)}`;

/** The rows of a parameterised statement, each checked against `row`; reading needs only `$queryRaw`. */
export async function queryRows<Row extends z.ZodType>(
  db: Pick<SqlQueryable, '$queryRaw'>,
  row: Row,
  query: Sql,
): Promise<z.output<Row>[]> {
  return z.array(row).parse(await db.$queryRaw<unknown>(query));
}

/** Runs a parameterised statement that returns no rows; the number of rows it touched. */
export const execute = (db: SqlQueryable, query: Sql): PromiseLike<number> => db.$executeRaw(query);

/**
 * A PostgreSQL array literal of numbers, booleans or text, to pass as one parameter cast to its array
 * type (`${arrayLiteral(codes)}::text[]`). pg converts a JavaScript array element by element, escaping
 * each string with two regular expressions: for the six arrays of a province's figure keys (some 2,000
 * each) that was a tenth of a sector's CPU per read. Every string is quoted, and escaped only where it
 * holds a quote or a backslash, so any text reads back as it was.
 */
export function arrayLiteral(values: readonly (string | number | boolean)[]): string {
  const elements = values.map((value) => {
    if (typeof value === 'boolean') return value ? 't' : 'f';
    if (typeof value === 'number') {
      if (!Number.isFinite(value)) throw new Error(`Not a finite number for an SQL array: ${value}`);
      return String(value);
    }
    return NEEDS_ESCAPE.test(value) ? `"${value.replace(/[\\"]/g, '\\$&')}"` : `"${value}"`;
  });
  return `{${elements.join(',')}}`;
}

const NEEDS_ESCAPE = /[\\"]/;

/** A pg pool of the system's: an idle connection the server dropped is replaced at the next query, and its error is not the process's. */
export function pgPool(config: pg.PoolConfig): pg.Pool {
  const pool = new pg.Pool(config);
  pool.on('error', () => {});
  return pool;
}

/**
 * Statements of a `sql` template on a pg connection or pool (values bound as $1…), for what runs beside
 * Prisma on a connection of its own: bulk writes, the data version's reader.
 *
 * `prepared`: each statement is prepared once per connection, under a name taken from its text, and
 * executed by that name afterwards. A figure statement of a province (some 2,000 keys) spent 11 ms in
 * PostgreSQL's bind step each time it was sent unnamed, and 1-2.5 ms prepared; PostgreSQL also keeps
 * its plan. A connection holds every statement it prepared until it closes: give its pool a
 * `maxLifetimeSeconds` (see `PREPARED_LIFETIME_SECONDS`).
 */
export function pgQueryable(client: pg.ClientBase | pg.Pool, options: { prepared?: boolean } = {}): SqlQueryable {
  const run = (query: TemplateStringsArray | Sql) => {
    if (!('text' in query) || typeof query.text !== 'string') throw new Error('pg connections take sql templates only');
    if (!options.prepared) return client.query(query.text, query.values);
    return client.query({ name: statementName(query.text), text: query.text, values: query.values });
  };
  return {
    $queryRaw: <T>(query: TemplateStringsArray | Sql) => run(query).then((result) => result.rows as T),
    $executeRaw: (query: TemplateStringsArray | Sql) => run(query).then((result) => result.rowCount ?? 0),
  };
}

/** How long a connection that prepares statements lives: what bounds the statements it holds. */
export const PREPARED_LIFETIME_SECONDS = 600;

/** A prepared statement's name: the same for the same text, so each connection prepares a text once. */
const statementName = (text: string) => `s_${createHash('sha256').update(text).digest('base64url').slice(0, 32)}`;
