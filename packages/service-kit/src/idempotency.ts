import { createHash } from 'node:crypto';
import { HeaderMap, type ApolloServerPlugin, type GraphQLRequestContextExecutionDidStart } from '@apollo/server';
import { OperationTypeNode, type GraphQLError, type GraphQLFormattedError } from 'graphql';
import { z } from 'zod';

import type { AuditContext } from './auth/audit.js';
import { wrapFieldResolvers } from './auth/wrap-resolvers.js';
import type { RequestContext } from './context.js';
import { badInput, conflict, ErrorCode } from './errors.js';
import { hookResult } from './plugin-hooks.js';

/**
 * Idempotency keys of mutations: a client sends `Idempotency-Key: <key>` with a mutation, and the
 * subgraph that executes it applies the same key of the same person at most once, replaying the
 * first answer to a retry (the store: packages/database/src/idempotency.ts). The gateway checks the
 * key, binds it to the client's whole request (`requestHash`) and forwards it on mutation calls only:
 * the one header of a client a subgraph ever sees.
 */
export const IDEMPOTENCY_KEY_HEADER = 'idempotency-key';

/** 8-128 characters of A-Z, a-z, 0-9, `_` and `-`: a UUID fits, and nothing that needs escaping in a log. */
export const IDEMPOTENCY_KEY_PATTERN = /^[A-Za-z0-9_-]{8,128}$/;

/** A replayed answer says so, in `extensions` and in this response header. */
export const IDEMPOTENT_REPLAY_EXTENSION = 'idempotentReplay';
export const IDEMPOTENT_REPLAY_HEADER = 'idempotent-replayed';

/** The error of a malformed key: BAD_USER_INPUT, HTTP 400, before anything is planned or written. */
export const malformedIdempotencyKey = (): GraphQLError =>
  badInput('Idempotency-Key không hợp lệ: phải gồm 8 đến 128 ký tự A-Z, a-z, 0-9, "_" hoặc "-" (nên dùng UUID).', {
    field: 'Idempotency-Key',
    reason: 'MALFORMED_IDEMPOTENCY_KEY',
    http: { status: 400 },
  });

/**
 * The key used before for another request of the same person: BAD_USER_INPUT, HTTP 422, nothing written.
 * The gateway refuses it for the client's whole request, each subgraph for its part.
 */
export const idempotencyKeyReused = (): GraphQLError =>
  badInput('Idempotency-Key này đã được dùng cho một yêu cầu khác; vui lòng tạo khóa mới cho mỗi yêu cầu.', {
    field: 'Idempotency-Key',
    reason: 'IDEMPOTENCY_KEY_REUSED',
    http: { status: 422 },
  });

/** How long a key is kept (hours), read by the subgraphs and the gateway alike: a retry within it is safe. */
export const idempotencyKeyEnv = {
  IDEMPOTENCY_KEY_TTL_HOURS: z.coerce.number().int().min(1).max(720).default(24),
};

/** The key a request carries: undefined without the header; a malformed one is refused. */
export function idempotencyKeyOf(header: string | null | undefined): string | undefined {
  if (header === undefined || header === null) return undefined;
  if (!IDEMPOTENCY_KEY_PATTERN.test(header)) throw malformedIdempotencyKey();
  return header;
}

/** JSON with the keys of every object sorted, so the same variables give the same text whatever their order. */
function canonicalJson(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(canonicalJson).join(',')}]`;
  if (value !== null && typeof value === 'object') {
    const entries = Object.entries(value as Record<string, unknown>)
      .filter(([, v]) => v !== undefined)
      .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
    return `{${entries.map(([k, v]) => `${JSON.stringify(k)}:${canonicalJson(v)}`).join(',')}}`;
  }
  return JSON.stringify(value) ?? 'null';
}

/** What identifies a request under a key: SHA-256 of its query, operation name and variables. */
export function requestHash(request: {
  query: string;
  operationName?: string | null | undefined;
  variables?: Record<string, unknown> | null | undefined;
}): string {
  return createHash('sha256')
    .update(
      canonicalJson({
        query: request.query,
        operationName: request.operationName ?? null,
        variables: request.variables ?? {},
      }),
    )
    .digest('hex');
}

/** The answer a key's first execution gave, as sent (errors already formatted), kept to replay it. */
export interface StoredAnswer {
  status: number | null;
  body: { data?: Record<string, unknown> | null; errors?: readonly GraphQLFormattedError[] };
}

/** The transaction a keyed mutation runs in: its writes and the key's row commit together, or neither does. */
export interface IdempotentTransaction {
  /** Runs one root mutation field as a savepoint: a field that fails leaves nothing of itself. */
  savepoint<T>(run: () => Promise<T>): Promise<T>;
  /** Stores the answer under the key and commits it with the writes. */
  commit(answer: StoredAnswer): Promise<void>;
  /** Undoes the writes and the claim of the key; never throws (a transaction that cannot be rolled back is gone anyway). */
  rollback(): Promise<void>;
}

export type IdempotencyClaim =
  /** The key is this request's: it runs in `transaction` (the store gave the request's data layer to it). */
  | { outcome: 'execute'; transaction: IdempotentTransaction }
  | { outcome: 'replay'; answer: StoredAnswer }
  /** The key was used for another request. */
  | { outcome: 'reused' }
  /** A request with the key is still running and did not end while this one waited. */
  | { outcome: 'in-progress' };

export interface IdempotencyStore<TContext> {
  /**
   * Claims a person's key for a request, waiting for a request holding it to end. When the request
   * may execute, its data layer in `context` now writes in the claim's transaction.
   */
  claim(request: { userId: string; key: string; requestHash: string }, context: TContext): Promise<IdempotencyClaim>;
}

/** A mutation whose answer could not be committed: it may or may not be, so the same key must be sent again. */
export const outcomeUnknown = (): GraphQLFormattedError => ({
  message:
    'Không rõ dữ liệu đã được ghi hay chưa; vui lòng gửi lại đúng yêu cầu này với cùng Idempotency-Key để dữ liệu chỉ được ghi một lần.',
  extensions: { code: ErrorCode.SubgraphUnavailable, reason: 'SUBGRAPH_OUTCOME_UNKNOWN' },
});

interface KeyedExecution {
  transaction: IdempotentTransaction;
  /** Root mutation fields that ended without error (their savepoints released). */
  applied: number;
}

/**
 * Applies a mutation carrying an Idempotency-Key at most once per person and key. Once the operation
 * is known to be a mutation, the key is claimed in a transaction that the request's data layer then
 * writes in (the store swaps it); each root field runs as a savepoint, and when execution ends the
 * answer is stored under the key and committed with the writes — before the answer is sent, so no
 * client ever sees an answer that is not stored. An operation of which no field succeeded wrote
 * nothing: it is rolled back and the key stays free. The same key again with the same request gets
 * the stored answer (`extensions.idempotentReplay`, header Idempotent-Replayed) without executing;
 * with another request it is refused (IDEMPOTENCY_KEY_REUSED). A query ignores the key.
 */
export function idempotencyPlugin<TContext extends RequestContext & Partial<AuditContext>>(
  store: IdempotencyStore<TContext>,
): ApolloServerPlugin<TContext> {
  // The transaction of each request executing under a key, found by its root fields' wrapper.
  const executing = new WeakMap<object, KeyedExecution>();
  return {
    serverWillStart({ schema }) {
      return hookResult(() => {
        const mutationType = schema.getMutationType();
        wrapFieldResolvers<TContext>(schema, 'idempotency', (type, _field, resolve) => {
          if (type !== mutationType) return undefined;
          return (parent, args, context, info) => {
            const keyed = executing.get(context);
            if (!keyed) return resolve(parent, args, context, info);
            return keyed.transaction
              .savepoint(() => Promise.resolve(resolve(parent, args, context, info)))
              .then((value) => {
                keyed.applied += 1;
                return value;
              });
          };
        });
      });
    },
    requestDidStart({ request }) {
      const header = request.http?.headers.get(IDEMPOTENCY_KEY_HEADER);
      if (header === undefined) return Promise.resolve();
      let claiming: Promise<IdempotencyClaim> | undefined;
      let replay: StoredAnswer | undefined;

      /** Ends the transaction of a request that executed: commits what it wrote with its answer, or nothing. */
      const finish = async (
        contextValue: TContext,
        response: GraphQLRequestContextExecutionDidStart<TContext>['response'],
      ) => {
        const keyed = executing.get(contextValue);
        if (!keyed) return;
        executing.delete(contextValue);
        const { body } = response;
        if (body?.kind !== 'single' || keyed.applied === 0) return keyed.transaction.rollback();
        const { data, errors } = body.singleResult;
        try {
          await keyed.transaction.commit({
            status: response.http.status ?? null,
            body: { ...(data !== undefined ? { data } : {}), ...(errors ? { errors } : {}) },
          });
        } catch (error) {
          contextValue.logger.error({ err: error }, 'idempotent mutation not committed');
          await keyed.transaction.rollback().catch(() => undefined);
          const unknown = outcomeUnknown();
          body.singleResult = { data: null, errors: [unknown] };
          response.http.status = 503;
          contextValue.audit?.failWrites(unknown.extensions?.reason);
        }
      };

      return Promise.resolve({
        async didResolveOperation({ operation, request, contextValue, source }) {
          if (operation?.operation !== OperationTypeNode.MUTATION) return;
          const key = idempotencyKeyOf(header);
          if (key === undefined) return;
          // The document's text as resolved: a persisted query's hash alone gives the same request its text gives.
          const hash = requestHash({ ...request, query: source });
          claiming = store.claim({ userId: contextValue.identity.userId, key, requestHash: hash }, contextValue);
          const claim = await claiming;
          if (claim.outcome === 'execute') executing.set(contextValue, { transaction: claim.transaction, applied: 0 });
          else if (claim.outcome === 'replay') replay = claim.answer;
          else if (claim.outcome === 'reused') throw idempotencyKeyReused();
          else
            throw conflict(
              'Yêu cầu cùng Idempotency-Key đang được xử lý; vui lòng gửi lại sau ít phút với cùng khóa.',
              { field: 'Idempotency-Key', reason: 'IDEMPOTENCY_KEY_IN_PROGRESS', http: { status: 409 } },
            );
        },
        responseForOperation() {
          if (!replay) return Promise.resolve(null);
          return Promise.resolve({
            http: {
              ...(replay.status !== null ? { status: replay.status } : {}),
              headers: new HeaderMap([[IDEMPOTENT_REPLAY_HEADER, 'true']]),
            },
            body: {
              kind: 'single',
              singleResult: { ...replay.body, extensions: { [IDEMPOTENT_REPLAY_EXTENSION]: true } },
            },
          });
        },
        executionDidStart({ contextValue, response }) {
          return Promise.resolve({
            // The body is formatted by now and the answer not yet sent: commit first.
            async executionDidEnd(error) {
              if (!error) await finish(contextValue, response);
            },
          });
        },
        async willSendResponse({ contextValue }) {
          // An operation refused or failed after its key was claimed (by another plugin, or its
          // execution throwing) wrote nothing that may stay: the claim is undone with it.
          const claim = await claiming?.catch(() => undefined);
          if (claim?.outcome !== 'execute') return;
          const keyed = executing.get(contextValue);
          if (!keyed) return;
          executing.delete(contextValue);
          await keyed.transaction.rollback();
        },
      });
    },
  };
}
