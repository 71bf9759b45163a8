/**
 * `npm run bench` with no `--query`: every figure the performance issue sets a goal for, in one table.
 * On the bench databases (PostgreSQL, 1.5 M children): the progress of the bench plan at concurrency 1
 * and 4, with the caches (figures and answers) off and warm, split by sex, each through the gateway and directly; then
 * 200 clients for 60 s on the slice, progress and record mix, on PostgreSQL and on the embedded default
 * (PGlite with the demo province, as `npm start` runs it). Each step starts the processes afresh, so
 * each one's peak memory is its own.
 */
import { isDeepStrictEqual } from 'node:util';

import { communesOfProvince } from '@ecd/reference-data';

import { benchPlanKey } from './bench-plan.js';
import { AS_OF } from './config.js';
import { startFederation, type Federation, type FederationOptions } from './federation.js';
import { runLoad, type LoadResult, type LoadTarget } from './load.js';
import { machineLine } from './machine.js';
import { alternate, cpuTable, withClientCpu, type PathStats } from './measure.js';
import { directProgress, progressQuery } from './progress.js';
import { PROGRESS_YEAR } from './sector-records.js';
import type { MemoryUse } from './services.js';
import { askGateway, postGraphQL } from './slice.js';

/** The embedded default's demo province, plan and year with figures (Lạng Sơn's plan, 2025). */
const DEMO = { province: '20', planKey: 'lang-son-2019-de-an-1437', year: 2025 };
const LOAD_CLIENTS = 200;
const LOAD_SECONDS = 60;
/**
 * Seconds the system is left idle after a load run before its memory is read again: at 15 s, and at 60 s,
 * which the goal is held to. V8 gives back the heap a load grew in steps while the process is idle (its
 * memory reducer): 15 s after 200 clients the gateway still held 1.3-1.9× its size before; in a throwaway
 * run on PostgreSQL (2026-12-03) every process was back at or under it 60 s after.
 */
const SETTLE_SECONDS = [15, 60] as const;

export interface SuiteOptions {
  province: string;
  maxSeconds: number;
  nodeArgs: string[];
  /** Told of each federation started, so an interrupt can stop it. */
  started: (federation: Federation) => void;
}

interface ProgressRun {
  label: string;
  concurrency: number;
  cache: boolean;
  bySex: boolean;
  gateway: PathStats;
  direct: PathStats;
}

interface LoadRun {
  label: string;
  result: LoadResult;
  before: ProcessMemory[];
  /** Read after each of SETTLE_SECONDS. */
  after: [ProcessMemory[], ProcessMemory[]];
}

type ProcessMemory = MemoryUse & { name: string };

export async function runSuite(options: SuiteOptions): Promise<string> {
  // Each process's peak while measured, and apart from it its peak while starting (an embedded subgraph seeding).
  const peaks = new Map<string, number>();
  const startUpPeaks = new Map<string, number>();
  const notePeaks = (memory: Pick<ProcessMemory, 'name' | 'peakMiB'>[], into: Map<string, number>) => {
    for (const p of memory) into.set(p.name, Math.max(into.get(p.name) ?? 0, p.peakMiB));
  };
  const deadline = performance.now() + options.maxSeconds * 1000;
  const withFederation = async <T>(
    settings: Omit<FederationOptions, 'nodeArgs'>,
    work: (f: Federation) => Promise<T>,
  ) => {
    console.log(`Starting the federation (${settings.database}, caches ${settings.caches ? 'on' : 'off'})...`);
    const federation = await startFederation({ ...settings, nodeArgs: options.nodeArgs });
    options.started(federation);
    notePeaks(federation.startUpPeaks, startUpPeaks);
    try {
      const result = await work(federation);
      notePeaks(federation.memory(), peaks);
      return result;
    } finally {
      await federation.stop();
    }
  };

  const planKey = benchPlanKey(options.province);
  const progressRuns: ProgressRun[] = [];
  const timeProgress = async (
    f: Federation,
    run: Omit<ProgressRun, 'gateway' | 'direct' | 'label'>,
    requests: number,
  ) => {
    const label = `c=${run.concurrency}, ${run.cache ? 'cache warm' : 'uncached'}${run.bySex ? ', by sex' : ''}`;
    console.log(`  progress ${label}`);
    // Both paths must return the same data, or the comparison would be of different work.
    const variables = { key: planKey, year: PROGRESS_YEAR };
    const [gatewayData, directData] = [
      await postGraphQL(f.gatewayUrl, progressQuery(run.bySex), variables),
      await directProgress(f.subgraphUrls, planKey, PROGRESS_YEAR, run.bySex),
    ];
    if (!isDeepStrictEqual(gatewayData, directData))
      throw new Error(`progress ${label}: the gateway and the direct sequence returned different data`);
    const [gateway, direct] = (await alternate(
      [
        {
          path: 'gateway',
          request: () => askGateway(f.gatewayUrl, progressQuery(run.bySex), variables),
        },
        { path: 'direct', request: () => directProgress(f.subgraphUrls, planKey, PROGRESS_YEAR, run.bySex) },
      ],
      { requests, warmup: 10, concurrency: run.concurrency, deadline, cpuMs: () => withClientCpu(f.cpuMs()) },
    )) as [PathStats, PathStats];
    progressRuns.push({ ...run, label, gateway, direct });
  };
  // One bench user sends far more than a person may: the per-person limit is kept out of reach.
  const unlimited = { rateLimitPerMinute: 1_000_000 };
  for (const cache of [false, true]) {
    await withFederation({ database: 'postgres', caches: cache, ...unlimited }, async (f) => {
      await timeProgress(f, { concurrency: 1, cache, bySex: false }, 60);
      await timeProgress(f, { concurrency: 4, cache, bySex: false }, 80);
      if (!cache) await timeProgress(f, { concurrency: 1, cache, bySex: true }, 40);
    });
  }

  const loadRuns: LoadRun[] = [];
  const load = async (
    label: string,
    settings: Omit<FederationOptions, 'nodeArgs'>,
    target: Omit<LoadTarget, 'gatewayUrl'>,
  ) =>
    withFederation(settings, async (f) => {
      console.log(`  ${LOAD_CLIENTS} clients for ${LOAD_SECONDS} s, ${label}`);
      // Every operation answered once, so the memory read before is that of a warm system.
      await runLoad({ ...target, gatewayUrl: f.gatewayUrl }, 1, 0.001);
      const before = f.memory();
      const result = await runLoad({ ...target, gatewayUrl: f.gatewayUrl }, LOAD_CLIENTS, LOAD_SECONDS);
      const idle = (seconds: number) => new Promise((resolve) => setTimeout(resolve, seconds * 1000));
      const [first, last] = SETTLE_SECONDS;
      await idle(first);
      const soon = f.memory();
      await idle(last - first);
      loadRuns.push({ label, result, before, after: [soon, f.memory()] });
    });
  // The people's own rate limit (600 requests a minute each) applies: each client is its own officer.
  await load(
    `PostgreSQL, province ${options.province}`,
    { database: 'postgres', caches: true },
    { province: options.province, communes: communeCodes(options.province), planKey, year: PROGRESS_YEAR },
  );
  await load(
    `embedded default (PGlite), demo province ${DEMO.province}`,
    { database: 'embedded', caches: true },
    { province: DEMO.province, communes: communeCodes(DEMO.province), planKey: DEMO.planKey, year: DEMO.year },
  );

  return report(await machineLine(), progressRuns, loadRuns, peaks, startUpPeaks);
}

function communeCodes(province: string): string[] {
  const communes = communesOfProvince(province, AS_OF).map((c) => c.code);
  if (communes.length === 0) throw new Error(`province ${province} has no communes on ${AS_OF}`);
  return communes;
}

const ms = (x: number) => (Number.isNaN(x) ? '—' : x < 10 ? x.toFixed(1) : x.toFixed(0));
/** A figure held against its goal, with a decimal so that 30.4 ms does not read as meeting ≤ 30 ms. */
const goalMs = (x: number) => `${x.toFixed(1)} ms`;
const yes = (met: boolean) => (met ? 'met' : '**not met**');
/** A load run's memory is flat when every process, left idle a minute after it, is within a quarter of its resident size before it. */
const FLAT = 1.25;

/** The largest of the peaks, with its process: "611 MiB (health)". */
function largest(peaks: Map<string, number>): { value: number; text: string } {
  const [name, value] = [...peaks].reduce((most, p) => (p[1] > most[1] ? p : most));
  return { value, text: `${value.toFixed(0)} MiB (${name})` };
}

function report(
  machine: string,
  progress: ProgressRun[],
  loads: LoadRun[],
  peaks: Map<string, number>,
  startUpPeaks: Map<string, number>,
): string {
  const find = (concurrency: number, cache: boolean, bySex = false) => {
    const run = progress.find((r) => r.concurrency === concurrency && r.cache === cache && r.bySex === bySex);
    if (!run) throw new Error(`no progress run c=${concurrency} cache=${cache} bySex=${bySex}`);
    return run;
  };
  const c1 = find(1, false);
  const c4 = find(4, false);
  const c4cached = find(4, true);
  const sex = find(1, false, true);
  const ratio = c1.gateway.p50 / c1.direct.p50;
  const sexRatio = sex.gateway.p50 / c1.gateway.p50;
  const maxPeak = largest(peaks);
  const goals: [string, string, string, boolean][] = [
    ['c=1, uncached: gateway p95', '≤ 100 ms', goalMs(c1.gateway.p95), c1.gateway.p95 <= 100],
    ['c=1, uncached: gateway / direct (p50)', '≤ 1.2×', `${ratio.toFixed(2)}×`, ratio <= 1.2],
    ['c=4, uncached: gateway throughput', '≥ 20 req/s', `${c4.gateway.rps.toFixed(1)} req/s`, c4.gateway.rps >= 20],
    [
      'c=4, cache warm: gateway throughput',
      '≥ 200 req/s',
      `${c4cached.gateway.rps.toFixed(1)} req/s`,
      c4cached.gateway.rps >= 200,
    ],
    ['c=4, cache warm: gateway p95', '≤ 30 ms', goalMs(c4cached.gateway.p95), c4cached.gateway.p95 <= 30],
    ['split by sex / plain (gateway p50, c=1)', '≤ 1.3×', `${sexRatio.toFixed(2)}×`, sexRatio <= 1.3],
    ...loads.flatMap((l): [string, string, string, boolean][] => {
      const all = l.result.rows.find((r) => r.operation === 'all');
      // The process that grew most: its resident size a minute after the run over before it.
      const growth = l.after[1]
        .map((p) => ({
          name: p.name,
          ratio: p.currentMiB / (l.before.find((b) => b.name === p.name)?.currentMiB ?? Number.NaN),
        }))
        .reduce((most, p) => (p.ratio > most.ratio ? p : most));
      const flat = growth.ratio <= FLAT;
      return [
        [
          `${LOAD_CLIENTS} clients × ${LOAD_SECONDS} s, ${l.label}: errors`,
          '0',
          `${all?.errors ?? '—'} of ${all?.count ?? '—'}`,
          all?.errors === 0,
        ],
        [`… p50 / p99`, 'reported', `${ms(all?.p50 ?? Number.NaN)} / ${ms(all?.p99 ?? Number.NaN)} ms`, true],
        [
          `… memory ${SETTLE_SECONDS[1]} s after the run`,
          `≤ ${FLAT}× before`,
          `${growth.ratio.toFixed(2)}× (${growth.name})`,
          flat,
        ],
      ];
    }),
    ['peak RSS of every process while measured, every run', '≤ 300 MiB', maxPeak.text, maxPeak.value <= 300],
    ['… and while starting (migrations; the demo seeded on PGlite)', 'reported', largest(startUpPeaks).text, true],
  ];

  const progressTable = progress
    .map(
      (r) =>
        `| ${r.label} | ${ms(r.gateway.p50)} / ${ms(r.gateway.p95)} | ${ms(r.direct.p50)} / ${ms(r.direct.p95)} | ${r.gateway.rps.toFixed(1)} | ${r.direct.rps.toFixed(1)} | ${r.gateway.count} |`,
    )
    .join('\n');
  const loadTables = loads
    .map(
      (l) => `### ${LOAD_CLIENTS} clients × ${LOAD_SECONDS} s, ${l.label}: ${l.result.rps.toFixed(1)} req/s

| operation | requests | errors | p50 ms | p99 ms |
| --- | ---: | ---: | ---: | ---: |
${l.result.rows.map((r) => `| ${r.operation} | ${r.count} | ${r.errors} | ${ms(r.p50)} | ${ms(r.p99)} |`).join('\n')}
${l.result.errorSamples.length ? `\nErrors seen: ${l.result.errorSamples.join('; ')}\n` : ''}
| process | RSS before MiB | peak RSS MiB | RSS ${SETTLE_SECONDS[0]} s after MiB | RSS ${SETTLE_SECONDS[1]} s after MiB |
| --- | ---: | ---: | ---: | ---: |
${l.after[1].map((p) => `| ${p.name} | ${(l.before.find((b) => b.name === p.name)?.currentMiB ?? Number.NaN).toFixed(0)} | ${p.peakMiB.toFixed(0)} | ${(l.after[0].find((a) => a.name === p.name)?.currentMiB ?? Number.NaN).toFixed(0)} | ${p.currentMiB.toFixed(0)} |`).join('\n')}`,
    )
    .join('\n\n');

  return `## Benchmark suite: the performance goals

${machine}

| goal | target | measured | |
| --- | --- | --- | --- |
${goals.map(([goal, target, measured, met]) => `| ${goal} | ${target} | ${measured} | ${target === 'reported' ? '' : yes(met)} |`).join('\n')}

### Progress of the bench plan (province and its communes, 1.5 M children)

| run | gateway p50 / p95 ms | direct p50 / p95 ms | gateway req/s | direct req/s | requests |
| --- | ---: | ---: | ---: | ---: | ---: |
${progressTable}

${cpuTable([
  ...progress.map((r) => ({ title: `gateway, ${r.label}`, stats: r.gateway })),
  { title: 'direct, c=1, uncached', stats: find(1, false).direct },
])}

${loadTables}

### Peak RSS per process over every run (MiB)

| process | while starting | while measured |
| --- | ---: | ---: |
${[...peaks].map(([name, peak]) => `| ${name} | ${(startUpPeaks.get(name) ?? Number.NaN).toFixed(0)} | ${peak.toFixed(0)} |`).join('\n')}
`;
}
