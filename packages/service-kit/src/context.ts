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

/** Keeps a caller's request id that is safe to log, so one request can be followed across services. */
export function safeRequestId(incoming: string | undefined): string {
  return incoming && /^[\w.:-]{1,128}$/.test(incoming) ? incoming : randomUUID();
}

export function createRequestContext(requestId: string, identity: Identity, logger: Logger): RequestContext {
  return { requestId, identity, logger: logger.child({ requestId, userId: identity.userId }) };
}
