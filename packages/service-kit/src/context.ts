import { randomUUID } from 'node:crypto';
import type { Logger } from './logger.js';

/** Headers the gateway sets on every subgraph request. */
export const CONTEXT_HEADERS = {
  requestId: 'x-request-id',
  userId: 'x-ecd-user-id',
  roles: 'x-ecd-user-roles',
  agency: 'x-ecd-agency',
} as const;

export interface Identity {
  userId: string;
  roles: string[];
  /** Code of the agency the user works for, when known. */
  agency: string | null;
}

/**
 * Until authentication lands, every unauthenticated request acts as this development user.
 * Authentication plugs in at identityFromHeaders, the one place identities are made.
 */
export const DEVELOPMENT_IDENTITY: Identity = { userId: 'dev-user', roles: ['developer'], agency: null };

export interface RequestContext {
  requestId: string;
  identity: Identity;
  logger: Logger;
}

type HeaderBag = { get(name: string): string | null | undefined } | Record<string, string | string[] | undefined>;

function readHeader(headers: HeaderBag, name: string): string | undefined {
  if (typeof (headers as { get?: unknown }).get === 'function') {
    return (headers as { get(name: string): string | null | undefined }).get(name) ?? undefined;
  }
  const value = (headers as Record<string, string | string[] | undefined>)[name];
  return Array.isArray(value) ? value[0] : value;
}

export function identityFromHeaders(headers: HeaderBag): Identity {
  const userId = readHeader(headers, CONTEXT_HEADERS.userId);
  if (!userId) return DEVELOPMENT_IDENTITY;
  const roles = (readHeader(headers, CONTEXT_HEADERS.roles) ?? '').split(',').map((r) => r.trim()).filter(Boolean);
  return { userId, roles, agency: readHeader(headers, CONTEXT_HEADERS.agency) ?? null };
}

/** Keeps the caller's request id so one request can be followed across the gateway and subgraphs. */
export function requestIdFromHeaders(headers: HeaderBag): string {
  const incoming = readHeader(headers, CONTEXT_HEADERS.requestId);
  return incoming && /^[\w.:-]{1,128}$/.test(incoming) ? incoming : randomUUID();
}

export function createRequestContext(headers: HeaderBag, logger: Logger): RequestContext {
  const requestId = requestIdFromHeaders(headers);
  const identity = identityFromHeaders(headers);
  return { requestId, identity, logger: logger.child({ requestId, userId: identity.userId }) };
}

/** The headers a gateway forwards so a subgraph rebuilds the same context. */
export function contextToHeaders(context: Pick<RequestContext, 'requestId' | 'identity'>): Record<string, string> {
  const headers: Record<string, string> = {
    [CONTEXT_HEADERS.requestId]: context.requestId,
    [CONTEXT_HEADERS.userId]: context.identity.userId,
    [CONTEXT_HEADERS.roles]: context.identity.roles.join(','),
  };
  if (context.identity.agency) headers[CONTEXT_HEADERS.agency] = context.identity.agency;
  return headers;
}
