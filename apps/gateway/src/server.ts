import { readFileSync } from 'node:fs';
import { ApolloGateway, IntrospectAndCompose } from '@apollo/gateway';
import { ApolloServer } from '@apollo/server';
import { createErrorFormatter, createLogger, drainPlugin, operationLogPlugin, startHttpService, type RequestContext } from '@ecd/service-kit';
import { loadEnv, subgraphUrlOverrides, type Env } from './env.js';
import { SectorDataSource } from './sector-data-source.js';

export interface GatewayOptions {
  env?: Env;
  /** Subgraph URLs by name, overriding the environment and the supergraph (tests start subgraphs on free ports). */
  subgraphUrls?: Record<string, string>;
}

/** Starts the gateway over the committed supergraph (or, in `introspect` mode, the running subgraphs). */
export async function startGateway(options: GatewayOptions = {}) {
  const env = options.env ?? loadEnv();
  const logger = createLogger('gateway', env.LOG_LEVEL);
  const overrides = { ...subgraphUrlOverrides(env), ...options.subgraphUrls };
  const gateway = new ApolloGateway({
    logger,
    ...(env.SUPERGRAPH_MODE === 'file'
      ? { supergraphSdl: readFileSync(env.SUPERGRAPH_PATH, 'utf8') }
      : {
          supergraphSdl: new IntrospectAndCompose({
            subgraphs: Object.entries(overrides).map(([name, url]) => ({ name, url })),
          }),
        }),
    buildService: ({ name, url }) => new SectorDataSource(name, overrides[name] ?? url!, env.SUBGRAPH_TIMEOUT_MS),
  });
  const service = await startHttpService<RequestContext>({
    name: 'gateway',
    logger,
    host: env.HOST,
    port: env.PORT,
    apollo: (httpServer) =>
      new ApolloServer<RequestContext>({
        gateway,
        logger,
        introspection: true,
        includeStacktraceInErrorResponses: false,
        formatError: createErrorFormatter(logger),
        plugins: [operationLogPlugin, drainPlugin(httpServer)],
      }),
    context: (base) => base,
  });
  return { ...service, logger };
}
