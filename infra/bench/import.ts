/**
 * Times the bulk import of growth measurements through the gateway's upload path, end to end: the CSV
 * sent to the gateway, streamed to the health subgraph, read, every row checked with the domain rules
 * and its WHO z-scores computed, the linked child records looked up, then written in one transaction
 * (COPY on PostgreSQL, batched INSERTs on the embedded PGlite) with the running totals.
 *
 *   npm run bench:import [-- --rows 100000] [--engines postgres,pglite]
 *
 * Each engine runs in a child process of its own (so its peak RSS is its own): the health subgraph and
 * the gateway in-process on a fresh database (PostgreSQL: `ecd_bench_import` on BENCH_DATABASE_URL,
 * created and dropped; PGlite: a temporary folder), synthetic children of Thanh Hóa (38) registered
 * first (not timed), then: the import of `rows` measurements (every child measured twice), the same
 * file again (writes nothing), and a file with one bad row in the middle (refused, writes nothing).
 */
import { spawn } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import pg from 'pg';

import { bulkInsert } from '@ecd/database';
import { toIsoDate, type Identity } from '@ecd/service-kit';
import { developmentKeys, signDevelopmentToken } from '@ecd/service-kit/development';
import { communeLocations, SeededRandom } from '@ecd/synthetic-data';

import { loadEnv as gatewayEnv } from '../../apps/gateway/src/env.js';
import { startGateway } from '../../apps/gateway/src/server.js';
import { loadEnv as healthEnv, startHealthSubgraph } from '../../apps/health/src/server.js';
import { AS_OF, DEFAULT_PROVINCE, root } from './config.js';
import { benchEnv } from './env.js';

const ENGINES = ['postgres', 'pglite'] as const;
type Engine = (typeof ENGINES)[number];
const DATABASE = 'ecd_bench_import';
const DAY_MS = 86_400_000;

const { values: args } = parseArgs({
  options: {
    rows: { type: 'string', default: '100000' },
    engines: { type: 'string', default: ENGINES.join(',') },
    engine: { type: 'string' },
    seed: { type: 'string', default: '1437' },
  },
});
const rowCount = Number(args.rows);
if (!Number.isInteger(rowCount) || rowCount < 2 || rowCount % 2) throw new Error('--rows must be an even integer ≥ 2');

interface RunResult {
  engine: Engine;
  method: string;
  rows: number;
  importSeconds: number;
  againSeconds: number;
  badSeconds: number;
  written: number;
  fileMiB: number;
  peakRssMiB: number;
}

/** The CSV of `rows` measurements of `rows / 2` children (each measured twice), and the child records. */
function generate(seed: number, rows = rowCount) {
  const random = new SeededRandom(seed);
  const communes = communeLocations(DEFAULT_PROVINCE, AS_OF);
  const children: Record<string, unknown>[] = [];
  const lines = ['childRecordId,sex,birthDate,measuredOn,weightKg,lengthHeightCm,measured,oedema,communeCode'];
  const first = Date.UTC(2026, 0, 5) / DAY_MS;
  const round = (x: number, decimals: number) => Math.round(x * 10 ** decimals) / 10 ** decimals;
  for (let c = 0; c < rows / 2; c++) {
    const { location } = random.pick(communes);
    const male = random.next() < 0.512;
    // Two weighing days three months apart in 2026; the child 1 to 55 months old at the first.
    const day = first + random.int(0, 200);
    const birthDay = day - random.int(31, 55 * 30);
    const id = randomUUID();
    children.push({
      id,
      birthDate: toIsoDate(new Date(birthDay * DAY_MS)),
      sex: male ? 'MALE' : 'FEMALE',
      communeCode: location.communeCode,
      communeValidFrom: toIsoDate(location.communeValidFrom),
      provinceCode: location.provinceCode,
      provinceValidFrom: toIsoDate(location.provinceValidFrom),
      recordedBy: 'bench',
    });
    for (const measuredDay of [day, day + 91]) {
      const months = (measuredDay - birthDay) / 30.4375;
      // Around the WHO medians, widely spread, so every status occurs.
      const length = 50 + 30 * (1 - Math.exp(-months / 10)) + 0.45 * months + (random.next() - 0.5) * 12;
      const weight = 3.3 + 6.5 * (1 - Math.exp(-months / 6)) + 0.17 * months + (random.next() - 0.5) * 3;
      lines.push(
        [
          id,
          male ? 'Nam' : 'Nữ',
          toIsoDate(new Date(birthDay * DAY_MS)),
          toIsoDate(new Date(measuredDay * DAY_MS)),
          round(weight, 1),
          round(length, 1),
          months < 24 ? 'Nằm' : 'Đứng',
          random.next() < 0.002 ? 'có' : '',
          location.communeCode,
        ].join(','),
      );
    }
  }
  return { children, csv: Buffer.from(`${lines.join('\n')}\n`), lines };
}

/** One engine, in this (child) process: prints its result as one JSON line. */
async function runEngine(engine: Engine): Promise<RunResult> {
  const scratch = mkdtempSync(join(tmpdir(), 'ecd-bench-import-'));
  const keysDir = join(scratch, 'keys');
  const keys = developmentKeys(keysDir);
  const adminUrl = benchEnv.BENCH_DATABASE_URL;
  let databaseUrl = '';
  if (engine === 'postgres') {
    const admin = new pg.Client({ connectionString: adminUrl });
    await admin.connect();
    await admin.query(`DROP DATABASE IF EXISTS "${DATABASE}" WITH (FORCE)`);
    await admin.query(`CREATE DATABASE "${DATABASE}"`);
    await admin.end();
    const url = new URL(adminUrl);
    url.pathname = `/${DATABASE}`;
    databaseUrl = url.toString();
  }
  const common = { HOST: '127.0.0.1', PORT: '0', LOG_LEVEL: 'warn', ECD_KEYS_DIR: keysDir, NODE_ENV: 'test' };
  const health = await startHealthSubgraph(
    healthEnv({ ...common, DATABASE_URL: databaseUrl, DATA_DIR: join(scratch, 'health') }),
  );
  const gateway = await startGateway({
    env: gatewayEnv({ ...common, WEB_DIST: 'off' }),
    subgraphUrls: { health: health.graphqlUrl },
  });
  try {
    const { children, csv, lines } = generate(Number(args.seed));
    for (let i = 0; i < children.length; i += 5_000)
      await bulkInsert(health.client, 'child_record', children.slice(i, i + 5_000));
    const officer: Identity = {
      userId: 'bench.health.thanhhoa',
      name: 'Bench',
      roles: ['sector-officer'],
      sector: 'HEALTH',
      unitCode: DEFAULT_PROVINCE,
      agency: null,
    };
    const token = await signDevelopmentToken(keys, officer);
    const send = async (body: Buffer) => {
      const started = performance.now();
      const response = await fetch(`${gateway.url}/files/imports/health/growth-measurements`, {
        method: 'POST',
        headers: { authorization: `Bearer ${token}`, 'content-type': 'text/csv' },
        body,
      });
      const answer = (await response.json()) as { written?: number; problemCount?: number; message?: string };
      return { status: response.status, answer, seconds: (performance.now() - started) / 1000 };
    };
    // A server in service has run its code before: a small file of other children first (not timed).
    const warmUp = generate(Number(args.seed) + 1, 2_000);
    for (let i = 0; i < warmUp.children.length; i += 5_000)
      await bulkInsert(health.client, 'child_record', warmUp.children.slice(i, i + 5_000));
    if ((await send(warmUp.csv)).status !== 200) throw new Error('the warm-up import failed');
    const imported = await send(csv);
    if (imported.status !== 200 || imported.answer.written !== rowCount)
      throw new Error(`the import answered ${imported.status}: ${JSON.stringify(imported.answer).slice(0, 500)}`);
    const again = await send(csv);
    if (again.status !== 200 || again.answer.written !== 0)
      throw new Error(`the same file again answered ${again.status}: ${JSON.stringify(again.answer).slice(0, 500)}`);
    // One row in the middle with an impossible weight: the whole file is refused.
    const bad = [...lines];
    const middle = Math.floor(bad.length / 2);
    bad[middle] = (bad[middle] ?? '').replace(/^([^,]*,[^,]*,[^,]*,[^,]*,)[^,]*/, '$1-5');
    const refused = await send(Buffer.from(`${bad.join('\n')}\n`));
    if (refused.status !== 422 || refused.answer.problemCount !== 1)
      throw new Error(`the bad file answered ${refused.status}: ${JSON.stringify(refused.answer).slice(0, 500)}`);
    const [count] = await health.client.$queryRaw<{ n: bigint }[]>`SELECT count(*) AS n FROM growth_measurement`;
    if (Number(count?.n) !== rowCount + 2_000)
      throw new Error(`growth_measurement holds ${count?.n} rows, not ${rowCount} + 2000`);
    return {
      engine,
      method: engine === 'postgres' ? 'COPY' : 'INSERT … jsonb_populate_recordset',
      rows: rowCount,
      importSeconds: imported.seconds,
      againSeconds: again.seconds,
      badSeconds: refused.seconds,
      written: imported.answer.written,
      fileMiB: csv.length / 1024 / 1024,
      peakRssMiB: process.resourceUsage().maxRSS / 1024,
    };
  } finally {
    await gateway.close();
    await health.close();
    if (engine === 'postgres') {
      const admin = new pg.Client({ connectionString: adminUrl });
      await admin.connect();
      await admin.query(`DROP DATABASE IF EXISTS "${DATABASE}" WITH (FORCE)`);
      await admin.end();
    }
    rmSync(scratch, { recursive: true, force: true });
  }
}

/** Runs an engine in a child process and reads its JSON line. */
function runChild(engine: Engine): Promise<RunResult> {
  return new Promise((resolve, reject) => {
    const child = spawn(
      process.execPath,
      [
        '--import',
        'tsx',
        fileURLToPath(import.meta.url),
        '--engine',
        engine,
        '--rows',
        String(rowCount),
        '--seed',
        args.seed,
      ],
      { cwd: root, stdio: ['ignore', 'pipe', 'inherit'] },
    );
    let output = '';
    child.stdout.on('data', (chunk: Buffer) => (output += chunk.toString()));
    child.on('error', reject);
    child.on('exit', (code) => {
      const line = output.trim().split('\n').at(-1) ?? '';
      if (code !== 0 || !line.startsWith('{')) reject(new Error(`the ${engine} run exited ${code}: ${output}`));
      else resolve(JSON.parse(line) as RunResult);
    });
  });
}

if (args.engine) {
  if (!(ENGINES as readonly string[]).includes(args.engine))
    throw new Error(`--engine must be one of ${ENGINES.join(', ')}`);
  const result = await runEngine(args.engine as Engine);
  console.log(JSON.stringify(result));
  process.exit(0);
} else {
  const engines = args.engines.split(',').filter((e): e is Engine => (ENGINES as readonly string[]).includes(e));
  console.log(
    `Importing ${rowCount} growth measurements (${rowCount / 2} children measured twice) through the gateway…`,
  );
  const results: RunResult[] = [];
  for (const engine of engines) {
    console.log(`  ${engine}…`);
    results.push(await runChild(engine));
  }
  const s = (x: number) => x.toFixed(2);
  console.log(`
| database | write | rows | file MiB | import s | rows/s | same file again s | one bad row s (nothing written) | peak RSS MiB |
| --- | --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: |
${results
  .map(
    (r) =>
      `| ${r.engine === 'postgres' ? 'PostgreSQL' : 'PGlite (embedded)'} | ${r.method} | ${r.rows} | ${r.fileMiB.toFixed(1)} | ${s(r.importSeconds)} | ${Math.round(r.rows / r.importSeconds)} | ${s(r.againSeconds)} | ${s(r.badSeconds)} | ${Math.round(r.peakRssMiB)} |`,
  )
  .join('\n')}

Each time is one request to the gateway, from sending the CSV to its answer: reading, checking every row
(WHO z-scores included), looking up the linked child records and writing (with the running totals).
Peak RSS: the process holding the gateway, the health subgraph (and PGlite), and the generated file.`);
}
