/**
 * `npm run bench`: the cost of the gateway. Starts the four subgraphs and the gateway as separate
 * processes on the bench databases (made by infra/bench/generate.ts), then times the same data asked
 * of the gateway and asked of the subgraphs directly, and prints markdown tables: the slice of a
 * province or a commune, or the progress of the bench plan in the province and each of its communes
 * (with, for progress, each subgraph's hand-written SQL lower bound).
 *
 *   npm run bench -- [--requests 200] [--concurrency 1] [--warmup 20] [--query province|commune|progress] [--by-sex]
 *                    [--province 38] [--commune <code>] [--max-seconds 900]
 *
 * --by-sex adds each progress target's split by sex (health's figures, assessed by LĐTBXH).
 * --max-seconds bounds the whole warm-up and measurement; a path cut short reports fewer requests.
 * Needs the apps built (`npx turbo run build --filter=./apps/*`). Results are also written to
 * bench-results/ (not committed).
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { cpus, totalmem } from 'node:os';
import { isDeepStrictEqual, parseArgs } from 'node:util';
import pg from 'pg';

import { communesOfProvince } from '@ecd/reference-data';

import { signInAsLeadAgencyOf } from './auth.js';
import { benchPlanKey } from './bench-plan.js';
import {
  AS_OF,
  benchDatabaseUrl,
  DEFAULT_PROVINCE,
  GATEWAY_PORT,
  root,
  SUBGRAPH_PORTS,
  SUBGRAPHS,
  type SubgraphName,
} from './config.js';
import { directProgress, progressQuery } from './progress.js';
import { PROGRESS_YEAR } from './sector-records.js';
import { assertPortFree, memoryOf, startService, stopService, waitReady, type Service } from './services.js';
import { directSlice, gatewayQuery, postGraphQL, type QueryKind } from './slice.js';
import { LOWER_BOUND_SQL } from './sql-lower-bound.js';

const { values: args } = parseArgs({
  options: {
    requests: { type: 'string', default: '200' },
    concurrency: { type: 'string', default: '1' },
    warmup: { type: 'string', default: '20' },
    query: { type: 'string', default: 'province' },
    province: { type: 'string', default: DEFAULT_PROVINCE },
    commune: { type: 'string' },
    'max-seconds': { type: 'string', default: '900' },
    'by-sex': { type: 'boolean', default: false },
    profile: { type: 'boolean', default: false },
  },
});

function positiveInt(name: string, value: string): number {
  const n = Number(value);
  if (!Number.isInteger(n) || n < 1) throw new Error(`--${name} must be a positive integer, not ${value}`);
  return n;
}
const requests = positiveInt('requests', args.requests);
const concurrency = positiveInt('concurrency', args.concurrency);
const warmup = positiveInt('warmup', args.warmup);
const maxSeconds = positiveInt('max-seconds', args['max-seconds']);
if (!['province', 'commune', 'progress'].includes(args.query))
  throw new Error('--query must be province, commune or progress');
const kind = args.query as QueryKind | 'progress';
const bySex = args['by-sex'];
if (bySex && kind !== 'progress') throw new Error('--by-sex applies to --query progress');
function unitCode(): string {
  if (kind !== 'commune') return args.province;
  const commune = args.commune ?? communesOfProvince(args.province, AS_OF)[0]?.code;
  if (!commune) throw new Error(`province ${args.province} has no communes on ${AS_OF}`);
  return commune;
}
const code = unitCode();
signInAsLeadAgencyOf(args.province);

const subgraphUrls = Object.fromEntries(
  SUBGRAPHS.map((s) => [s, `http://127.0.0.1:${SUBGRAPH_PORTS[s]}/graphql`]),
) as Record<SubgraphName, string>;
const gatewayUrl = `http://127.0.0.1:${GATEWAY_PORT}/graphql`;
const services: Service[] = [];
/** With --profile each service writes a V8 CPU profile when it stops (open it in Chrome's DevTools). */
const nodeArgs = args.profile ? ['--cpu-prof', `--cpu-prof-dir=${root}bench-results/profiles`] : [];

async function startAll(): Promise<void> {
  await Promise.all([GATEWAY_PORT, ...Object.values(SUBGRAPH_PORTS)].map(assertPortFree));
  const subgraphs = SUBGRAPHS.map((s) =>
    startService(s, SUBGRAPH_PORTS[s], { DATABASE_URL: benchDatabaseUrl(s) }, { nodeArgs }),
  );
  services.push(...subgraphs);
  await Promise.all(subgraphs.map((s) => waitReady(s)));
  const gateway = startService(
    'gateway',
    GATEWAY_PORT,
    {
      SUPERGRAPH_MODE: 'file',
      LDTBXH_URL: subgraphUrls.ldtbxh,
      HEALTH_URL: subgraphUrls.health,
      EDUCATION_URL: subgraphUrls.education,
      CULTURE_URL: subgraphUrls.culture,
      // One bench user sends far more than a person may (600 a minute by default): keep the per-person
      // limit in the measured path, out of reach.
      RATE_LIMIT_PER_MINUTE: '1000000',
    },
    { nodeArgs },
  );
  services.push(gateway);
  await waitReady(gateway);
}

interface Measurement {
  latenciesMs: number[];
  seconds: number;
}

/** Requests per block when the two paths take turns. */
const BLOCK = 20;

/**
 * Runs `request` up to `count` times with `concurrency` in flight, stopping early at `deadline`
 * (performance.now() time, shared by warm-up and measurement) so a slow system cannot hold the
 * benchmark indefinitely.
 */
async function measure(
  count: number,
  deadline: number,
  request: () => Promise<unknown>,
  parallel = concurrency,
): Promise<Measurement> {
  const latenciesMs: number[] = [];
  let issued = 0;
  const started = performance.now();
  const worker = async () => {
    while (issued < count && performance.now() < deadline) {
      issued++;
      const t0 = performance.now();
      await request();
      latenciesMs.push(performance.now() - t0);
    }
  };
  await Promise.all(Array.from({ length: parallel }, worker));
  return { latenciesMs, seconds: (performance.now() - started) / 1000 };
}

/** Nearest-rank percentile; NaN when nothing was measured. */
function percentile(values: number[], p: number): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.max(0, Math.ceil((p / 100) * sorted.length) - 1)] ?? Number.NaN;
}

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

/** Each subgraph's hand-written statement for the same figures, timed directly on its database. */
async function sqlLowerBounds(province: string, count: number, deadline: number) {
  const results = [];
  for (const [subgraph, sql] of Object.entries(LOWER_BOUND_SQL)) {
    const client = new pg.Client({ connectionString: benchDatabaseUrl(subgraph as SubgraphName) });
    await client.connect();
    try {
      const run = () => client.query(sql, [province, AS_OF, PROGRESS_YEAR]);
      // One connection runs one statement at a time: measured one after another.
      await measure(Math.min(warmup, 5), deadline, run, 1);
      const { latenciesMs } = await measure(count, deadline, run, 1);
      results.push({
        subgraph,
        count: latenciesMs.length,
        p50: percentile(latenciesMs, 50),
        p95: percentile(latenciesMs, 95),
      });
    } finally {
      await client.end();
    }
  }
  return results;
}

async function stopAll(): Promise<void> {
  // The gateway first, so it does not log the subgraphs going away.
  await Promise.all([...services].reverse().map(stopService));
}

async function main(): Promise<string> {
  console.log(`Starting the four subgraphs and the gateway (logs in ${root}.data/bench/logs)...`);
  await startAll();

  const planKey = benchPlanKey(code);
  const viaGateway =
    kind === 'progress'
      ? async () => postGraphQL(gatewayUrl, progressQuery(bySex), { key: planKey, year: PROGRESS_YEAR })
      : async () => postGraphQL(gatewayUrl, gatewayQuery(kind), { code });
  const direct =
    kind === 'progress'
      ? async () => directProgress(subgraphUrls, planKey, PROGRESS_YEAR, bySex)
      : async () => directSlice(subgraphUrls, kind, code);

  // Both paths must return the same data, or the comparison would be of different work.
  const [gatewayData, directData] = [await viaGateway(), await direct()];
  if (!isDeepStrictEqual(gatewayData, directData))
    throw new Error('the gateway and the direct sequence returned different data');
  const size = `response ${(JSON.stringify(gatewayData).length / 1024).toFixed(1)} KiB`;
  let subject: string;
  if (kind === 'progress') {
    type Row = { value: number | null; communes: { unit: { code: string } }[] };
    const rows = (gatewayData.plan as { progress: Row[] }).progress;
    const units = 1 + new Set(rows.flatMap((r) => r.communes.map((c) => c.unit.code))).size;
    if (rows.some((r) => r.value === null))
      throw new Error('a target of the bench plan has no value: is the bench data generated?');
    const values = rows.reduce((sum, r) => sum + 1 + r.communes.length, 0);
    subject = `progress of ${planKey} in ${PROGRESS_YEAR}${bySex ? ' split by sex' : ''}, province ${code} and its communes (${units} units)`;
    console.log(`Progress: ${rows.length} targets, ${values} values in ${units} units; ${size}`);
  } else {
    const unit = gatewayData.administrativeUnit as {
      fullName: string;
      childrenAged0To8Count: number;
      children?: { totalCount: number };
    };
    subject = `${kind} slice, ${unit.fullName} (${code})`;
    console.log(
      `Slice: ${unit.fullName} (${code})${unit.children ? ` with ${unit.children.totalCount} communes` : ''}, ${unit.childrenAged0To8Count} children 0-8; ${size}`,
    );
  }

  const paths = [
    { path: 'gateway', request: viaGateway, m: { latenciesMs: [] as number[], seconds: 0 } },
    { path: 'direct', request: direct, m: { latenciesMs: [] as number[], seconds: 0 } },
  ];
  const deadline = performance.now() + maxSeconds * 1000;
  for (const { request } of paths) await measure(warmup, deadline, request);
  // The machine drifts over minutes (caches, heaps), which would favour whichever path ran first:
  // alternating blocks in ABBA order gives both paths the same share of early and late time.
  for (let block = 0; block * BLOCK < requests && performance.now() < deadline; block++) {
    const count = Math.min(BLOCK, requests - block * BLOCK);
    for (const { request, m } of block % 2 === 0 ? paths : [...paths].reverse()) {
      const part = await measure(count, deadline, request);
      m.latenciesMs.push(...part.latenciesMs);
      m.seconds += part.seconds;
    }
  }
  for (const { path, m } of paths) {
    if (m.latenciesMs.length < requests)
      console.warn(`${path}: stopped after ${maxSeconds} s with ${m.latenciesMs.length} of ${requests} requests`);
    console.log(`  ${path}: ${m.latenciesMs.length} requests in ${m.seconds.toFixed(1)} s`);
  }

  const lowerBounds = kind === 'progress' ? await sqlLowerBounds(code, Math.min(requests, 50), deadline) : [];
  const memory = services.map((s) => {
    // Each service answered /ready, so its process was spawned and has an id.
    if (s.process.pid === undefined) throw new Error(`${s.name} has no process id`);
    return { name: s.name, ...memoryOf(s.process.pid) };
  });
  const stats = paths.map(({ path, m }) => ({
    path,
    count: m.latenciesMs.length,
    p50: percentile(m.latenciesMs, 50),
    p95: percentile(m.latenciesMs, 95),
    rps: m.latenciesMs.length / m.seconds,
  }));
  const [gateway, directStats] = stats as [(typeof stats)[number], (typeof stats)[number]];
  const ms = (x: number) => x.toFixed(1);
  const cpu = cpus();

  return `## Benchmark: ${subject}, concurrency ${concurrency}

${new Date().toISOString()} · ${cpu.length} × ${cpu[0]?.model.trim() ?? 'unknown CPU'} · ${(totalmem() / 1024 ** 3).toFixed(1)} GiB RAM · Node ${process.version} · PostgreSQL ${await postgresVersion()}
${warmup} warm-up requests, then ${requests} measured, per path, in alternating blocks of ${BLOCK}.

| path | requests | concurrency | p50 ms | p95 ms | req/s |
| --- | ---: | ---: | ---: | ---: | ---: |
${stats.map((s) => `| ${s.path} | ${s.count} | ${concurrency} | ${ms(s.p50)} | ${ms(s.p95)} | ${s.rps.toFixed(1)} |`).join('\n')}
| gateway / direct | | | ${(gateway.p50 / directStats.p50).toFixed(2)}× | ${(gateway.p95 / directStats.p95).toFixed(2)}× | ${(gateway.rps / directStats.rps).toFixed(2)}× |
${lowerBounds.map((b) => `| SQL lower bound: ${b.subgraph} | ${b.count} | 1 | ${ms(b.p50)} | ${ms(b.p95)} | |`).join('\n')}

| process | peak RSS (VmHWM) MiB | RSS at end MiB |
| --- | ---: | ---: |
${memory.map((p) => `| ${p.name} | ${p.peakMiB.toFixed(0)} | ${p.currentMiB.toFixed(0)} |`).join('\n')}
`;
}

let interrupted = false;
const onSignal = () => {
  interrupted = true;
  void stopAll().then(() => process.exit(130));
};
process.once('SIGINT', onSignal);
process.once('SIGTERM', onSignal);

try {
  const report = await main();
  console.log(`\n${report}`);
  mkdirSync(`${root}bench-results`, { recursive: true });
  const file = `${root}bench-results/${new Date().toISOString().replace(/[:.]/g, '-')}-${kind}-c${concurrency}.md`;
  writeFileSync(file, report);
  console.log(`Written to ${file}`);
} catch (error) {
  if (!interrupted) {
    console.error((error as Error).message);
    process.exitCode = 1;
  }
} finally {
  await stopAll();
}
