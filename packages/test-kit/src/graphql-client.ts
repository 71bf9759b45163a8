import { expect } from 'vitest';

import { isReason, type Identity } from '@ecd/service-kit';

import { defaultAuthorization, gatewayToken } from './identity.js';

export interface GraphQLResponse<TData = Record<string, unknown>> {
  status: number;
  data?: TData | null;
  errors?: { message: string; path?: (string | number)[]; extensions?: Record<string, unknown> }[];
}

/**
 * POSTs one GraphQL operation, as any client would. A service the test kit started is called as the
 * admin unless `headers` has an `authorization` of its own (`''` sends none).
 */
export async function graphql<TData = Record<string, unknown>>(
  url: string,
  query: string,
  variables: Record<string, unknown> = {},
  headers: Record<string, string> = {},
): Promise<GraphQLResponse<TData>> {
  const given = Object.keys(headers).some((h) => h.toLowerCase() === 'authorization');
  const authorization = given ? undefined : await defaultAuthorization(url);
  const sent = Object.fromEntries(
    Object.entries(headers).filter(([name, value]) => name.toLowerCase() !== 'authorization' || value !== ''),
  );
  const response = await fetch(url, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...(authorization ? { authorization } : {}), ...sent },
    body: JSON.stringify({ query, variables }),
  });
  const body = (await response.json()) as Omit<GraphQLResponse<TData>, 'status'>;
  assertCataloguedReasons(body.errors);
  return { status: response.status, ...body };
}

/**
 * A subgraph called as the gateway calls it, for tests that ask a subgraph directly: as `user` (a demo user
 * or any identity), whose identity the gateway's key signs for `subgraph`; `null` leaves it to `graphql`
 * (the admin, for a service the test kit started). `headers` are sent too (headers the subgraph must ignore).
 */
export function subgraphCaller(url: () => string, subgraph: string) {
  return async <TData = Record<string, unknown>>(
    user: string | Identity | null,
    query: string,
    variables: Record<string, unknown> = {},
    headers: Record<string, string> = {},
  ): Promise<GraphQLResponse<TData>> =>
    graphql<TData>(
      url(),
      query,
      variables,
      user === null ? headers : { ...headers, authorization: `Bearer ${await gatewayToken(user, subgraph)}` },
    );
}

/** Every reason an answer gives, its problems' included, must be one of the catalogue's: any test that meets another fails. */
function assertCataloguedReasons(errors: GraphQLResponse['errors']): void {
  const problemsOf = (extensions: Record<string, unknown> | undefined) =>
    Array.isArray(extensions?.problems) ? (extensions.problems as { reason?: unknown }[]) : [];
  const reasons = (errors ?? []).flatMap((error) => [
    error.extensions?.reason,
    ...problemsOf(error.extensions).map((p) => p.reason),
  ]);
  const unknown = reasons.filter((reason) => reason !== undefined && !isReason(reason));
  if (unknown.length)
    throw new Error(
      `reasons missing from the catalogue (packages/service-kit/src/input/reasons.ts): ${unknown.join(', ')}`,
    );
}

/** Asks a subgraph for AdministrativeUnit entities, as the gateway does when it joins sectors. */
export async function resolveUnitEntities<TEntity>(
  subgraphUrl: string,
  keys: { code: string; validFrom: string }[],
  selection: string,
  headers: Record<string, string> = {},
): Promise<TEntity[]> {
  const response = await graphql<{ _entities: TEntity[] }>(
    subgraphUrl,
    `query($representations: [_Any!]!) { _entities(representations: $representations) { ... on AdministrativeUnit { ${selection} } } }`,
    { representations: keys.map((key) => ({ __typename: 'AdministrativeUnit', ...key })) },
    headers,
  );
  if (response.errors?.length) throw new Error(`entity query failed: ${JSON.stringify(response.errors)}`);
  return response.data!._entities;
}

/**
 * Helpers bound to one endpoint, read when called (a test's server starts after the file loads):
 * `ok` fails the test on any error and returns the data, `errorOf` fails it unless there is one.
 */
export function graphqlClient(url: () => string) {
  const query = <T = Record<string, unknown>>(q: string, variables?: Record<string, unknown>) =>
    graphql<T>(url(), q, variables);
  return {
    query,
    async ok<T = Record<string, unknown>>(q: string, variables?: Record<string, unknown>): Promise<T> {
      const response = await query<T>(q, variables);
      expect(response.errors).toBeUndefined();
      return response.data!;
    },
    async errorOf(q: string, variables?: Record<string, unknown>) {
      const response = await query(q, variables);
      expect(response.errors, 'expected an error').toBeDefined();
      return response.errors![0]!;
    },
  };
}
