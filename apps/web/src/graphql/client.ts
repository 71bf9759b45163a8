import { ApolloClient, ApolloLink, HttpLink, InMemoryCache, ServerError } from '@apollo/client';
import { SetContextLink } from '@apollo/client/link/context';
import { ErrorLink } from '@apollo/client/link/error';

import { describeError } from './errors.ts';

/**
 * The cache: plans, targets, periods and reports by id; units, agencies, indicators and progress kept inside
 * what holds them (a unit is a code and a first day: codes were reused after the 2025 reform), and merged
 * field by field when two queries ask different fields of the same one.
 */
export const createCache = () =>
  new InMemoryCache({
    typePolicies: {
      AdministrativeUnit: { keyFields: false, merge: true },
      Agency: { keyFields: false, merge: true },
      Indicator: { keyFields: false, merge: true },
      TargetProgress: { keyFields: false, merge: true },
    },
  });

export interface ClientOptions {
  /** The signed-in person's access token, sent as the bearer of every request. */
  getToken: () => string | null;
  /** The gateway answered 401: the session is over (expired, or the token is refused). */
  onUnauthenticated: (message: string) => void;
  uri?: string;
}

/**
 * The one Apollo Client of the application: every operation goes to the gateway's /graphql on the same
 * origin with the person's token. Answers with some errors keep their data (a sector down nulls only its
 * own values): pages show both.
 */
export function createApolloClient({ getToken, onUnauthenticated, uri = '/graphql' }: ClientOptions) {
  const bearer = new SetContextLink((previous) => {
    const token = getToken();
    const headers = previous.headers as Record<string, string> | undefined;
    return token ? { headers: { ...headers, authorization: `Bearer ${token}` } } : {};
  });
  const session = new ErrorLink(({ error }) => {
    if (ServerError.is(error) && error.statusCode === 401)
      onUnauthenticated(describeError(error)[0]?.message ?? 'Phiên đăng nhập đã hết hạn, vui lòng đăng nhập lại.');
  });
  return new ApolloClient({
    link: ApolloLink.from([session, bearer, new HttpLink({ uri })]),
    cache: createCache(),
    defaultOptions: {
      watchQuery: { errorPolicy: 'all' },
      query: { errorPolicy: 'all' },
    },
  });
}

// The default error policy above, declared for the types of every query's result (data may come with errors):
// Apollo Client's declaration merging is done with namespaces.
/* eslint-disable @typescript-eslint/no-namespace */
declare module '@apollo/client' {
  export namespace ApolloClient {
    export namespace DeclareDefaultOptions {
      interface WatchQuery {
        errorPolicy: 'all';
      }
      interface Query {
        errorPolicy: 'all';
      }
    }
  }
}
/* eslint-enable @typescript-eslint/no-namespace */
