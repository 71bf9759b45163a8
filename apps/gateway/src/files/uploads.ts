/**
 * The upload paths beside `/graphql` (README, "Imports from files"): a file sent to the gateway is
 * streamed, unread, to the sector's subgraph that owns the data, which parses, checks and writes it
 * (every subgraph defends itself); the gateway only checks the caller as `/graphql` does
 * (`authenticated`: bearer token, rate limit) and signs the verified identity for that subgraph, as for
 * a GraphQL call. The subgraph's answer (JSON, NDJSON progress lines, or an .xlsx template) is streamed back.
 *
 *   POST /files/imports/<sector>/<kind>[?dryRun=true]   → POST <subgraph>/imports/<kind>
 *   GET  /files/templates/<sector>/<file>.xlsx[?…]      → GET  <subgraph>/templates/<file>.xlsx
 */
import { readFileSync } from 'node:fs';
import { request, type ClientRequest, type IncomingMessage } from 'node:http';
import { request as secureRequest } from 'node:https';
import type { Express, Request, RequestHandler, Response } from 'express';

import {
  errorBody,
  ErrorCode,
  REQUEST_ID_HEADER,
  type Caller,
  type GatewaySigner,
  type Logger,
  type RouteTools,
} from '@ecd/service-kit';

import { afterClose } from '../after-close.js';
import { SECTOR_LABELS } from '../sector-data-source.js';

export const UPLOAD_PATHS = {
  import: '/files/imports/:sector/:kind',
  template: '/files/templates/:sector/:file',
} as const;

/**
 * How long a file call may take: the gateway's GraphQL limits (seconds) are for queries, while a file of
 * 100,000 rows takes seconds on PostgreSQL and tens of seconds on the embedded database.
 */
export const FILE_CALL_TIMEOUT_MS = 10 * 60_000;

/** Request headers the subgraph needs to read the file; nothing else of the client's is forwarded. */
const FORWARDED_REQUEST_HEADERS = ['content-type', 'content-length', 'content-encoding', 'accept', 'x-file-name'];
/** Answer headers passed back to the client. */
const FORWARDED_ANSWER_HEADERS = ['content-type', 'content-length', 'content-disposition'];

const KIND = /^[a-z0-9][a-z0-9-]{0,63}$/;
const TEMPLATE_FILE = /^[a-z0-9][a-z0-9-]{0,63}\.xlsx$/;

/** The subgraphs' URLs the supergraph names (`@join__graph(name:, url:)`), by name. */
export function supergraphSubgraphUrls(supergraphSdl: string): Record<string, string> {
  const urls: Record<string, string> = {};
  for (const [, name, url] of supergraphSdl.matchAll(/@join__graph\(name: "([^"]+)", url: "([^"]+)"\)/g))
    if (name && url) urls[name] = url;
  return urls;
}

export interface UploadRouteOptions {
  signer: GatewaySigner;
  /** The GraphQL URL of a subgraph by name (the environment's or a test's override, else the supergraph's). */
  subgraphUrl(name: string): string | undefined;
  logger: Logger;
}

/** The subgraph URLs for uploads: the overrides, else the supergraph file's (absent in `introspect` mode). */
export function uploadSubgraphUrls(overrides: Record<string, string>, supergraphPath: string | undefined) {
  let fromFile: Record<string, string> = {};
  if (supergraphPath) {
    try {
      fromFile = supergraphSubgraphUrls(readFileSync(supergraphPath, 'utf8'));
    } catch {
      fromFile = {};
    }
  }
  return (name: string): string | undefined => overrides[name] ?? fromFile[name];
}

const unknownRoute = (res: Response) =>
  res.status(404).json(errorBody('Không có địa chỉ này; GraphQL ở /graphql.', ErrorCode.NotFound, 'UNKNOWN_ROUTE'));

/** Failures to connect: the file never reached the subgraph, so nothing was written. */
const NEVER_CONNECTED = new Set(['ECONNREFUSED', 'ENOTFOUND', 'EAI_AGAIN', 'EHOSTUNREACH', 'ENETUNREACH']);

/** Mounts the upload and template paths on the gateway's HTTP app (`routes` of startHttpService). */
export function uploadRoutes(app: Express, { authenticated }: RouteTools, options: UploadRouteOptions): void {
  const forward =
    (method: 'POST' | 'GET', pathOf: (params: Record<string, string>) => string | null): RequestHandler =>
    (req, res, next) => {
      const sector = String(req.params.sector);
      const path = pathOf(req.params as Record<string, string>);
      const url = Object.hasOwn(SECTOR_LABELS, sector) ? options.subgraphUrl(sector) : undefined;
      if (!path || !url) return void unknownRoute(res);
      void send(method, req, res, sector, new URL(path + queryOf(req), url)).catch(next);
    };

  app.post(
    UPLOAD_PATHS.import,
    authenticated,
    forward('POST', ({ kind }) => (kind && KIND.test(kind) ? `/imports/${kind}` : null)),
  );
  app.get(
    UPLOAD_PATHS.template,
    authenticated,
    forward('GET', ({ file }) => (file && TEMPLATE_FILE.test(file) ? `/templates/${file}` : null)),
  );

  /** One call: the request body streamed to the subgraph, its answer streamed back. */
  async function send(method: 'POST' | 'GET', req: Request, res: Response, sector: string, target: URL) {
    const caller = res.locals.caller as Caller;
    const headers: Record<string, string> = {
      authorization: `Bearer ${await options.signer.sign(caller.identity, sector, caller.requestId)}`,
      [REQUEST_ID_HEADER]: caller.requestId,
    };
    for (const name of FORWARDED_REQUEST_HEADERS) {
      const value = req.get(name);
      if (value !== undefined) headers[name] = value;
    }
    const label = SECTOR_LABELS[sector] ?? sector;
    const upstream: ClientRequest = (target.protocol === 'https:' ? secureRequest : request)(target, {
      method,
      headers,
    });
    let answered = false;
    upstream.setTimeout(FILE_CALL_TIMEOUT_MS, () => upstream.destroy(new Error('timeout')));
    upstream.on('response', (answer: IncomingMessage) => {
      answered = true;
      res.status(answer.statusCode ?? 502);
      for (const name of FORWARDED_ANSWER_HEADERS) {
        const value = answer.headers[name];
        if (value !== undefined) res.set(name, value);
      }
      res.flushHeaders();
      answer.pipe(res);
      answer.on('error', () => res.destroy());
    });
    upstream.on('error', (error: NodeJS.ErrnoException) => {
      if (answered || res.headersSent) return void res.destroy();
      const neverSent = NEVER_CONNECTED.has(String(error.code));
      options.logger.warn({ sector, err: error, path: target.pathname }, 'file call to the subgraph failed');
      if (neverSent || method === 'GET') {
        res
          .status(502)
          .json(
            errorBody(
              `Không gửi được tệp tới dịch vụ ngành ${label}: dịch vụ hiện không phản hồi; chưa có dữ liệu nào được ghi.`,
              ErrorCode.SubgraphUnavailable,
              'SUBGRAPH_UNREACHABLE',
            ),
          );
        return;
      }
      res
        .status(error.message === 'timeout' ? 504 : 502)
        .json(
          errorBody(
            `Không rõ tệp đã được ghi vào dữ liệu ngành ${label} hay chưa: kết nối bị ngắt trước khi có trả lời. ` +
              'Gửi lại đúng tệp này là an toàn: một tệp đã nhập thì không được ghi lần thứ hai.',
            ErrorCode.SubgraphUnavailable,
            'SUBGRAPH_OUTCOME_UNKNOWN',
          ),
        );
    });
    // The client went away before the answer: the call is cancelled (a write not yet committed is rolled back).
    afterClose(res, () => {
      if (!res.writableFinished) upstream.destroy();
    });
    if (method === 'POST') req.pipe(upstream);
    else upstream.end();
  }
}

/** The query string as the client sent it (`?dryRun=true`, `?unit=20&year=2025`). */
function queryOf(req: Request): string {
  const at = req.originalUrl.indexOf('?');
  return at < 0 ? '' : req.originalUrl.slice(at);
}
