import { randomUUID } from 'node:crypto';

import type { Identity } from './auth/identity.js';
import type { Logger } from './logger.js';

export const REQUEST_ID_HEADER = 'x-request-id';

export interface RequestContext {
  requestId: string;
  /** The verified person: from the bearer token at the gateway, from the gateway's signed token in a subgraph. */
  identity: Identity;
  logger: Logger;
}

type HeaderBag = { get(name: string): string | null | undefined } | Record<string, string | string[] | undefined>;

export function readHeader(headers: HeaderBag, name: string): string | undefined {
  if (typeof (headers as { get?: unknown }).get === 'function') {
    return (headers as { get(name: string): string | null | undefined }).get(name) ?? undefined;
  }
  const value = (headers as Record<string, string | string[] | undefined>)[name];
  return Array.isArray(value) ? value[0] : value;
}

/** A request id as it came, if it is safe to log (no spaces or line breaks, at most 128 characters); else undefined. */
export function loggableRequestId(incoming: string | undefined): string | undefined {
  return incoming && /^[\w.:-]{1,128}$/.test(incoming) ? incoming : undefined;
}

/**
 * Keeps a request id that is safe to log, else a new UUID. Only for an id the gateway signed (a
 * subgraph's caller): the gateway makes its own for each client request, so that nobody can file their
 * reads in the audit log under another person's request id.
 */
export function safeRequestId(incoming: string | undefined): string {
  return loggableRequestId(incoming) ?? randomUUID();
}

/**
 * The context of one request; its logger tags every line with the request id, the verified user and, when
 * the client sent one, the client's own request id (`clientRequestId`, for the logs only).
 */
export function createRequestContext(
  requestId: string,
  identity: Identity,
  logger: Logger,
  clientRequestId?: string,
): RequestContext {
  const tags = { requestId, ...(clientRequestId ? { clientRequestId } : {}), userId: identity.userId };
  return { requestId, identity, logger: logger.child(tags) };
}
