import type { RunningService } from '@ecd/service-kit';

import { createTestDatabase, subgraphTestEnv, type TestDatabase } from './database.js';
import { graphql } from './graphql-client.js';
import { registerService } from './identity.js';

export type SubgraphStarter = (env: NodeJS.ProcessEnv) => Promise<RunningService>;
export type GatewayStarter = (subgraphUrls: Record<string, string>) => Promise<RunningService>;

export interface Federation {
  gateway: RunningService;
  subgraphs: Record<string, RunningService>;
  query<TData = Record<string, unknown>>(
    query: string,
    variables?: Record<string, unknown>,
    headers?: Record<string, string>,
  ): ReturnType<typeof graphql<TData>>;
  /** Stops one subgraph, as when a sector's service goes down. */
  stopSubgraph(name: string): Promise<void>;
  close(): Promise<void>;
}

/**
 * Starts every subgraph in-process on its own fresh database and a free port, then the gateway
 * pointed at them: the whole federation as a client sees it, for integration tests and benchmarks.
 */
export async function startFederation(options: {
  subgraphs: Record<string, SubgraphStarter>;
  gateway: GatewayStarter;
  env?: Record<string, string>;
}): Promise<Federation> {
  const databases: TestDatabase[] = [];
  const subgraphs: Record<string, RunningService> = {};
  const stopped = new Set<string>();
  try {
    await Promise.all(
      Object.entries(options.subgraphs).map(async ([name, start]) => {
        const database = await createTestDatabase(name);
        databases.push(database);
        subgraphs[name] = await start(subgraphTestEnv(database, options.env));
        registerService(subgraphs[name]);
      }),
    );
    const gateway = await options.gateway(
      Object.fromEntries(Object.entries(subgraphs).map(([name, s]) => [name, s.graphqlUrl])),
    );
    registerService(gateway);
    return {
      gateway,
      subgraphs,
      query: (query, variables, headers) => graphql(gateway.graphqlUrl, query, variables, headers),
      async stopSubgraph(name) {
        stopped.add(name);
        await subgraphs[name]!.close();
      },
      async close() {
        await gateway.close();
        await Promise.all(
          Object.entries(subgraphs)
            .filter(([n]) => !stopped.has(n))
            .map(([, s]) => s.close()),
        );
        await Promise.all(databases.map((d) => d.drop()));
      },
    };
  } catch (error) {
    await Promise.all(Object.values(subgraphs).map((s) => s.close().catch(() => undefined)));
    await Promise.all(databases.map((d) => d.drop().catch(() => undefined)));
    throw error;
  }
}
