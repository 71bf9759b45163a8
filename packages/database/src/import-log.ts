import { createHash } from 'node:crypto';
import { z } from 'zod';

import { queryRows, sql, type SqlQueryable } from './typed-sql.js';

/**
 * The files a subgraph imported (`import_log`, which each subgraph that takes imports declares the same
 * way): one row per kind and content, so that the same content imported again writes nothing. The
 * content is hashed over the rows as checked (not the file's bytes: an .xlsx saved again differs in its
 * bytes, not in its rows).
 */
export interface ImportLogEntry {
  id: string;
  kind: string;
  contentHash: string;
  rows: number;
  fileName: string | null;
  importedBy: string;
}

/** SHA-256 of the rows' canonical texts, in order. */
export function contentHash(rows: Iterable<string>): string {
  const hash = createHash('sha256');
  for (const row of rows) hash.update(row).update('\n');
  return hash.digest('hex');
}

/**
 * Records an import in the writing transaction: true when this is the first import of the content;
 * false when it was imported already (a concurrent import of the same content waits for the other's
 * transaction, and gets false once it committed).
 */
export async function claimImport(db: SqlQueryable, entry: ImportLogEntry): Promise<boolean> {
  const rows = await queryRows(
    db,
    z.object({ id: z.string() }),
    sql`INSERT INTO import_log (id, kind, content_hash, rows, file_name, imported_by)
        VALUES (${entry.id}::uuid, ${entry.kind}, ${entry.contentHash}, ${entry.rows}, ${entry.fileName}, ${entry.importedBy})
        ON CONFLICT (kind, content_hash) DO NOTHING
        RETURNING id::text`,
  );
  return rows.length > 0;
}

/** Whether content was imported already (for a dry run's answer). */
export async function wasImported(db: SqlQueryable, kind: string, hash: string): Promise<boolean> {
  const rows = await queryRows(
    db,
    z.object({ found: z.boolean() }),
    sql`SELECT EXISTS (SELECT 1 FROM import_log WHERE kind = ${kind} AND content_hash = ${hash}) AS found`,
  );
  return rows[0]?.found ?? false;
}
