/** The line every report starts with: when, and on what machine and versions. */
import { cpus, totalmem } from 'node:os';
import pg from 'pg';

import { benchDatabaseUrl } from './config.js';

async function postgresVersion(): Promise<string> {
  const client = new pg.Client({ connectionString: benchDatabaseUrl('ldtbxh') });
  await client.connect();
  try {
    const { rows } = await client.query<{ server_version: string }>('SHOW server_version');
    const [row] = rows;
    if (!row) throw new Error('SHOW server_version returned no row');
    return row.server_version;
  } finally {
    await client.end();
  }
}

export async function machineLine(): Promise<string> {
  const cpu = cpus();
  return `${new Date().toISOString()} · ${cpu.length} × ${cpu[0]?.model.trim() ?? 'unknown CPU'} · ${(totalmem() / 1024 ** 3).toFixed(1)} GiB RAM · Node ${process.version} · PostgreSQL ${await postgresVersion()}`;
}
