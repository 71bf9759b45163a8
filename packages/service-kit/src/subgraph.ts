import type { Server } from 'node:http';
import { ApolloServer, type ApolloServerPlugin } from '@apollo/server';
import {
  ApolloServerPluginCacheControlDisabled,
  ApolloServerPluginInlineTraceDisabled,
  ApolloServerPluginLandingPageDisabled,
} from '@apollo/server/plugin/disabled';
import { buildSubgraphSchema } from '@apollo/subgraph';
import { parse } from 'graphql';

import { oneLookupPerRequestRule } from './auth/personal-lookup.js';
import { enforcePolicies } from './auth/policy.js';
import type { RequestContext } from './context.js';
import { DateScalar } from './date-scalar.js';
import { createErrorFormatter } from './errors.js';
import { drainPlugin } from './http.js';
import { inputSafetyPlugin } from './input-safety.js';
import { queryLimitOptions, SUBGRAPH_QUERY_LIMITS, type QueryLimits } from './limits.js';
import type { Logger } from './logger.js';
import { hookResult } from './plugin-hooks.js';
import { shareableAnswerPlugin } from './shareable-answer.js';

export interface SubgraphServerOptions {
  typeDefs: string;
  // Codegen's resolver types are stricter than Apollo's map; the schema check happens in buildSubgraphSchema.
  resolvers: object;
  logger: Logger;
  httpServer?: Server;
  /** What one request may ask (SUBGRAPH_QUERY_LIMITS unless overridden, e.g. by `queryLimitsFromEnv`). */
  limits?: QueryLimits;
  /** The subgraph's answer version now (shareable-answer.ts); without it no answer is marked shareable. */
  answerVersion?: () => Promise<string>;
  /** Whether it answers introspection (`introspectionEnabled`; closed unless asked); `_service { sdl }`, which the gateway composes with, always. */
  introspection?: boolean;
}

/** Builds a subgraph's schema with every field guarded by its `@policy` (see auth/policy.ts). */
export function buildGuardedSubgraphSchema(typeDefs: string, resolvers: object) {
  return enforcePolicies(
    buildSubgraphSchema({
      typeDefs: parse(typeDefs),
      resolvers: { ...sharedScalars, ...resolvers },
    }),
  );
}

/** Scalars every subgraph declares in its SDL, resolved the same way everywhere (Date: real days of 1900-2100 only). */
export const sharedScalars = { Date: DateScalar };

/** Logs one line per operation with its duration and error count, tagged with the request id. */
export const operationLogPlugin: ApolloServerPlugin<RequestContext> = {
  requestDidStart({ contextValue, request }) {
    const started = performance.now();
    return Promise.resolve({
      willSendResponse({ errors }) {
        return hookResult(() => {
          contextValue.logger.info(
            {
              operation: request.operationName ?? null,
              ms: Math.round(performance.now() - started),
              errors: errors?.length ?? 0,
            },
            'graphql operation',
          );
        });
      },
    });
  },
};

/**
 * A subgraph's Apollo server. Besides the limits, every subgraph refuses an operation that asks a
 * lookup by personal number (`@access(policy: "personal-id:lookup")`) more than once; `plugins` are
 * the service's own (e.g. the audit log's).
 */
export function createSubgraphApollo<TContext extends RequestContext>(
  options: SubgraphServerOptions & { plugins?: ApolloServerPlugin<TContext>[] },
): ApolloServer<TContext> {
  const limits = queryLimitOptions(options.limits ?? SUBGRAPH_QUERY_LIMITS);
  return new ApolloServer<TContext>({
    schema: buildGuardedSubgraphSchema(options.typeDefs, options.resolvers),
    logger: options.logger,
    introspection: options.introspection ?? false,
    // The gateway never sends persisted queries.
    persistedQueries: false,
    includeStacktraceInErrorResponses: false,
    // The service's closeOnSignals stops it (drain, then its database): Apollo's own handler would re-raise
    // the signal as soon as the HTTP server drained, killing the process before the database closed.
    stopOnTerminationSignals: false,
    formatError: createErrorFormatter(options.logger),
    validationRules: [...limits.validationRules, oneLookupPerRequestRule()],
    parseOptions: limits.parseOptions,
    plugins: [
      ...(limits.plugins as ApolloServerPlugin<TContext>[]),
      operationLogPlugin,
      inputSafetyPlugin,
      // Marks answers the gateway may share among people with the same claims (shareable-answer.ts).
      ...(options.answerVersion ? [shareableAnswerPlugin(options.answerVersion)] : []),
      ...(options.plugins ?? []),
      ApolloServerPluginLandingPageDisabled(),
      // Neither is used (no HTTP caching of answers, no Apollo Studio), and each hooks every field resolved:
      // on a province's progress (tens of thousands of fields) they cost more than the rest of the execution.
      ApolloServerPluginCacheControlDisabled(),
      ApolloServerPluginInlineTraceDisabled(),
      ...(options.httpServer ? [drainPlugin(options.httpServer)] : []),
    ],
  });
}
