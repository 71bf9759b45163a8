import type { ApolloServerPlugin } from '@apollo/server';
import type { DocumentNode, GraphQLError, GraphQLSchema } from 'graphql';

import { badInput } from './errors.js';
import { hookResult } from './plugin-hooks.js';
import { unsafeInputMessage, unsafeLiterals, unsafeVariables, type UnsafeInput } from './unsafe-input.js';

const messageOf = ({ field, reason }: UnsafeInput) => unsafeInputMessage(reason, { field });

/** One BAD_USER_INPUT error for what was found: the first problem's field and reason, and every problem when there are several. */
export function unsafeInputError(found: readonly UnsafeInput[]): GraphQLError {
  const [first, ...others] = found as [UnsafeInput, ...UnsafeInput[]];
  const message = others.length ? `${messageOf(first)} (và ${others.length} lỗi khác)` : messageOf(first);
  const problems = others.length ? { problems: found.map((p) => ({ ...p, message: messageOf(p) })) } : {};
  return badInput(message, { field: first.field, reason: first.reason, ...problems, http: { status: 400 } });
}

// Documents Apollo keeps parsed and validated come back as the same object: their literals are walked once.
const literalsChecked = new WeakMap<DocumentNode, UnsafeInput[]>();

function unsafeLiteralsOnce(schema: GraphQLSchema, document: DocumentNode): UnsafeInput[] {
  let found = literalsChecked.get(document);
  if (!found) literalsChecked.set(document, (found = unsafeLiterals(schema, document)));
  return found;
}

/**
 * Refuses unsafe input (see `problemOf` in unsafe-input.ts) as BAD_USER_INPUT with HTTP 400, once the
 * operation is known and before anything is planned or resolved, the same in every subgraph and in the
 * gateway: literals (graphql-js lets `1e309` through as a Float, to fail the gateway's planner with a
 * 500, and a NUL character through to PostgreSQL) and variables, which change with every request.
 * What graphql-js validation refuses first (an Int of `1e309`, a Date literal the subgraphs' scalar
 * refuses) is reported the same way by `createErrorFormatter`.
 */
export const inputSafetyPlugin: ApolloServerPlugin = {
  requestDidStart() {
    return Promise.resolve({
      didResolveOperation({ schema, document, operation, request }) {
        return hookResult(() => {
          const literals = unsafeLiteralsOnce(schema, document);
          const found =
            literals.length || !operation ? literals : unsafeVariables(schema, operation, request.variables);
          if (found.length) throw unsafeInputError(found);
        });
      },
    });
  },
};
