import { PGlite } from '@electric-sql/pglite';

/**
 * The parts of a database schema a migration defines, as sorted lines: enums, columns, constraints
 * and indexes of the public schema. Two databases with equal fingerprints have the same schema.
 */
const FINGERPRINT_SQL = `
SELECT 'enum ' || t.typname || ' ' || string_agg(e.enumlabel, ',' ORDER BY e.enumsortorder) AS line
  FROM pg_type t JOIN pg_enum e ON e.enumtypid = t.oid JOIN pg_namespace n ON n.oid = t.typnamespace
 WHERE n.nspname = 'public' GROUP BY t.typname
UNION ALL
SELECT format('column %s.%s %s %s default=%s', table_name, column_name, udt_name,
              CASE WHEN is_nullable = 'YES' THEN 'null' ELSE 'not null' END, coalesce(column_default, '-'))
  FROM information_schema.columns WHERE table_schema = 'public' AND table_name <> '_prisma_migrations'
UNION ALL
SELECT format('constraint %s.%s %s', rel.relname, c.conname, pg_get_constraintdef(c.oid))
  FROM pg_constraint c JOIN pg_class rel ON rel.oid = c.conrelid JOIN pg_namespace n ON n.oid = rel.relnamespace
 WHERE n.nspname = 'public' AND rel.relname <> '_prisma_migrations'
UNION ALL
SELECT 'index ' || indexdef FROM pg_indexes WHERE schemaname = 'public' AND tablename <> '_prisma_migrations'
ORDER BY 1`;

/** Runs SQL scripts on a throw-away in-memory PostgreSQL and returns the resulting schema's fingerprint. */
export async function fingerprintAfter(scripts: string[]): Promise<string[]> {
  const db = await PGlite.create();
  try {
    for (const script of scripts) await db.exec(script);
    const { rows } = await db.query<{ line: string }>(FINGERPRINT_SQL);
    return rows.map((r) => r.line);
  } finally {
    await db.close();
  }
}

/** Lines only in `a` (prefixed -) and only in `b` (prefixed +). */
export function fingerprintDifference(a: string[], b: string[]): string[] {
  const inB = new Set(b);
  const inA = new Set(a);
  return [...a.filter((l) => !inB.has(l)).map((l) => `- ${l}`), ...b.filter((l) => !inA.has(l)).map((l) => `+ ${l}`)];
}
