/**
 * What the benchmark's generator and runner agree on: where the bench databases live, which
 * province is generated, and on which ports the measured processes listen.
 */
import { fileURLToPath } from 'node:url';

import { benchEnv } from './env.js';

export const root = fileURLToPath(new URL('../../', import.meta.url));

/** The sector subgraphs, in the order the gateway's query plan fetches from them after ldtbxh. */
export const SECTORS = ['health', 'education', 'culture'] as const;
export const SUBGRAPHS = ['ldtbxh', ...SECTORS] as const;
export type SubgraphName = (typeof SUBGRAPHS)[number];

/** Thanh Hóa: 166 communes after the 2025 reform, the size of a large province. */
export const DEFAULT_PROVINCE = '38';
/** Sector rows are located in the units valid from the reform on, as the demo data is. */
export const AS_OF = '2025-07-01';

// Not the ports of `npm start` (4000-4004), so a running demo does not get in the way.
export const GATEWAY_PORT = 4100;
export const SUBGRAPH_PORTS: Record<SubgraphName, number> = {
  ldtbxh: 4101,
  health: 4102,
  education: 4103,
  culture: 4104,
};

export const adminUrl = () => benchEnv.BENCH_DATABASE_URL;

export const benchDatabaseName = (subgraph: SubgraphName) => `ecd_bench_${subgraph}`;

/** The admin URL with the bench database of a subgraph in place of the admin database. */
export function benchDatabaseUrl(subgraph: SubgraphName): string {
  const url = new URL(adminUrl());
  url.pathname = `/${benchDatabaseName(subgraph)}`;
  return url.toString();
}

export const migrationsDir = (subgraph: SubgraphName) => `${root}apps/${subgraph}/prisma/migrations`;

export const logDir = `${root}.data/bench/logs`;
