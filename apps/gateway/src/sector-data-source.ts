import { createHash, randomUUID } from 'node:crypto';
import { setMaxListeners } from 'node:events';
import { Agent, type ServerResponse } from 'node:http';
import { RemoteGraphQLDataSource, type GraphQLDataSourceProcessOptions } from '@apollo/gateway';
import { getOperationAST, GraphQLError, Kind, OperationTypeNode, parse } from 'graphql';

import {
  ANSWER_VERSION_HEADER,
  ErrorCode,
  IDEMPOTENCY_KEY_HEADER,
  IDEMPOTENT_REPLAY_EXTENSION,
  REQUEST_ID_HEADER,
  type GatewaySigner,
  type Identity,
  type RequestContext,
} from '@ecd/service-kit';

import { afterClose } from './after-close.js';
import type { Bulkhead } from './bulkhead.js';
import { unavailableEntities } from './entity-fallback.js';

/** Vietnamese names of the sectors behind each subgraph, for error messages people read. */
export const SECTOR_LABELS: Record<string, string> = {
  ldtbxh: 'Lao động - Thương binh và Xã hội',
  health: 'Y tế',
  education: 'Giáo dục và Đào tạo',
  culture: 'Văn hóa, Thể thao và Du lịch',
};

export interface GatewayContext extends RequestContext {
  /** The gateway's signed token for each subgraph this request calls, signed once per request. */
  subgraphTokens: Map<string, Promise<string>>;
  /** Aborted when the client goes away or the request's deadline passes: every subgraph call still running is cancelled. */
  signal: AbortSignal;
  /** Set once a subgraph answered this request: its later calls go before new requests' (bulkhead.ts). */
  subgraphAnswered?: boolean;
  /** The client's Idempotency-Key of a mutation, checked and bound (see idempotency.ts): forwarded on the mutation calls. */
  idempotencyKey?: string;
  /** What became of the mutation calls that carried the key (set with it). */
  keyedCalls?: KeyedCalls;
  /** The answer cache's key for this query, when it may keep the answer (answer-cache.ts). */
  answerKey?: string;
  /** The answer versions each subgraph marked its shareable parts of this request with (answer-cache.ts). */
  answerVersions?: Map<string, Set<string>>;
}

/** The mutation calls of a keyed request: whether the answer is a replay, and whether anything may have been written. */
export interface KeyedCalls {
  /** Mutation calls sent with the key to each subgraph so far (a mutation whose fields go A, B, A calls A twice). */
  bySector: Map<string, number>;
  /** Of them, answered with the answer a subgraph stored under the key. */
  replayed: number;
  /** A subgraph may have applied a field: one succeeded, was replayed, or a call went unanswered. */
  applied: boolean;
}

/**
 * The key a subgraph stores a keyed mutation call's part under: the client's key on the first call to it;
 * on the next (fields going A, B, A call A twice, each with its own part) a key derived from it and the
 * call's number, which the same request sent again derives alike. Mutation fields run in order, so the
 * calls come in the plan's order. The digest is 43 characters of the key's alphabet.
 */
const callKeyOf = (key: string, earlierCalls: number) =>
  earlierCalls === 0 ? key : createHash('sha256').update(`${key}#${earlierCalls}`).digest('base64url');

type SubgraphAnswer = { data?: unknown; errors?: readonly { path?: readonly unknown[] }[] };

/**
 * Whether a subgraph's answer to a keyed mutation call shows a root field applied (the subgraph then
 * stored its key): one without an error at its path. No `data`: refused before execution, nothing applied.
 */
function partApplied(query: string | undefined, body: SubgraphAnswer) {
  if (body.data === undefined) return false;
  const operation = query ? getOperationAST(parse(query)) : null;
  if (!operation) return true;
  const failed = new Set((body.errors ?? []).map((e) => e.path?.[0]));
  return operation.selectionSet.selections.some(
    (s) => s.kind !== Kind.FIELD || (!s.name.value.startsWith('__') && !failed.has((s.alias ?? s.name).value)),
  );
}

/** Subgraph answers with an HTTP error status, kept with the error made of them for partApplied. */
const errorBodies = new WeakMap<GraphQLError, SubgraphAnswer>();

/** Why a request was aborted: its deadline of `timeoutMs` passed, or its client went away. */
export type AbortCause = { reason: 'REQUEST_TIMEOUT'; timeoutMs: number } | { reason: 'CLIENT_CLOSED_REQUEST' };

/** Why a request's signal was aborted (its `reason`). */
export class RequestAborted extends Error {
  override name = 'RequestAborted';
  constructor(readonly why: AbortCause) {
    super(
      why.reason === 'REQUEST_TIMEOUT' ? `request deadline of ${why.timeoutMs} ms passed` : 'client closed the request',
    );
  }
}

/**
 * The signal of one request: aborted `timeoutMs` after it started, or as soon as the client closes the
 * connection before the answer is sent (an answered request's `close` aborts nothing).
 */
export function requestSignal(res: ServerResponse, timeoutMs: number): AbortSignal {
  const controller = new AbortController();
  // Each subgraph call of the request listens (a plan may run dozens in parallel): no leak warning.
  setMaxListeners(0, controller.signal);
  const deadline = setTimeout(
    () => controller.abort(new RequestAborted({ reason: 'REQUEST_TIMEOUT', timeoutMs })),
    timeoutMs,
  ).unref();
  afterClose(res, () => {
    clearTimeout(deadline);
    if (!res.writableFinished) controller.abort(new RequestAborted({ reason: 'CLIENT_CLOSED_REQUEST' }));
  });
  return controller.signal;
}

/** A subgraph call that passed SUBGRAPH_TIMEOUT_MS (its signal's `reason`). */
class SubgraphTimeout extends Error {
  override name = 'SubgraphTimeout';
}

/** A call cancelled because its client went away: nobody reads the answer, whatever it would have been. */
const isClientGone = (cause: unknown) =>
  cause instanceof RequestAborted && cause.why.reason === 'CLIENT_CLOSED_REQUEST';

interface Call {
  signal: AbortSignal;
  /** The call is a mutation (the subgraph operation, not the client's: a mutation's entity reads are queries). */
  mutation: boolean;
  /** The fetcher was asked to send it: from then on a failure may come after the subgraph received it. */
  sent: boolean;
}

/**
 * Each subgraph call in progress, found by the fetcher and `willSendRequest` through a header that
 * never leaves the gateway: RemoteGraphQLDataSource hands its fetcher only the method, headers and
 * body (and ignores `request.http.timeout`). (AsyncLocalStorage would do it too, but on Node 20 its
 * promise hooks slowed every request through the gateway by a fifth.)
 */
const calls = new Map<string, Call>();
const CALL_HEADER = 'x-ecd-gateway-call';

/**
 * Failures to connect: the request never reached the subgraph, so a mutation wrote nothing. Any other
 * failure once sent (a reset, a hang-up, a subgraph that died, a timeout) leaves a mutation's outcome
 * unknown: a keep-alive socket the subgraph closed, for one, fails the same way as a subgraph that
 * died after committing.
 */
const NEVER_CONNECTED = new Set(['ECONNREFUSED', 'ENOTFOUND', 'EAI_AGAIN', 'EHOSTUNREACH', 'ENETUNREACH']);

function neverConnected(error: unknown): boolean {
  const { code, cause } = (error ?? {}) as { code?: unknown; cause?: { code?: unknown } };
  return NEVER_CONNECTED.has(String(code ?? cause?.code));
}

/** Whether a subgraph call is a mutation: only a client's mutation has any, so its queries cost nothing. */
function isMutationCall(options: GraphQLDataSourceProcessOptions<GatewayContext>): boolean {
  if (!('incomingRequestContext' in options)) return false;
  if (options.incomingRequestContext.operation.operation !== OperationTypeNode.MUTATION) return false;
  const { query, operationName } = options.request;
  const document = options.document ?? (query ? parse(query) : undefined);
  return !!document && getOperationAST(document, operationName)?.operation === OperationTypeNode.MUTATION;
}

/** The gateway itself, calling for no person (composition, answer versions): no policy opens data to it. */
export const GATEWAY_SELF: Identity = {
  userId: 'gateway',
  name: null,
  roles: [],
  sector: null,
  unitCode: null,
  agency: null,
};

// Gateway-internal requests (health checks, introspection) carry no request context.
const hasRequestContext = (context: object): context is GatewayContext =>
  'requestId' in context && 'identity' in context;

/**
 * Calls one sector's subgraph: sends only the request id and the gateway's own signed statement of
 * the verified identity (no header a client sent is forwarded, but a mutation's checked
 * Idempotency-Key), and turns a subgraph that cannot be reached into a typed error naming the sector,
 * so the fields of the other sectors still arrive.
 */
/**
 * The connections to the subgraphs. The default fetcher's agent keeps idle sockets forever and reuses the
 * oldest first, so a socket the subgraph had just closed (after its keep-alive of 65 s) failed a call
 * with ECONNRESET: this one retires idle sockets after 30 s (Node then also honours the server's
 * Keep-Alive hint) and reuses the most recent. Its timeout applies to idle sockets only, never a call.
 */
const subgraphAgent = new Agent({ keepAlive: true, timeout: 30_000, scheduling: 'lifo' });

export class SectorDataSource extends RemoteGraphQLDataSource<GatewayContext> {
  constructor(
    private readonly sector: string,
    url: string,
    private readonly timeoutMs: number,
    private readonly signer: GatewaySigner,
    private readonly bulkhead: Bulkhead,
  ) {
    super({ url });
    const fetch = this.fetcher;
    this.fetcher = (target, init) => {
      const headers = init?.headers ?? {};
      const call = calls.get(headers[CALL_HEADER] ?? '');
      delete headers[CALL_HEADER];
      if (call) call.sent = true;
      return fetch(target, { ...init, headers, signal: call?.signal, agent: subgraphAgent } as typeof init);
    };
  }

  override async willSendRequest({ request, context }: GraphQLDataSourceProcessOptions<GatewayContext>) {
    if (!request.http) return;
    if (!hasRequestContext(context)) {
      // The gateway's own calls (composition in `introspect` mode) read `_service`, which no policy opens to anyone.
      request.http.headers.set(
        'authorization',
        `Bearer ${await this.signer.sign(GATEWAY_SELF, this.sector, 'gateway')}`,
      );
      return;
    }
    let token = context.subgraphTokens.get(this.sector);
    if (!token) {
      token = this.signer.sign(context.identity, this.sector, context.requestId);
      context.subgraphTokens.set(this.sector, token);
    }
    request.http.headers.set('authorization', `Bearer ${await token}`);
    request.http.headers.set(REQUEST_ID_HEADER, context.requestId);
    // The one header of the client a subgraph gets, and only on a mutation: the subgraph applies the key.
    const keyed = context.keyedCalls;
    if (context.idempotencyKey && keyed && calls.get(request.http.headers.get(CALL_HEADER) ?? '')?.mutation) {
      const earlier = keyed.bySector.get(this.sector) ?? 0;
      keyed.bySector.set(this.sector, earlier + 1);
      request.http.headers.set(IDEMPOTENCY_KEY_HEADER, callKeyOf(context.idempotencyKey, earlier));
    }
  }

  /**
   * A subgraph that answered with the answer stored under the key: the client's answer says it is a
   * replay. A shareable part's answer version is noted for the answer cache.
   */
  override didReceiveResponse({
    response,
    request,
    context,
  }: Parameters<NonNullable<RemoteGraphQLDataSource<GatewayContext>['didReceiveResponse']>>[0]) {
    if (!hasRequestContext(context)) return response;
    const keyed = context.keyedCalls;
    if (keyed && calls.get(request.http?.headers.get(CALL_HEADER) ?? '')?.mutation) {
      const replay = response.extensions?.[IDEMPOTENT_REPLAY_EXTENSION] === true;
      if (replay) keyed.replayed += 1;
      if (replay || partApplied(request.query, response)) keyed.applied = true;
    }
    const version = response.http?.headers.get(ANSWER_VERSION_HEADER);
    if (version) {
      context.answerVersions ??= new Map();
      const versions = context.answerVersions.get(this.sector) ?? new Set();
      context.answerVersions.set(this.sector, versions.add(version));
    }
    return response;
  }

  /** A subgraph that answered with GraphQL errors (e.g. a 400 for an invalid literal): pass its first error on. */
  override async errorFromResponse(response: Response) {
    const body: unknown = await this.parseBody(response);
    const first = (body as { errors?: { message?: unknown; extensions?: Record<string, unknown> }[] } | null)
      ?.errors?.[0];
    if (typeof first?.message === 'string') {
      const error = new GraphQLError(first.message, { extensions: first.extensions ?? {} });
      errorBodies.set(error, body as SubgraphAnswer);
      return error;
    }
    return new GraphQLError(`Dịch vụ ngành ${this.label} trả lời lỗi HTTP ${response.status}.`, {
      extensions: {
        code: ErrorCode.SubgraphUnavailable,
        reason: 'SUBGRAPH_HTTP_ERROR',
        service: this.sector,
        status: response.status,
      },
    });
  }

  /**
   * One call, aborted (its socket closed) when it passes SUBGRAPH_TIMEOUT_MS, when the request's
   * deadline passes or when the client goes away. A subgraph that cannot be reached (refused, timed
   * out, not JSON): a typed error naming the sector. A mutation that was sent and got no answer
   * (reset, hang-up, timeout) may have been applied: SUBGRAPH_OUTCOME_UNKNOWN, distinct from one never
   * sent (SUBGRAPH_UNREACHABLE: nothing written).
   */
  override async process(options: GraphQLDataSourceProcessOptions<GatewayContext>) {
    const context = hasRequestContext(options.context) ? options.context : undefined;
    const request = context?.signal;
    const controller = new AbortController();
    let timer: NodeJS.Timeout | undefined;
    let leave: (() => void) | undefined;
    const cancel = () => controller.abort(request?.reason);
    if (request?.aborted) cancel();
    else request?.addEventListener('abort', cancel, { once: true });
    const id = randomUUID();
    const call: Call = { signal: controller.signal, mutation: isMutationCall(options), sent: false };
    calls.set(id, call);
    options.request.http ??= { method: 'POST', url: this.url, headers: new Headers() };
    options.request.http.headers.set(CALL_HEADER, id);
    try {
      // Waiting for a turn counts against the request's deadline only; the call's own timeout starts when it is sent.
      leave = await this.bulkhead.enter(controller.signal, context?.subgraphAnswered ?? false);
      timer = setTimeout(() => controller.abort(new SubgraphTimeout()), this.timeoutMs);
      if (controller.signal.aborted) throw controller.signal.reason;
      const response = await super.process(options);
      if (context) context.subgraphAnswered = true;
      return response;
    } catch (error) {
      // A keyed mutation call that may have applied something keeps the gateway's binding of the key.
      const keyed = call.mutation ? context?.keyedCalls : undefined;
      if (keyed && call.sent) {
        const answered = error instanceof GraphQLError ? errorBodies.get(error) : undefined;
        if (answered ? partApplied(options.request.query, answered) : !neverConnected(error)) keyed.applied = true;
      }
      if (error instanceof GraphQLError) throw error;
      const cause: unknown = controller.signal.aborted ? controller.signal.reason : error;
      if (call.mutation && call.sent && !neverConnected(error) && !isClientGone(cause))
        throw this.outcomeUnknown(cause, options.context);
      const failure = this.unavailable(cause, options.context, call.mutation);
      // An entity fetch answers with its fields null, so the fields of other sectors that @require them still come.
      const entities = call.mutation ? undefined : unavailableEntities(options.request, failure);
      if (entities) return entities;
      throw failure;
    } finally {
      clearTimeout(timer);
      leave?.();
      calls.delete(id);
      request?.removeEventListener('abort', cancel);
    }
  }

  /** A mutation sent and not answered: it may have been applied; the same Idempotency-Key applies it at most once. */
  private outcomeUnknown(cause: unknown, context: GatewayContext | object): GraphQLError {
    const logger = hasRequestContext(context) ? context.logger : undefined;
    const keyed = hasRequestContext(context) && context.idempotencyKey !== undefined;
    const timeoutMs =
      cause instanceof SubgraphTimeout
        ? this.timeoutMs
        : cause instanceof RequestAborted && cause.why.reason === 'REQUEST_TIMEOUT'
          ? cause.why.timeoutMs
          : undefined;
    logger?.warn({ sector: this.sector, err: cause, keyed }, 'mutation sent and not answered: outcome unknown');
    const what =
      timeoutMs !== undefined
        ? `dịch vụ của ngành không trả lời trong ${timeoutMs / 1000} giây`
        : 'kết nối tới dịch vụ của ngành bị ngắt trước khi có trả lời';
    const next = keyed
      ? 'vui lòng gửi lại đúng yêu cầu này với cùng Idempotency-Key: dữ liệu chỉ được ghi một lần.'
      : 'vui lòng kiểm tra dữ liệu trước khi gửi lại (gửi kèm Idempotency-Key thì có thể gửi lại an toàn).';
    return new GraphQLError(`Không rõ dữ liệu ngành ${this.label} đã được ghi hay chưa: ${what}; ${next}`, {
      extensions: {
        code: ErrorCode.SubgraphUnavailable,
        reason: 'SUBGRAPH_OUTCOME_UNKNOWN',
        service: this.sector,
        ...(timeoutMs !== undefined ? { timeoutMs } : {}),
      },
    });
  }

  private unavailable(cause: unknown, context: GatewayContext | object, mutation = false): GraphQLError {
    const logger = hasRequestContext(context) ? context.logger : undefined;
    const service = this.sector;
    if (cause instanceof SubgraphTimeout) {
      logger?.warn({ sector: service, timeoutMs: this.timeoutMs }, 'subgraph timed out; call aborted');
      return new GraphQLError(
        `Không lấy được dữ liệu ngành ${this.label}: dịch vụ của ngành không trả lời trong ${this.timeoutMs / 1000} giây, yêu cầu đã bị hủy.`,
        {
          extensions: {
            code: ErrorCode.SubgraphUnavailable,
            reason: 'SUBGRAPH_TIMEOUT',
            service,
            timeoutMs: this.timeoutMs,
          },
        },
      );
    }
    if (cause instanceof RequestAborted) {
      const { why } = cause;
      logger?.info({ sector: service, reason: why.reason }, 'request aborted; subgraph call cancelled');
      const message =
        why.reason === 'REQUEST_TIMEOUT'
          ? `Không lấy được dữ liệu ngành ${this.label}: yêu cầu vượt quá thời hạn ${why.timeoutMs / 1000} giây và đã bị hủy.`
          : `Không lấy được dữ liệu ngành ${this.label}: người gửi đã đóng kết nối.`;
      return new GraphQLError(message, {
        extensions: {
          code: ErrorCode.SubgraphUnavailable,
          reason: why.reason,
          service,
          ...(why.reason === 'REQUEST_TIMEOUT' && why.timeoutMs ? { timeoutMs: why.timeoutMs } : {}),
        },
      });
    }
    logger?.warn({ sector: service, err: cause }, 'subgraph unavailable');
    const message = mutation
      ? `Không gửi được yêu cầu tới dịch vụ ngành ${this.label}: dịch vụ hiện không phản hồi; chưa có dữ liệu nào được ghi.`
      : `Không lấy được dữ liệu ngành ${this.label}: dịch vụ của ngành hiện không phản hồi.`;
    return new GraphQLError(message, {
      extensions: { code: ErrorCode.SubgraphUnavailable, reason: 'SUBGRAPH_UNREACHABLE', service },
    });
  }

  private get label() {
    return SECTOR_LABELS[this.sector] ?? this.sector;
  }
}
