import { RemoteGraphQLDataSource, type GraphQLDataSourceProcessOptions } from '@apollo/gateway';
import { ErrorCode, REQUEST_ID_HEADER, type GatewaySigner, type Identity, type RequestContext } from '@ecd/service-kit';
import { GraphQLError } from 'graphql';

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
}

const GATEWAY_SELF: Identity = { userId: 'gateway', name: null, roles: [], sector: null, unitCode: null, agency: null };

// Gateway-internal requests (health checks, introspection) carry no request context.
const hasRequestContext = (context: object): context is GatewayContext => 'requestId' in context && 'identity' in context;

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
  }

  override async willSendRequest({ request, context }: GraphQLDataSourceProcessOptions<GatewayContext>) {
    if (!request.http) return;
    if (!hasRequestContext(context)) {
      // The gateway's own calls (composition in `introspect` mode) read `_service`, which no policy opens to anyone.
      request.http.headers.set('authorization', `Bearer ${await this.signer.sign(GATEWAY_SELF, this.sector, 'gateway')}`);
      return;
    }
    let token = context.subgraphTokens.get(this.sector);
    if (!token) {
      token = this.signer.sign(context.identity, this.sector, context.requestId);
      context.subgraphTokens.set(this.sector, token);
    }
    request.http.headers.set('authorization', `Bearer ${await token}`);
    request.http.headers.set(REQUEST_ID_HEADER, context.requestId);
    (request.http as { timeout?: number }).timeout = this.timeoutMs;
  }

  /** A subgraph that answered with GraphQL errors (e.g. a 400 for an invalid literal): pass its first error on. */
  override async errorFromResponse(response: Response) {
    const body: unknown = await this.parseBody(response);
    const first = (body as { errors?: { message?: unknown; extensions?: Record<string, unknown> }[] } | null)?.errors?.[0];
    if (typeof first?.message === 'string') return new GraphQLError(first.message, { extensions: first.extensions ?? {} });
    return new GraphQLError(`Dịch vụ ngành ${this.label} trả lời lỗi HTTP ${response.status}.`, {
      extensions: { code: ErrorCode.SubgraphUnavailable, reason: 'SUBGRAPH_HTTP_ERROR', service: this.sector, status: response.status },
    });
  }

  /** A subgraph that cannot be reached (refused, timed out, not JSON): a typed error naming the sector. */
  override async process(options: GraphQLDataSourceProcessOptions<GatewayContext>) {
    try {
      return await super.process(options);
    } catch (error) {
      if (error instanceof GraphQLError) throw error;
      if (hasRequestContext(options.context)) {
        options.context.logger.warn({ sector: this.sector, err: error }, 'subgraph unavailable');
      }
      throw new GraphQLError(`Không lấy được dữ liệu ngành ${this.label}: dịch vụ của ngành hiện không phản hồi.`, {
        extensions: { code: ErrorCode.SubgraphUnavailable, reason: 'SUBGRAPH_UNREACHABLE', service: this.sector },
      });
    }
  }

  private get label() {
    return SECTOR_LABELS[this.sector] ?? this.sector;
  }
}
