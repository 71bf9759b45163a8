import { randomUUID } from 'node:crypto';
import { setMaxListeners } from 'node:events';
import type { ServerResponse } from 'node:http';
import { RemoteGraphQLDataSource, type GraphQLDataSourceProcessOptions } from '@apollo/gateway';
import { GraphQLError } from 'graphql';

import { ErrorCode, REQUEST_ID_HEADER, type GatewaySigner, type Identity, type RequestContext } from '@ecd/service-kit';

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
}

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
  res.once('close', () => {
    clearTimeout(deadline);
    if (!res.writableFinished) controller.abort(new RequestAborted({ reason: 'CLIENT_CLOSED_REQUEST' }));
  });
  return controller.signal;
}

/** A subgraph call that passed SUBGRAPH_TIMEOUT_MS (its signal's `reason`). */
class SubgraphTimeout extends Error {
  override name = 'SubgraphTimeout';
}

/**
 * The signal of each subgraph call in progress, found by the fetcher through a header that never
 * leaves the gateway: RemoteGraphQLDataSource hands its fetcher only the method, headers and body (and
 * ignores `request.http.timeout`). (AsyncLocalStorage would do it too, but on Node 20 its promise
 * hooks slowed every request through the gateway by a fifth.)
 */
const callSignals = new Map<string, AbortSignal>();
const CALL_HEADER = 'x-ecd-gateway-call';

const GATEWAY_SELF: Identity = { userId: 'gateway', name: null, roles: [], sector: null, unitCode: null, agency: null };

// Gateway-internal requests (health checks, introspection) carry no request context.
const hasRequestContext = (context: object): context is GatewayContext =>
  'requestId' in context && 'identity' in context;

/**
 * Calls one sector's subgraph: sends only the request id and the gateway's own signed statement of
 * the verified identity (no header a client sent is forwarded), and turns a subgraph that cannot be
 * reached into a typed error naming the sector, so the fields of the other sectors still arrive.
 */
export class SectorDataSource extends RemoteGraphQLDataSource<GatewayContext> {
  constructor(
    private readonly sector: string,
    url: string,
    private readonly timeoutMs: number,
    private readonly signer: GatewaySigner,
  ) {
    super({ url });
    const fetch = this.fetcher;
    this.fetcher = (target, init) => {
      const headers = init?.headers ?? {};
      const signal = callSignals.get(headers[CALL_HEADER] ?? '');
      delete headers[CALL_HEADER];
      return fetch(target, { ...init, headers, signal });
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
  }

  /** A subgraph that answered with GraphQL errors (e.g. a 400 for an invalid literal): pass its first error on. */
  override async errorFromResponse(response: Response) {
    const body: unknown = await this.parseBody(response);
    const first = (body as { errors?: { message?: unknown; extensions?: Record<string, unknown> }[] } | null)
      ?.errors?.[0];
    if (typeof first?.message === 'string')
      return new GraphQLError(first.message, { extensions: first.extensions ?? {} });
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
   * out, not JSON): a typed error naming the sector.
   */
  override async process(options: GraphQLDataSourceProcessOptions<GatewayContext>) {
    const request = hasRequestContext(options.context) ? options.context.signal : undefined;
    const call = new AbortController();
    const timer = setTimeout(() => call.abort(new SubgraphTimeout()), this.timeoutMs);
    const cancel = () => call.abort(request?.reason);
    if (request?.aborted) cancel();
    else request?.addEventListener('abort', cancel, { once: true });
    const id = randomUUID();
    callSignals.set(id, call.signal);
    options.request.http ??= { method: 'POST', url: this.url, headers: new Headers() };
    options.request.http.headers.set(CALL_HEADER, id);
    try {
      if (call.signal.aborted) throw call.signal.reason;
      return await super.process(options);
    } catch (error) {
      if (error instanceof GraphQLError) throw error;
      throw this.unavailable(call.signal.aborted ? call.signal.reason : error, options.context);
    } finally {
      clearTimeout(timer);
      callSignals.delete(id);
      request?.removeEventListener('abort', cancel);
    }
  }

  private unavailable(cause: unknown, context: GatewayContext | object): GraphQLError {
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
    return new GraphQLError(`Không lấy được dữ liệu ngành ${this.label}: dịch vụ của ngành hiện không phản hồi.`, {
      extensions: { code: ErrorCode.SubgraphUnavailable, reason: 'SUBGRAPH_UNREACHABLE', service },
    });
  }

  private get label() {
    return SECTOR_LABELS[this.sector] ?? this.sector;
  }
}
