import { RemoteGraphQLDataSource, type GraphQLDataSourceProcessOptions } from '@apollo/gateway';
import { contextToHeaders, ErrorCode, type RequestContext } from '@ecd/service-kit';
import { GraphQLError } from 'graphql';

/** Vietnamese names of the sectors behind each subgraph, for error messages people read. */
export const SECTOR_LABELS: Record<string, string> = {
  ldtbxh: 'Lao động - Thương binh và Xã hội',
  health: 'Y tế',
  education: 'Giáo dục và Đào tạo',
  culture: 'Văn hóa, Thể thao và Du lịch',
};

// Gateway-internal requests (health checks, introspection) carry no request context.
const hasRequestContext = (context: object): context is RequestContext => 'requestId' in context && 'identity' in context;

/**
 * Calls one sector's subgraph: forwards the request context (request id, identity) as headers, and
 * turns a subgraph that cannot be reached into a typed error naming the sector, so the fields of the
 * other sectors still arrive.
 */
export class SectorDataSource extends RemoteGraphQLDataSource<RequestContext> {
  constructor(
    private readonly sector: string,
    url: string,
    private readonly timeoutMs: number,
  ) {
    super({ url });
  }

  override willSendRequest({ request, context }: GraphQLDataSourceProcessOptions<RequestContext>) {
    if (!hasRequestContext(context)) return;
    for (const [name, value] of Object.entries(contextToHeaders(context))) request.http?.headers.set(name, value);
    if (request.http) (request.http as { timeout?: number }).timeout = this.timeoutMs;
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
  override async process(options: GraphQLDataSourceProcessOptions<RequestContext>) {
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
