import { execute, identifier, join, sql, type SqlQueryable } from './typed-sql.js';

const snakeCase = (field: string) => field.replace(/[A-Z]/g, (letter) => `_${letter.toLowerCase()}`);

/**
 * Inserts many rows in one statement: PostgreSQL unpacks them from one JSON parameter into the
 * table's row type, one round trip instead of a bind parameter per value (Prisma's createMany), which
 * is what lets the embedded database seed in seconds. Rows use the Prisma field names; the columns
 * are their snake_case `@map`, the convention of every schema here. Columns the rows leave out take
 * their database default. Returns the number of rows inserted.
 */
export async function bulkInsert(
  db: SqlQueryable,
  table: string,
  rows: readonly Record<string, unknown>[],
): Promise<number> {
  const [first] = rows;
  if (!first) return 0;
  const fields = Object.keys(first);
  const columns = join(fields.map((field) => identifier(snakeCase(field))));
  const records = rows.map((row) => Object.fromEntries(fields.map((field) => [snakeCase(field), row[field] ?? null])));
  return execute(
    db,
    sql`INSERT INTO ${identifier(table)} (${columns}) SELECT ${columns} FROM jsonb_populate_recordset(NULL::${identifier(table)}, ${JSON.stringify(records)}::jsonb)`,
  );
}
