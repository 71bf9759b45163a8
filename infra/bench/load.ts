/**
 * The load run: many people at once for a fixed time, each one sending its next request as soon as the
 * previous is answered (closed loop), on a mix of the province and commune slices, the plan's progress
 * and a commune's records. Each client is its own officer (its own token), so the gateway's per-person
 * rate limit applies as it would to real users. Every answer that is not a complete 200 with data counts
 * as an error, and so does a request unanswered after CLIENT_TIMEOUT_MS.
 */
import { leadAgencyAuthorization } from './auth.js';
import { percentile } from './measure.js';
import { progressQuery } from './progress.js';
import { gatewayQuery } from './slice.js';

/** What a person waits before giving up: the gateway's own request time-out is 30 s. */
const CLIENT_TIMEOUT_MS = 60_000;

/** A commune's facilities of each sector, as a commune officer's list pages ask them. */
const RECORDS_QUERY = `
  query Records($code: String!) {
    administrativeUnit(code: $code) {
      code name
      healthStations(first: 20) { totalCount nodes { name openedOn } }
      schools { name level }
      culturalFacilities(first: 20) { totalCount nodes { name } }
    }
  }`;

export interface LoadTarget {
  gatewayUrl: string;
  province: string;
  communes: readonly string[];
  planKey: string;
  year: number;
}

interface Operation {
  name: string;
  /** Share of the requests, out of the weights' sum (a small whole number). */
  weight: number;
  body: (pick: <T>(items: readonly T[]) => T) => { query: string; variables: Record<string, unknown> };
}

const operations = (t: LoadTarget): Operation[] => [
  {
    name: 'province slice',
    weight: 2,
    body: () => ({ query: gatewayQuery('province'), variables: { code: t.province } }),
  },
  {
    name: 'commune slice',
    weight: 4,
    body: (pick) => ({ query: gatewayQuery('commune'), variables: { code: pick(t.communes) } }),
  },
  {
    name: 'progress',
    weight: 2,
    body: () => ({ query: progressQuery(false), variables: { key: t.planKey, year: t.year } }),
  },
  {
    name: 'commune records',
    weight: 2,
    body: (pick) => ({ query: RECORDS_QUERY, variables: { code: pick(t.communes) } }),
  },
];

export interface LoadStats {
  operation: string;
  count: number;
  errors: number;
  p50: number;
  p99: number;
}

export interface LoadResult {
  clients: number;
  seconds: number;
  rps: number;
  rows: LoadStats[];
  /** A few of the errors seen, for the report. */
  errorSamples: string[];
}

/** A small seeded generator: the same mix in every run. */
function seeded(seed: number) {
  let state = seed >>> 0;
  return () => {
    state = (Math.imul(state, 1_664_525) + 1_013_904_223) >>> 0;
    return state / 2 ** 32;
  };
}

async function send(url: string, authorization: string, body: object): Promise<string | null> {
  try {
    const response = await fetch(url, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization },
      body: JSON.stringify(body),
      signal: AbortSignal.timeout(CLIENT_TIMEOUT_MS),
    });
    const answer = (await response.json()) as { data?: unknown; errors?: { extensions?: { code?: string } }[] };
    if (response.ok && answer.data && !answer.errors?.length) return null;
    return `${response.status} ${answer.errors?.map((e) => e.extensions?.code ?? '?').join(',') ?? 'no data'}`;
  } catch (error) {
    return (error as Error).name === 'TimeoutError' ? 'client time-out' : (error as Error).message;
  }
}

/** Runs `clients` closed-loop clients for `seconds` and gives each operation's latencies and errors. */
export async function runLoad(target: LoadTarget, clients: number, seconds: number): Promise<LoadResult> {
  const ops = operations(target);
  // Each operation `weight` times: a draw from it picks an operation in proportion to its weight.
  const schedule = ops.flatMap((op) => Array.from({ length: op.weight }, () => op));
  const latencies = new Map(ops.map((op) => [op.name, [] as number[]]));
  const errors = new Map(ops.map((op) => [op.name, 0]));
  const errorSamples = new Set<string>();
  const authorizations = await Promise.all(
    Array.from({ length: clients }, (_, n) => leadAgencyAuthorization(target.province, n)),
  );
  const started = performance.now();
  const deadline = started + seconds * 1000;
  const client = async (n: number) => {
    const random = seeded(n + 1);
    const pick = <T>(items: readonly T[]): T => items[Math.floor(random() * items.length)] as T;
    while (performance.now() < deadline) {
      const op = pick(schedule);
      const t0 = performance.now();
      const error = await send(target.gatewayUrl, authorizations[n] as string, op.body(pick));
      latencies.get(op.name)?.push(performance.now() - t0);
      if (error) {
        errors.set(op.name, (errors.get(op.name) ?? 0) + 1);
        if (errorSamples.size < 5) errorSamples.add(`${op.name}: ${error}`);
      }
    }
  };
  await Promise.all(Array.from({ length: clients }, (_, n) => client(n)));
  const elapsed = (performance.now() - started) / 1000;
  const all = [...latencies.values()].flat();
  const rows = ops.map((op) => {
    const ms = latencies.get(op.name) ?? [];
    return {
      operation: op.name,
      count: ms.length,
      errors: errors.get(op.name) ?? 0,
      p50: percentile(ms, 50),
      p99: percentile(ms, 99),
    };
  });
  rows.push({
    operation: 'all',
    count: all.length,
    errors: rows.reduce((sum, r) => sum + r.errors, 0),
    p50: percentile(all, 50),
    p99: percentile(all, 99),
  });
  return { clients, seconds: elapsed, rps: all.length / elapsed, rows, errorSamples: [...errorSamples] };
}
