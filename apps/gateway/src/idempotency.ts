import type { ApolloServerPlugin } from '@apollo/server';
import { GraphQLError, OperationTypeNode } from 'graphql';

import {
  ErrorCode,
  IDEMPOTENCY_KEY_HEADER,
  idempotencyKeyOf,
  idempotencyKeyReused,
  IDEMPOTENT_REPLAY_EXTENSION,
  IDEMPOTENT_REPLAY_HEADER,
  requestHash,
} from '@ecd/service-kit';

import type { KeyClaim, KeyClaims } from './key-claims.js';
import type { GatewayContext } from './sector-data-source.js';

/** The binding of keys could not be checked (Redis unreachable): nothing was sent, the same key may come again. */
const keyStoreUnavailable = () =>
  new GraphQLError(
    'Chưa kiểm tra được Idempotency-Key nên yêu cầu chưa được gửi đi và chưa có dữ liệu nào được ghi; vui lòng gửi lại sau ít phút với cùng khóa.',
    {
      extensions: {
        code: ErrorCode.SubgraphUnavailable,
        reason: 'IDEMPOTENCY_STORE_UNAVAILABLE',
        field: 'Idempotency-Key',
        http: { status: 503 },
      },
    },
  );

/**
 * A mutation's Idempotency-Key at the gateway: checked once the operation is known (a malformed key:
 * BAD_USER_INPUT, HTTP 400, before anything is planned), then bound to the client's whole request
 * (`requestHash`, as the subgraphs hash their parts) for the person (`claims`): the same key with
 * another request is refused here, IDEMPOTENCY_KEY_REUSED, before any part of it is sent; each
 * subgraph sees only its part, so it could not refuse a request that adds another sector's field.
 * A bound request goes on: its key is forwarded on the mutation calls to the subgraphs, which apply it
 * (SectorDataSource; packages/database/src/idempotency.ts). A query ignores the header. The answer is
 * marked a replay (`extensions.idempotentReplay`, header Idempotent-Replayed) only when every mutation
 * call was answered with a subgraph's stored answer.
 */
export function idempotencyKeyPlugin(claims: KeyClaims): ApolloServerPlugin<GatewayContext> {
  return {
    requestDidStart({ request }) {
      const header = request.http?.headers.get(IDEMPOTENCY_KEY_HEADER);
      if (header === undefined) return Promise.resolve();
      let bound: { userId: string; key: string; hash: string; claimed: boolean } | undefined;
      return Promise.resolve({
        async didResolveOperation({ operation, request, contextValue, source }) {
          if (operation?.operation !== OperationTypeNode.MUTATION) return;
          const key = idempotencyKeyOf(header);
          if (key === undefined) return;
          const { userId } = contextValue.identity;
          // The document's text as resolved: a persisted query's hash alone gives the same request its text gives.
          const hash = requestHash({ ...request, query: source });
          let claim: KeyClaim;
          try {
            claim = await claims.claim(userId, key, hash);
          } catch (error) {
            // Refused rather than left to the subgraphs, which see only their parts: nothing is sent, so
            // sending it again later with the same key is safe, and a reused key never writes.
            contextValue.logger.error({ err: error }, 'idempotency key store unavailable: keyed mutation refused');
            throw keyStoreUnavailable();
          }
          if (claim === 'reused') throw idempotencyKeyReused();
          bound = { userId, key, hash, claimed: claim === 'claimed' };
          contextValue.idempotencyKey = key;
          contextValue.keyedCalls = { bySector: new Map(), replayed: 0, applied: false };
        },
        async willSendResponse({ contextValue, response }) {
          const calls = contextValue.keyedCalls;
          if (!bound || !calls) return;
          const { userId, key, hash, claimed } = bound;
          try {
            // Nothing written: the key stays free for the corrected request. A duplicate that joined a
            // binding since released, and wrote, binds the key again.
            if (!calls.applied && claimed) await claims.release(userId, key, hash);
            else if (calls.applied && !claimed && (await claims.claim(userId, key, hash)) === 'reused')
              contextValue.logger.warn('idempotency key bound to another request while this one ran');
          } catch (error) {
            contextValue.logger.warn({ err: error }, 'idempotency key store unavailable: binding left to expire');
          }
          const sent = [...calls.bySector.values()].reduce((sum, n) => sum + n, 0);
          if (sent === 0 || calls.replayed < sent) return;
          response.http.headers.set(IDEMPOTENT_REPLAY_HEADER, 'true');
          if (response.body.kind === 'single')
            response.body.singleResult.extensions = {
              ...response.body.singleResult.extensions,
              [IDEMPOTENT_REPLAY_EXTENSION]: true,
            };
        },
      });
    },
  };
}
