import { execFileSync, spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { mkdir, readFile, writeFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { join, relative } from 'node:path';

import { prismaGenerateEnv } from './cli/env.js';
import { readMigrations } from './migrations.js';
import { diffSchemas } from './schema-engine.js';
import { fingerprintAfter, fingerprintDifference } from './schema-fingerprint.js';

const SCHEMA = 'prisma/schema.prisma';
const MIGRATIONS = 'prisma/migrations';

/**
 * `prisma generate` only needs the schema engine binary to exist, not to run; the download host is
 * unreachable here, so point it at an existing file unless the caller provides a real engine.
 */
function generate(): number {
  const env = prismaGenerateEnv();
  const prismaCli = createRequire(import.meta.url).resolve('prisma/build/index.js');
  const result = spawnSync(process.execPath, [prismaCli, 'generate', '--schema', SCHEMA], { stdio: 'inherit', env });
  return result.status ?? 1;
}

/** The schema as committed: the drift check keeps it equal to the migrations, so HEAD → now is the next migration. */
function committedSchema(): string | null {
  try {
    const path = relative(execFileSync('git', ['rev-parse', '--show-toplevel'], { encoding: 'utf8' }).trim(), SCHEMA);
    return execFileSync('git', ['show', `HEAD:${path.split('\\').join('/')}`], {
      encoding: 'utf8',
      stdio: ['ignore', 'pipe', 'ignore'],
    });
  } catch {
    return null;
  }
}

async function newMigration(name: string | undefined): Promise<number> {
  if (!name || !/^[a-z0-9_]+$/.test(name)) {
    console.error('usage: ecd-db migration <snake_case_name>');
    return 2;
  }
  const migrations = existsSync(MIGRATIONS) ? await readMigrations(MIGRATIONS) : [];
  const from = migrations.length ? committedSchema() : null;
  const sql = await diffSchemas({ from, to: await readFile(SCHEMA, 'utf8') });
  if (!sql.trim() || /^-- This is an empty migration/.test(sql.trim())) {
    console.log('schema.prisma matches the migrations: nothing to do');
    return 0;
  }
  const stamp = new Date().toISOString().replace(/\D/g, '').slice(0, 14);
  const dir = join(MIGRATIONS, `${stamp}_${name}`);
  await mkdir(dir, { recursive: true });
  await writeFile(join(dir, 'migration.sql'), sql);
  const lock = join(MIGRATIONS, 'migration_lock.toml');
  if (!existsSync(lock)) await writeFile(lock, 'provider = "postgresql"\n');
  console.log(`wrote ${join(dir, 'migration.sql')}`);
  return 0;
}

/** Fails when applying the migrations does not give the schema that schema.prisma describes. */
async function check(): Promise<number> {
  const expectedSql = await diffSchemas({ from: null, to: await readFile(SCHEMA, 'utf8') });
  const migrations = await readMigrations(MIGRATIONS);
  const [expected, actual] = await Promise.all([
    fingerprintAfter([expectedSql]),
    fingerprintAfter(migrations.map((m) => m.sql)),
  ]);
  const difference = fingerprintDifference(expected, actual);
  if (difference.length) {
    console.error(`${SCHEMA} and ${MIGRATIONS} disagree (- in schema only, + in migrations only):`);
    for (const line of difference) console.error(`  ${line}`);
    console.error('Run `npm run migration:new -- <name>` in this app to write the missing migration.');
    return 1;
  }
  console.log(`migrations match ${SCHEMA} (${migrations.length} migrations, ${expected.length} schema objects)`);
  return 0;
}

const [command, arg] = process.argv.slice(2);
const commands: Record<string, () => number | Promise<number>> = {
  generate,
  migration: () => newMigration(arg),
  check,
};
const run = command ? commands[command] : undefined;
if (!run) {
  console.error('usage: ecd-db generate | migration <name> | check');
  process.exit(2);
}
process.exitCode = await run();
