/**
 * The measured system: the four subgraphs and the gateway as separate processes, either on the bench
 * databases of the local PostgreSQL (made by generate.ts) or on the embedded default (PGlite, each
 * subgraph's demo entry point seeding the demo province into a fresh data folder, as `npm start` does).
 */
import { cpSync, mkdirSync, rmSync } from 'node:fs';

import { emptyClusterTemplate } from '../scripts/pglite-template.js';
import { benchDatabaseUrl, GATEWAY_PORT, root, SUBGRAPH_PORTS, SUBGRAPHS, type SubgraphName } from './config.js';
import {
  assertPortFree,
  childrenOf,
  cpuMsOf,
  memoryOf,
  postgresCpuMs,
  resetPeak,
  startService,
  stopService,
  waitReady,
  type MemoryUse,
  type Service,
} from './services.js';

export interface FederationOptions {
  /** `postgres`: the bench databases; `embedded`: PGlite with the demo data, in a fresh folder. */
  database: 'postgres' | 'embedded';
  /**
   * Whether the caches are on: the subgraphs' figures by data version (FIGURE_CACHE) and the gateway's
   * answers by answer version (ANSWER_CACHE).
   */
  caches: boolean;
  /** The gateway's per-person limit (requests a minute); the bench's single user needs it out of reach. */
  rateLimitPerMinute?: number;
  /** Extra Node.js flags for every process (--cpu-prof...). */
  nodeArgs?: string[];
}

export interface Federation {
  gatewayUrl: string;
  subgraphUrls: Record<SubgraphName, string>;
  /**
   * Each process's memory now (on the embedded default each subgraph's database process after it); its
   * peak is that since the federation was ready.
   */
  memory(): (MemoryUse & { name: string })[];
  /**
   * CPU time each process has spent so far, ms, by name; on PostgreSQL each server process too, as
   * `PostgreSQL#<pid>` (`alternate` sums them under `PostgreSQL`).
   */
  cpuMs(): Record<string, number>;
  /** Each process's peak resident size up to the moment the federation was ready (migrations, seeding), MiB. */
  startUpPeaks: { name: string; peakMiB: number }[];
  stop(): Promise<void>;
}

const embeddedDataDir = `${root}.data/bench/embedded`;

export async function startFederation(options: FederationOptions): Promise<Federation> {
  await Promise.all([GATEWAY_PORT, ...Object.values(SUBGRAPH_PORTS)].map(assertPortFree));
  const services: Service[] = [];
  const stop = async () => {
    // The gateway first, so it does not log the subgraphs going away.
    await Promise.all([...services].reverse().map(stopService));
  };
  try {
    const template = options.database === 'embedded' ? await emptyClusterTemplate() : undefined;
    const nodeArgs = options.nodeArgs ?? [];
    const subgraphs = SUBGRAPHS.map((s) => {
      const figureCache = { FIGURE_CACHE: options.caches ? 'on' : 'off' };
      if (!template)
        return startService(s, SUBGRAPH_PORTS[s], { DATABASE_URL: benchDatabaseUrl(s), ...figureCache }, { nodeArgs });
      const dataDir = `${embeddedDataDir}/${s}`;
      rmSync(dataDir, { recursive: true, force: true });
      mkdirSync(embeddedDataDir, { recursive: true, mode: 0o700 });
      cpSync(template, dataDir, { recursive: true });
      return startService(
        s,
        SUBGRAPH_PORTS[s],
        { DATABASE_URL: '', DATA_DIR: dataDir, ...figureCache },
        { demo: true, nodeArgs },
      );
    });
    services.push(...subgraphs);
    // The embedded demo seeds its province on first start: several minutes on this 2-core machine.
    await Promise.all(subgraphs.map((s) => waitReady(s, template ? 600_000 : 120_000)));
    const subgraphUrls = Object.fromEntries(
      SUBGRAPHS.map((s) => [s, `http://127.0.0.1:${SUBGRAPH_PORTS[s]}/graphql`]),
    ) as Record<SubgraphName, string>;
    const gateway = startService(
      'gateway',
      GATEWAY_PORT,
      {
        SUPERGRAPH_MODE: 'file',
        ANSWER_CACHE: options.caches ? 'on' : 'off',
        LDTBXH_URL: subgraphUrls.ldtbxh,
        HEALTH_URL: subgraphUrls.health,
        EDUCATION_URL: subgraphUrls.education,
        CULTURE_URL: subgraphUrls.culture,
        ...(options.rateLimitPerMinute === undefined
          ? {}
          : { RATE_LIMIT_PER_MINUTE: String(options.rateLimitPerMinute) }),
      },
      { nodeArgs },
    );
    services.push(gateway);
    await waitReady(gateway);
    const pidOf = (s: Service) => {
      // Each service answered /ready, so its process was spawned and has an id.
      if (s.process.pid === undefined) throw new Error(`${s.name} has no process id`);
      return s.process.pid;
    };
    // Every process measured: the services, and on the embedded default each subgraph's database process.
    const processes = services.flatMap((s) => [
      { name: s.name, pid: pidOf(s) },
      ...(template ? childrenOf(pidOf(s)).map((pid) => ({ name: `${s.name} database`, pid })) : []),
    ]);
    const startUpPeaks = processes.map((p) => ({ name: p.name, peakMiB: memoryOf(p.pid).peakMiB }));
    for (const p of processes) resetPeak(p.pid);
    return {
      gatewayUrl: `http://127.0.0.1:${GATEWAY_PORT}/graphql`,
      subgraphUrls,
      memory: () => processes.map((p) => ({ name: p.name, ...memoryOf(p.pid) })),
      cpuMs: () => ({
        ...Object.fromEntries(processes.map((p) => [p.name, cpuMsOf(p.pid)])),
        ...(template ? {} : Object.fromEntries([...postgresCpuMs()].map(([pid, ms]) => [`PostgreSQL#${pid}`, ms]))),
      }),
      startUpPeaks,
      stop,
    };
  } catch (error) {
    await stop();
    throw error;
  }
}
