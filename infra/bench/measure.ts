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
  }: { requests: number; warmup: number; concurrency: number; deadline: number },
): Promise<PathStats[]> {
  const results = paths.map((p) => ({ ...p, m: { latenciesMs: [] as number[], seconds: 0 } }));
  for (const { request } of results) await measure(warmup, deadline, request, concurrency);
  for (let block = 0; block * BLOCK < requests && performance.now() < deadline; block++) {
    const count = Math.min(BLOCK, requests - block * BLOCK);
    for (const { request, m } of block % 2 === 0 ? results : [...results].reverse()) {
      const part = await measure(count, deadline, request, concurrency);
      m.latenciesMs.push(...part.latenciesMs);
      m.seconds += part.seconds;
    }
  }
  return results.map(({ path, m }) => {
    if (m.latenciesMs.length < requests)
      console.warn(`${path}: stopped at the time limit with ${m.latenciesMs.length} of ${requests} requests`);
    return {
      path,
      count: m.latenciesMs.length,
      p50: percentile(m.latenciesMs, 50),
      p95: percentile(m.latenciesMs, 95),
      rps: m.latenciesMs.length / m.seconds,
    };
  });
}
