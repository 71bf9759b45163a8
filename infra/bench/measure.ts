/** Timing loops and their statistics, shared by the single measurements and the suite. */

export interface Measurement {
  latenciesMs: number[];
  seconds: number;
}

/**
 * Runs `request` up to `count` times with `parallel` in flight, stopping early at `deadline`
 * (performance.now() time, shared by warm-up and measurement) so a slow system cannot hold the
 * benchmark indefinitely.
 */
export async function measure(
  count: number,
  deadline: number,
  request: () => Promise<unknown>,
  parallel: number,
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
export function percentile(values: readonly number[], p: number): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.max(0, Math.ceil((p / 100) * sorted.length) - 1)] ?? Number.NaN;
}

/** Requests per block when paths take turns. */
export const BLOCK = 20;

export interface PathStats {
  path: string;
  count: number;
  p50: number;
  p95: number;
  rps: number;
  /** CPU time per request of each process (`alternate`'s `cpuMs`), ms, over the measured blocks. */
  cpuMsPerRequest: Record<string, number>;
}

/**
 * Times each path `requests` times after `warmup` requests. The machine drifts over minutes (caches,
 * heaps), which would favour whichever path ran first: alternating blocks in ABBA order give every
 * path the same share of early and late time.
 */
export async function alternate(
  paths: { path: string; request: () => Promise<unknown> }[],
  {
    requests,
    warmup,
    concurrency,
    deadline,
    cpuMs = () => ({}),
  }: {
    requests: number;
    warmup: number;
    concurrency: number;
    deadline: number;
    /**
     * Each process's CPU time so far, ms, by name (`name#id` for one of several processes counted under
     * `name`): read around each block, so each path is charged its own.
     */
    cpuMs?: () => Record<string, number>;
  },
): Promise<PathStats[]> {
  const results = paths.map((p) => {
    const cpu: Record<string, number> = {};
    return { ...p, m: { latenciesMs: [] as number[], seconds: 0 }, cpu };
  });
  for (const { request } of results) await measure(warmup, deadline, request, concurrency);
  for (let block = 0; block * BLOCK < requests && performance.now() < deadline; block++) {
    const count = Math.min(BLOCK, requests - block * BLOCK);
    for (const { request, m, cpu } of block % 2 === 0 ? results : [...results].reverse()) {
      const before = cpuMs();
      const part = await measure(count, deadline, request, concurrency);
      // A process that started in between counts from 0; `name#id` readings are summed under `name`.
      for (const [key, ms] of Object.entries(cpuMs())) {
        const name = key.split('#')[0] ?? key;
        cpu[name] = (cpu[name] ?? 0) + ms - (before[key] ?? 0);
      }
      m.latenciesMs.push(...part.latenciesMs);
      m.seconds += part.seconds;
    }
  }
  return results.map(({ path, m, cpu }) => {
    if (m.latenciesMs.length < requests)
      console.warn(`${path}: stopped at the time limit with ${m.latenciesMs.length} of ${requests} requests`);
    return {
      path,
      count: m.latenciesMs.length,
      p50: percentile(m.latenciesMs, 50),
      p95: percentile(m.latenciesMs, 95),
      rps: m.latenciesMs.length / m.seconds,
      cpuMsPerRequest: Object.fromEntries(Object.entries(cpu).map(([name, ms]) => [name, ms / m.latenciesMs.length])),
    };
  });
}

/** The processes' CPU readings with this bench process's own (the client, which on the direct path also merges), ms. */
export function withClientCpu(cpuMs: Record<string, number>): Record<string, number> {
  const { user, system } = process.cpuUsage();
  return { ...cpuMs, 'bench client': (user + system) / 1000 };
}

/**
 * Where a request's time goes: each process's CPU time per request, ms, one column per measured path, and
 * their sum. On two cores the sum over 2 is the least time a request can take at full load.
 */
export function cpuTable(columns: { title: string; stats: PathStats }[]): string {
  const names = [...new Set(columns.flatMap((c) => Object.keys(c.stats.cpuMsPerRequest)))];
  if (!names.length) return '';
  const cell = (c: { stats: PathStats }, name: string) => c.stats.cpuMsPerRequest[name]?.toFixed(1) ?? '—';
  const total = (c: { stats: PathStats }) =>
    Object.values(c.stats.cpuMsPerRequest)
      .reduce((sum, ms) => sum + ms, 0)
      .toFixed(1);
  return `| CPU ms per request | ${columns.map((c) => c.title).join(' | ')} |
| --- | ${columns.map(() => '---:').join(' | ')} |
${names.map((name) => `| ${name} | ${columns.map((c) => cell(c, name)).join(' | ')} |`).join('\n')}
| all | ${columns.map(total).join(' | ')} |`;
}
