import type { ApolloServerPlugin } from '@apollo/server';
import { OperationTypeNode } from 'graphql';

import {
  hookResult,
  IDEMPOTENCY_KEY_HEADER,
  idempotencyKeyOf,
  IDEMPOTENT_REPLAY_EXTENSION,
  IDEMPOTENT_REPLAY_HEADER,
} from '@ecd/service-kit';

import type { GatewayContext } from './sector-data-source.js';

/**
 * A mutation's Idempotency-Key at the gateway: checked once the operation is known (a malformed key:
 * BAD_USER_INPUT, HTTP 400, before anything is planned), then forwarded on the mutation calls to the
 * subgraphs, which apply it (SectorDataSource; packages/database/src/idempotency.ts). A query ignores
 * the header. An answer a subgraph replayed from its stored one says so to the client:
 * `extensions.idempotentReplay` and the header Idempotent-Replayed.
 */
export const idempotencyKeyPlugin: ApolloServerPlugin<GatewayContext> = {
  requestDidStart({ request }) {
    const header = request.http?.headers.get(IDEMPOTENCY_KEY_HEADER);
    if (header === undefined) return Promise.resolve();
    return Promise.resolve({
      didResolveOperation({ operation, contextValue }) {
        return hookResult(() => {
          if (operation?.operation === OperationTypeNode.MUTATION)
            contextValue.idempotencyKey = idempotencyKeyOf(header);
        });
      },
      willSendResponse({ contextValue, response }) {
        return hookResult(() => {
          if (!contextValue.idempotentReplay) return;
          response.http.headers.set(IDEMPOTENT_REPLAY_HEADER, 'true');
          if (response.body.kind === 'single')
            response.body.singleResult.extensions = {
              ...response.body.singleResult.extensions,
              [IDEMPOTENT_REPLAY_EXTENSION]: true,
            };
        });
      },
    });
  },
};
