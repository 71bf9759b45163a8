import {
  defaultFieldResolver,
  isObjectType,
  type GraphQLField,
  type GraphQLFieldResolver,
  type GraphQLObjectType,
  type GraphQLSchema,
} from 'graphql';

// A resolver the service kit has wrapped, marked so that wrapping the same schema again wraps nothing twice.
const WRAPPED = Symbol('ecd.wrappedResolver');
type Marked = GraphQLFieldResolver<unknown, unknown> & { [WRAPPED]?: Set<string> };

/** A field resolver as the wrappers see it: graphql-js passes a field's arguments as one object. */
export type FieldResolver<TContext> = GraphQLFieldResolver<unknown, TContext, Record<string, unknown>>;

/**
 * Replaces, in place, the resolver of every object field `wrap` gives a wrapper for (in place, so
 * Federation's entity resolution stays as `buildSubgraphSchema` made it). `name` tells the wrappers
 * apart: a field is wrapped at most once by each.
 */
export function wrapFieldResolvers<TContext>(
  schema: GraphQLSchema,
  name: string,
  wrap: (
    type: GraphQLObjectType,
    field: GraphQLField<unknown, unknown>,
    resolve: FieldResolver<TContext>,
  ) => FieldResolver<TContext> | undefined,
): void {
  for (const type of Object.values(schema.getTypeMap())) {
    if (!isObjectType(type) || type.name.startsWith('__')) continue;
    for (const field of Object.values(type.getFields())) {
      const resolve = (field.resolve ?? defaultFieldResolver) as Marked;
      if (resolve[WRAPPED]?.has(name)) continue;
      const wrapped = wrap(type, field, resolve as FieldResolver<TContext>) as Marked | undefined;
      if (!wrapped) continue;
      wrapped[WRAPPED] = new Set([...(resolve[WRAPPED] ?? []), name]);
      field.resolve = wrapped;
    }
  }
}

const isPromiseLike = (value: unknown): value is PromiseLike<unknown> =>
  typeof (value as { then?: unknown } | null)?.then === 'function';

/**
 * Runs a resolver and tells `settled` how it ended — its value or its error, thrown at once or by the
 * promise it returned — without changing what it returns or throws.
 */
export function onSettled<T>(run: () => T, settled: (error: unknown, value: unknown) => void): T {
  let result: T;
  try {
    result = run();
  } catch (error) {
    settled(error, undefined);
    throw error;
  }
  if (!isPromiseLike(result)) {
    settled(null, result);
    return result;
  }
  return Promise.resolve(result).then(
    (value) => {
      settled(null, value);
      return value;
    },
    (error: unknown) => {
      settled(error, undefined);
      throw error;
    },
  ) as T;
}
