import type { Server } from 'node:http';
import { ApolloServer, type ApolloServerPlugin } from '@apollo/server';
import { ApolloServerPluginLandingPageDisabled } from '@apollo/server/plugin/disabled';
import { buildSubgraphSchema } from '@apollo/subgraph';
import type { GraphQLResolverMap } from '@apollo/subgraph/dist/schema-helper/resolverMap.js';
import { parse } from 'graphql';
import { DateResolver } from 'graphql-scalars';
import { enforcePolicies } from './auth/policy.js';
import type { RequestContext } from './context.js';
import { createErrorFormatter } from './errors.js';
import { drainPlugin } from './http.js';
import type { Logger } from './logger.js';

export interface SubgraphServerOptions {
  typeDefs: string;
  // Codegen's resolver types are stricter than Apollo's map; the schema check happens in buildSubgraphSchema.
  resolvers: object;
  logger: Logger;
  httpServer?: Server;
}

/** Builds a subgraph's schema with every field guarded by its `@policy` (see auth/policy.ts). */
export function buildGuardedSubgraphSchema(typeDefs: string, resolvers: object) {
  return enforcePolicies(
    buildSubgraphSchema({
      typeDefs: parse(typeDefs),
      resolvers: { ...sharedScalars, ...resolvers } as GraphQLResolverMap<unknown>,
    }),
  );
}

/** Scalars every subgraph declares in its SDL, resolved the same way everywhere. */
export const sharedScalars = { Date: DateResolver };

/** Logs one line per operation with its duration and error count, tagged with the request id. */
export const operationLogPlugin: ApolloServerPlugin<RequestContext> = {
  async requestDidStart({ contextValue, request }) {
    const started = performance.now();
    return {
      async willSendResponse({ errors }) {
        contextValue.logger.info(
          { operation: request.operationName ?? null, ms: Math.round(performance.now() - started), errors: errors?.length ?? 0 },
          'graphql operation',
        );
      },
    };
  },
};

export function createSubgraphApollo<TContext extends RequestContext>(options: SubgraphServerOptions): ApolloServer<TContext> {
  return new ApolloServer<TContext>({
    schema: buildGuardedSubgraphSchema(options.typeDefs, options.resolvers),
    logger: options.logger,
    introspection: true,
    includeStacktraceInErrorResponses: false,
    formatError: createErrorFormatter(options.logger),
    plugins: [
      operationLogPlugin as ApolloServerPlugin<TContext>,
      ApolloServerPluginLandingPageDisabled(),
      ...(options.httpServer ? [drainPlugin(options.httpServer)] : []),
    ],
  });
}
