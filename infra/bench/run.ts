/**
 * `npm run bench`: with no `--query`, the whole suite against the issue's goals (suite.ts). With one,
 * a single measurement of the cost of the gateway: starts the four subgraphs and the gateway as separate
 * processes on the bench databases (made by infra/bench/generate.ts), then times the same data asked
 * of the gateway and asked of the subgraphs directly, and prints markdown tables: the slice of a
 * province or a commune, or the progress of the bench plan in the province and each of its communes
 * (with, for progress, each subgraph's hand-written SQL lower bound).
 *
 *   npm run bench -- --query province|commune|progress [--requests 200] [--concurrency 1] [--warmup 20] [--by-sex]
 *                    [--cache on|off] [--province 38] [--commune <code>] [--max-seconds 900] [--profile]
 *
 * --cache off: the subgraphs compute every figure afresh (FIGURE_CACHE=off) and the gateway keeps no answer (ANSWER_CACHE=off).
 * --by-sex adds each progress target's split by sex (health's figures, assessed by LĐTBXH).
 * --max-seconds bounds the whole warm-up and measurement; a path cut short reports fewer requests.
 * Needs the apps built (`npx turbo run build --filter=./apps/*`). Results are also written to
 * bench-results/ (not committed).
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { isDeepStrictEqual, parseArgs } from 'node:util';
import pg from 'pg';

import { communesOfProvince } from '@ecd/reference-data';

import { signInAsLeadAgencyOf } from './auth.js';
import { benchPlanKey } from './bench-plan.js';
import { AS_OF, benchDatabaseUrl, DEFAULT_PROVINCE, root, type SubgraphName } from './config.js';
import { startFederation, type Federation } from './federation.js';
import { machineLine } from './machine.js';
import { alternate, cpuTable, measure, percentile, withClientCpu } from './measure.js';
import { directProgress, progressQuery } from './progress.js';
import { PROGRESS_YEAR } from './sector-records.js';
import { askGateway, directSlice, gatewayQuery, postGraphQL, type QueryKind } from './slice.js';
import { LOWER_BOUND_SQL } from './sql-lower-bound.js';
import { runSuite } from './suite.js';

const { values: args } = parseArgs({
  options: {
    requests: { type: 'string', default: '200' },
    concurrency: { type: 'string', default: '1' },
    warmup: { type: 'string', default: '20' },
    query: { type: 'string' },
    province: { type: 'string', default: DEFAULT_PROVINCE },
    commune: { type: 'string' },
    'max-seconds': { type: 'string', default: '900' },
    'by-sex': { type: 'boolean', default: false },
    cache: { type: 'string', default: 'on' },
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
if (args.query !== undefined && !['province', 'commune', 'progress'].includes(args.query))
  throw new Error('--query must be province, commune or progress');
if (!['on', 'off'].includes(args.cache)) throw new Error('--cache must be on or off');
const kind = args.query as QueryKind | 'progress' | undefined;
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

/** With --profile each service writes a V8 CPU profile when it stops (open it in Chrome's DevTools). */
const nodeArgs = args.profile ? ['--cpu-prof', `--cpu-prof-dir=${root}bench-results/profiles`] : [];
let federation: Federation | undefined;

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

async function single(measured: QueryKind | 'progress'): Promise<string> {
  console.log(`Starting the four subgraphs and the gateway (logs in ${root}.data/bench/logs)...`);
  // One bench user sends far more than a person may (600 a minute by default): keep the per-person
  // limit in the measured path, out of reach.
  federation = await startFederation({
    database: 'postgres',
    caches: args.cache === 'on',
    rateLimitPerMinute: 1_000_000,
    nodeArgs,
  });
  const { gatewayUrl, subgraphUrls } = federation;
  const planKey = benchPlanKey(code);
  const [gatewayQueryText, gatewayVariables] =
    measured === 'progress'
      ? [progressQuery(bySex), { key: planKey, year: PROGRESS_YEAR }]
      : [gatewayQuery(measured), { code }];
  const viaGateway = () => askGateway(gatewayUrl, gatewayQueryText, gatewayVariables);
  const direct =
    measured === 'progress'
      ? async () => directProgress(subgraphUrls, planKey, PROGRESS_YEAR, bySex)
      : async () => directSlice(subgraphUrls, measured, code);

  // Both paths must return the same data, or the comparison would be of different work.
  const [gatewayData, directData] = [await postGraphQL(gatewayUrl, gatewayQueryText, gatewayVariables), await direct()];
  if (!isDeepStrictEqual(gatewayData, directData))
    throw new Error('the gateway and the direct sequence returned different data');
  const size = `response ${(JSON.stringify(gatewayData).length / 1024).toFixed(1)} KiB`;
  let subject: string;
  if (measured === 'progress') {
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
    subject = `${measured} slice, ${unit.fullName} (${code})`;
    console.log(
      `Slice: ${unit.fullName} (${code})${unit.children ? ` with ${unit.children.totalCount} communes` : ''}, ${unit.childrenAged0To8Count} children 0-8; ${size}`,
    );
  }

  const deadline = performance.now() + maxSeconds * 1000;
  const stats = await alternate(
    [
      { path: 'gateway', request: viaGateway },
      { path: 'direct', request: direct },
    ],
    { requests, warmup, concurrency, deadline, cpuMs: () => withClientCpu(federation?.cpuMs() ?? {}) },
  );
  const lowerBounds = measured === 'progress' ? await sqlLowerBounds(code, Math.min(requests, 50), deadline) : [];
  const memory = federation.memory();
  const startUpPeaks = federation.startUpPeaks;
  const [gateway, directStats] = stats as [(typeof stats)[number], (typeof stats)[number]];
  const ms = (x: number) => x.toFixed(1);

  return `## Benchmark: ${subject}, concurrency ${concurrency}, caches ${args.cache}

${await machineLine()}
${warmup} warm-up requests, then ${requests} measured, per path, in alternating blocks.

| path | requests | concurrency | p50 ms | p95 ms | req/s |
| --- | ---: | ---: | ---: | ---: | ---: |
${stats.map((s) => `| ${s.path} | ${s.count} | ${concurrency} | ${ms(s.p50)} | ${ms(s.p95)} | ${s.rps.toFixed(1)} |`).join('\n')}
| gateway / direct | | | ${(gateway.p50 / directStats.p50).toFixed(2)}× | ${(gateway.p95 / directStats.p95).toFixed(2)}× | ${(gateway.rps / directStats.rps).toFixed(2)}× |
${lowerBounds.map((b) => `| SQL lower bound: ${b.subgraph} | ${b.count} | 1 | ${ms(b.p50)} | ${ms(b.p95)} | |`).join('\n')}

${cpuTable(stats.map((s) => ({ title: s.path, stats: s })))}

| process | peak RSS at start-up MiB | peak RSS since ready MiB | RSS at end MiB |
| --- | ---: | ---: | ---: |
${memory.map((p) => `| ${p.name} | ${(startUpPeaks.find((s) => s.name === p.name)?.peakMiB ?? Number.NaN).toFixed(0)} | ${p.peakMiB.toFixed(0)} | ${p.currentMiB.toFixed(0)} |`).join('\n')}
`;
}

let interrupted = false;
const onSignal = () => {
  interrupted = true;
  void (federation?.stop() ?? Promise.resolve()).then(() => process.exit(130));
};
process.once('SIGINT', onSignal);
process.once('SIGTERM', onSignal);

try {
  const report = kind
    ? await single(kind)
    : await runSuite({
        province: args.province,
        maxSeconds,
        nodeArgs,
        started: (f) => (federation = f),
      });
  console.log(`\n${report}`);
  mkdirSync(`${root}bench-results`, { recursive: true });
  const file = `${root}bench-results/${new Date().toISOString().replace(/[:.]/g, '-')}-${kind ? `${kind}-c${concurrency}` : 'suite'}.md`;
  writeFileSync(file, report);
  console.log(`Written to ${file}`);
} catch (error) {
  if (!interrupted) {
    console.error((error as Error).message);
    process.exitCode = 1;
  }
} finally {
  await federation?.stop();
}
