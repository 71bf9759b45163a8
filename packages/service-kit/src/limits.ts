import type { ApolloServerPlugin } from '@apollo/server';
import { ApolloArmor } from '@escape.tech/graphql-armor';
import {
  getNamedType,
  getNullableType,
  GraphQLError,
  isCompositeType,
  isInterfaceType,
  isListType,
  isObjectType,
  Kind,
  type DocumentNode,
  type FieldNode,
  type FragmentDefinitionNode,
  type GraphQLCompositeType,
  type GraphQLSchema,
  type OperationDefinitionNode,
  type ParseOptions,
  type SelectionSetNode,
  type ValidationContext,
  type ValidationRule,
} from 'graphql';
import { z } from 'zod';

import { MAX_PAGE_SIZE } from './pagination.js';
import { hookResult } from './plugin-hooks.js';

/**
 * What one GraphQL request may ask for, checked before anything is planned or resolved, so no single
 * request can occupy the services (the attack of 200 aliases of a plan's progress by commune, or a
 * `children → parent → children` cycle expanding to 275,000 units, is refused up front).
 */
export interface QueryLimits {
  /** Levels of nested fields (fragments do not add a level). */
  maxDepth: number;
  /** Aliased fields in the operation, fragments included (`__typename` is free). */
  maxAliases: number;
  /** Lexical tokens of the document (names, punctuation, values; comments are not counted). */
  maxTokens: number;
  /** Directives used in the operation. */
  maxDirectives: number;
  /**
   * Estimated values in the answer (see `estimateQueryCost`): every field counts once for each item of
   * every list around it, a page counting as many items as its `first` (literal, variable or default).
   */
  maxCost: number;
  /** Items a list without `first` is assumed to hold when estimating the cost. */
  assumedListSize: number;
}

/**
 * The gateway's limits, for clients. Measured over the legitimate queries (the README's, the 98 of the
 * test suites, the benchmarks'): at most depth 5, 1 alias, 63 tokens, no directive and an estimated
 * cost of 29,557 (the benchmark's province slice with `children(first: 500)`; the README's first query
 * costs 2,765). The attacks: 200 aliases of a plan's progress (4,402 tokens), the 3-level
 * `children → parent → children` cycle (depth 10, cost 3 million), two pages of 500 (cost 1 million).
 */
export const GATEWAY_QUERY_LIMITS: QueryLimits = {
  maxDepth: 8,
  maxAliases: 15,
  maxTokens: 2_000,
  maxDirectives: 20,
  maxCost: 50_000,
  assumedListSize: 10,
};

/**
 * A subgraph's limits: defence in depth behind the gateway, loose enough for every query plan the
 * gateway makes of a query within its own limits (`_entities` with its representations, an inline
 * fragment per type, the key and `@requires` fields and `__typename` the planner adds). The plans of
 * the legitimate queries above need at most depth 5, 58 tokens and a cost of 13,525.
 */
export const SUBGRAPH_QUERY_LIMITS: QueryLimits = {
  maxDepth: 16,
  maxAliases: 60,
  maxTokens: 20_000,
  maxDirectives: 100,
  maxCost: 200_000,
  assumedListSize: 10,
};

const optionalLimit = z.coerce
  .number()
  .int()
  .positive()
  .optional()
  .or(z.literal('').transform(() => undefined));

/** The variables that override a service's default limits (unset: the defaults above). */
export const queryLimitsEnv = {
  QUERY_MAX_DEPTH: optionalLimit,
  QUERY_MAX_ALIASES: optionalLimit,
  QUERY_MAX_TOKENS: optionalLimit,
  QUERY_MAX_DIRECTIVES: optionalLimit,
  QUERY_MAX_COST: optionalLimit,
};
type QueryLimitsEnv = { [K in keyof typeof queryLimitsEnv]?: number | undefined };

/** A service's limits: its defaults with what the environment overrides. */
export function queryLimitsFromEnv(defaults: QueryLimits, env: QueryLimitsEnv): QueryLimits {
  return {
    ...defaults,
    maxDepth: env.QUERY_MAX_DEPTH ?? defaults.maxDepth,
    maxAliases: env.QUERY_MAX_ALIASES ?? defaults.maxAliases,
    maxTokens: env.QUERY_MAX_TOKENS ?? defaults.maxTokens,
    maxDirectives: env.QUERY_MAX_DIRECTIVES ?? defaults.maxDirectives,
    maxCost: env.QUERY_MAX_COST ?? defaults.maxCost,
  };
}

export type QueryLimitReason =
  'QUERY_TOO_DEEP' | 'TOO_MANY_ALIASES' | 'TOO_MANY_TOKENS' | 'TOO_MANY_DIRECTIVES' | 'QUERY_TOO_COSTLY';

/** A refused query: GRAPHQL_VALIDATION_FAILED (HTTP 400) with a stable reason and the limit. */
export function queryLimitError(
  reason: QueryLimitReason,
  message: string,
  details: { limit: number; found?: number },
): GraphQLError {
  return new GraphQLError(message, {
    extensions: { code: 'GRAPHQL_VALIDATION_FAILED', reason, ...details, http: { status: 400 } },
  });
}

const found = (error: GraphQLError) => {
  const match = /found (\d+)/.exec(error.message);
  return match ? Number(match[1]) : undefined;
};

/** graphql-armor's rejection, reported as our typed error instead of its English "Syntax Error". */
const rejectWith =
  (reason: QueryLimitReason, limit: number, message: (found: number | undefined) => string) =>
  (context: ValidationContext | null, error: GraphQLError) => {
    const n = found(error);
    context?.reportError(queryLimitError(reason, message(n), { limit, ...(n === undefined ? {} : { found: n }) }));
  };

// graphql-js 16 says "more that"; accept the corrected spelling too.
const tokensExceeded = /Document contains more tha[nt] \d+ tokens/;

/**
 * The Apollo Server options enforcing `limits`: spread them into `new ApolloServer({...})` (their
 * `plugins` beside the service's own). Depth, aliases and directives are graphql-armor's validation
 * rules; tokens are counted by graphql-js's parser (`maxTokens`, which stops reading at the limit);
 * the cost is estimated with the request's variables once the operation is known (graphql-armor's
 * cost rule reads only literal `first` arguments, so `children(first: $n)` would cost as one item).
 * Field suggestions ("Did you mean…") are removed from error messages.
 */
export function queryLimitOptions(limits: QueryLimits): {
  validationRules: ValidationRule[];
  parseOptions: ParseOptions;
  plugins: ApolloServerPlugin[];
} {
  const armor = new ApolloArmor({
    maxDepth: {
      n: limits.maxDepth,
      flattenFragments: true,
      ignoreIntrospection: true,
      propagateOnRejection: false,
      onReject: [
        rejectWith(
          'QUERY_TOO_DEEP',
          limits.maxDepth,
          (n) =>
            `Truy vấn lồng quá sâu: ${n ?? 'quá'} cấp, tối đa ${limits.maxDepth} cấp. Hãy tách thành nhiều truy vấn.`,
        ),
      ],
    },
    maxAliases: {
      n: limits.maxAliases,
      propagateOnRejection: false,
      onReject: [
        rejectWith(
          'TOO_MANY_ALIASES',
          limits.maxAliases,
          (n) => `Truy vấn dùng quá nhiều bí danh (alias): ${n ?? 'quá'} bí danh, tối đa ${limits.maxAliases}.`,
        ),
      ],
    },
    maxDirectives: {
      n: limits.maxDirectives,
      propagateOnRejection: false,
      onReject: [
        rejectWith(
          'TOO_MANY_DIRECTIVES',
          limits.maxDirectives,
          (n) => `Truy vấn dùng quá nhiều chỉ thị (directive): ${n ?? 'quá'} chỉ thị, tối đa ${limits.maxDirectives}.`,
        ),
      ],
    },
    // The cost is estimated by the plugin below, with the variables; tokens by the parser.
    costLimit: { enabled: false },
    maxTokens: { enabled: false },
    blockFieldSuggestion: { enabled: true, mask: '(gợi ý đã ẩn)' },
  });
  const { plugins, validationRules } = armor.protect();
  // graphql-armor's typings name Apollo Server's CommonJS build; the plugins are the same objects.
  const armorPlugins = plugins as unknown as ApolloServerPlugin[];

  const limitsPlugin: ApolloServerPlugin = {
    requestDidStart() {
      return Promise.resolve({
        didResolveOperation({ document, operation, request, schema }) {
          return hookResult(() => {
            if (!operation) return;
            const cost = estimateQueryCost(schema, document, operation, request.variables ?? {}, limits);
            if (cost > limits.maxCost) {
              throw queryLimitError(
                'QUERY_TOO_COSTLY',
                `Truy vấn quá lớn: ước tính hơn ${limits.maxCost.toLocaleString('vi-VN')} giá trị trong câu trả lời. ` +
                  'Hãy giảm số bản ghi mỗi trang (first), bớt các danh sách lồng nhau hoặc tách thành nhiều truy vấn.',
                { limit: limits.maxCost },
              );
            }
          });
        },
        didEncounterErrors({ errors }) {
          return hookResult(() => {
            // graphql-js stopped parsing at `maxTokens`: its syntax error becomes ours.
            for (const error of errors) {
              if (!tokensExceeded.test(error.message)) continue;
              error.message = `Truy vấn quá dài: hơn ${limits.maxTokens} ký hiệu (token), tối đa ${limits.maxTokens}. Hãy tách thành nhiều truy vấn.`;
              Object.assign(error.extensions, {
                code: 'GRAPHQL_VALIDATION_FAILED',
                reason: 'TOO_MANY_TOKENS',
                limit: limits.maxTokens,
              });
            }
          });
        },
      });
    },
  };

  return {
    validationRules,
    parseOptions: { maxTokens: limits.maxTokens },
    plugins: [...armorPlugins, limitsPlugin],
  };
}

/**
 * Estimates how many values an operation's answer holds: a leaf counts 1, an object 1 plus its
 * fields, times its list size: a page (a field with a `first` argument) counts `first` items (from the
 * literal, the variable, or the argument's default; at most MAX_PAGE_SIZE, which the resolvers
 * enforce), its `nodes` no more; any other list counts `assumedListSize` items. A subgraph's
 * `_entities` counts one: its cost is per entity, the number of entities being bounded by the
 * gateway's own estimate of the query they come from. Introspection is free (bounded by the schema).
 * Each fragment is counted once and counting stops once past `maxCost`, so a fragment bomb costs no
 * more work than its text.
 */
export function estimateQueryCost(
  schema: GraphQLSchema,
  document: DocumentNode,
  operation: OperationDefinitionNode,
  variables: Record<string, unknown>,
  limits: Pick<QueryLimits, 'maxCost' | 'assumedListSize'>,
): number {
  const fragments = new Map<string, FragmentDefinitionNode>();
  for (const definition of document.definitions) {
    if (definition.kind === Kind.FRAGMENT_DEFINITION) fragments.set(definition.name.value, definition);
  }
  const variableDefaults = new Map<string, unknown>();
  for (const definition of operation.variableDefinitions ?? []) {
    if (definition.defaultValue?.kind === Kind.INT)
      variableDefaults.set(definition.variable.name.value, Number(definition.defaultValue.value));
  }

  const typeOf = (name: string | undefined, fallback: GraphQLCompositeType) => {
    const type = name === undefined ? undefined : schema.getType(name);
    return type && isCompositeType(type) ? type : fallback;
  };

  const pageSize = (field: FieldNode, defaultValue: unknown): number => {
    const argument = field.arguments?.find((a) => a.name.value === 'first');
    let size: unknown = defaultValue;
    if (argument?.value.kind === Kind.INT) size = Number(argument.value.value);
    else if (argument?.value.kind === Kind.VARIABLE) {
      const name = argument.value.name.value;
      size = name in variables ? variables[name] : (variableDefaults.get(name) ?? defaultValue);
    }
    const n = typeof size === 'number' && Number.isFinite(size) ? Math.trunc(size) : 50;
    return Math.min(Math.max(n, 1), MAX_PAGE_SIZE);
  };

  const fieldCost = (field: FieldNode, parent: GraphQLCompositeType, inPage: boolean): number => {
    const name = field.name.value;
    if (name === '__schema' || name === '__type') return 0;
    const definition = isObjectType(parent) || isInterfaceType(parent) ? parent.getFields()[name] : undefined;
    if (!definition || !field.selectionSet) return 1;
    const type = getNamedType(definition.type);
    if (!isCompositeType(type)) return 1;
    const first = definition.args.find((a) => a.name === 'first');
    const multiplier = first
      ? pageSize(field, first.defaultValue)
      : isListType(getNullableType(definition.type)) && !inPage && name !== '_entities'
        ? limits.assumedListSize
        : 1;
    return multiplier * (1 + selectionCost(field.selectionSet, type, first !== undefined));
  };

  // A fragment costs the same wherever it is spread (in or out of a page): counted once each way.
  const fragmentCosts = new Map<string, number>();
  const fragmentCost = (fragment: FragmentDefinitionNode, parent: GraphQLCompositeType, inPage: boolean): number => {
    const key = `${fragment.name.value}:${inPage}`;
    let cost = fragmentCosts.get(key);
    if (cost === undefined) {
      fragmentCosts.set(key, 0); // a cycle (refused by validation before this runs) adds nothing
      cost = selectionCost(fragment.selectionSet, typeOf(fragment.typeCondition.name.value, parent), inPage);
      fragmentCosts.set(key, cost);
    }
    return cost;
  };

  const selectionCost = (set: SelectionSetNode, parent: GraphQLCompositeType, inPage: boolean): number => {
    let cost = 0;
    for (const selection of set.selections) {
      if (selection.kind === Kind.FIELD) cost += fieldCost(selection, parent, inPage);
      else if (selection.kind === Kind.INLINE_FRAGMENT)
        cost += selectionCost(selection.selectionSet, typeOf(selection.typeCondition?.name.value, parent), inPage);
      else {
        const fragment = fragments.get(selection.name.value);
        if (fragment) cost += fragmentCost(fragment, parent, inPage);
      }
      if (cost > limits.maxCost) return cost;
    }
    return cost;
  };

  const root = schema.getRootType(operation.operation);
  return root ? selectionCost(operation.selectionSet, root, false) : 0;
}
