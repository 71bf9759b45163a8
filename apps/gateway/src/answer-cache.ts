import { createHash } from 'node:crypto';
import { Agent, request as httpRequest } from 'node:http';
import type { ApolloServerPlugin } from '@apollo/server';
import { ErrorsAreMissesCache, InMemoryLRUCache, type KeyValueCache } from '@apollo/utils.keyvaluecache';
import type { RequestHandler } from 'express';
import { OperationTypeNode } from 'graphql';

import {
  ANSWER_VERSION_PATH,
  claimsKey,
  connectRedis,
  IDEMPOTENCY_KEY_HEADER,
  todayInVietnam,
  toIsoDate,
  type Caller,
  type GatewaySigner,
  type Logger,
} from '@ecd/service-kit';

import { afterClose } from './after-close.js';
import { freshReads } from './fresh-reads.js';
import { GATEWAY_SELF, type GatewayContext } from './sector-data-source.js';

/**
 * The gateway's answer cache: a query's whole answer, kept when every subgraph it called marked its part
 * shareable (`@ecd/service-kit` shareable-answer.ts: no personal data, no write, no audit log), with the
 * answer version (data version and code) each of those subgraphs was at before it ran its part. It is
 * kept under
 *   - the caller's claims (roles, sector, unit, agency): the policies decide on nothing else, so only
 *     people whom they give the same answer share it;
 *   - the query, its variables, today's date in Vietnam (deadlines and overdue reports are counted from
 *     it) and the supergraph;
 * and served again, after the same sign-in and rate limit as any request and without planning, only when
 * each subgraph that made it still has that version (asked at `GET /answer-version`). A write in one of
 * those subgraphs increments its data version in the write's own transaction, so the first read after
 * it is answered afresh: never stale. In this process's memory by default; in Redis when REDIS_URL is
 * set, so every gateway replica shares it. The cache only saves work: when a version cannot be read,
 * or Redis is down, the query is answered as if nothing were kept.
 */

export interface AnswerCacheOptions {
  /** Each subgraph's URL (its `/graphql`), whose answer version is asked. */
  subgraphs: Record<string, string>;
  signer: GatewaySigner;
  /** Identifies the composed schema the answers are made with now. */
  schema: () => string;
  maxBytes: number;
  redisUrl: string | undefined;
  logger: Logger;
}

export interface AnswerCache {
  /** After authentication, before Apollo: answers a query from the cache, or leaves its key for `plugin`. */
  middleware: RequestHandler;
  /** Keeps a shareable answer under the key the middleware left. */
  plugin: ApolloServerPlugin<GatewayContext>;
  close(): Promise<void>;
}

/** Header of every answer the cache served (`hit`) or kept (`stored`), for clients and tests. */
export const ANSWER_CACHE_HEADER = 'x-ecd-answer-cache';

/** Query texts remembered as not shareable, at most. */
const UNSHAREABLE_TEXTS = 1_000;

/**
 * A version not answered within this is not waited for: the query is answered without the cache. A busy
 * subgraph answers a version in far less time than it makes an answer again, so waiting is the cheaper
 * way; a subgraph that is down refuses the connection at once.
 */
const VERSION_TIMEOUT_MS = 5_000;
/** The gateway's own tokens to the subgraphs last 60 s: one is signed again after half of it. */
const SELF_TOKEN_REUSE_MS = 30_000;

const versionAgent = new Agent({ keepAlive: true, timeout: 30_000, scheduling: 'lifo' });

/** The answer version of one subgraph, by a GET to its ANSWER_VERSION_PATH with the gateway's own token. */
function fetchVersion(url: URL, token: string): Promise<string> {
  return new Promise((resolve, reject) => {
    const req = httpRequest(
      url,
      { agent: versionAgent, headers: { authorization: `Bearer ${token}` }, timeout: VERSION_TIMEOUT_MS },
      (res) => {
        let body = '';
        res.setEncoding('utf8');
        res.on('data', (chunk: string) => (body += chunk));
        res.on('end', () => {
          let version: unknown;
          try {
            if (res.statusCode === 200) version = (JSON.parse(body) as { version?: unknown }).version;
          } catch {
            version = undefined;
          }
          if (typeof version === 'string') resolve(version);
          else reject(new Error(`answer version of ${url.host}: HTTP ${res.statusCode}`));
        });
        res.on('error', reject);
      },
    );
    req.on('timeout', () => req.destroy(new Error(`answer version of ${url.host}: no answer`)));
    req.on('error', reject);
    req.end();
  });
}

/** Answers kept in Redis, shared by the gateway replicas (errors are misses: see ErrorsAreMissesCache). */
function redisAnswers(url: string, logger: Logger): KeyValueCache<Buffer> & { close(): void } {
  const redis = connectRedis(url, logger, 'answer cache', { lazyConnect: true });
  const key = (k: string) => `ecd:answers:${k}`;
  return {
    get: async (k) => (await redis.getBuffer(key(k))) ?? undefined,
    set: async (k, value, options) => {
      await redis.set(key(k), value, 'EX', Math.max(1, options?.ttl ?? 60));
    },
    delete: async (k) => (await redis.del(key(k))) > 0,
    close: () => redis.disconnect(),
  };
}

/** How long a request waited for the same query's answer before answering afresh (0 if it did not wait). */
export const answerWaitMs = (res: { locals: Record<string, unknown> }): number =>
  typeof res.locals.answerWaitMs === 'number' ? res.locals.answerWaitMs : 0;

/**
 * A kept answer: the versions its subgraphs made it at, on the first line, then the answer's bytes as
 * sent. Kept as bytes, so that a hit writes them as they are: neither encoded again nor hashed for an ETag.
 */
const keptOf = (made: Record<string, string>, answer: string) => Buffer.from(`${JSON.stringify(made)}\n${answer}`);

function readKept(kept: Buffer): { made: Record<string, string>; answer: Buffer } {
  const end = kept.indexOf(0x0a);
  return {
    made: JSON.parse(kept.subarray(0, end).toString('utf8')) as Record<string, string>,
    answer: kept.subarray(end + 1),
  };
}

export function createAnswerCache(options: AnswerCacheOptions): AnswerCache {
  const redis = options.redisUrl ? redisAnswers(options.redisUrl, options.logger) : undefined;
  const store: KeyValueCache<Buffer> = redis
    ? new ErrorsAreMissesCache(redis, options.logger)
    : new InMemoryLRUCache<Buffer>({ maxSize: options.maxBytes, sizeCalculation: (answer) => answer.length || 1 });
  const tokens = new Map<string, { token: Promise<string>; at: number }>();
  const tokenFor = (name: string) => {
    let held = tokens.get(name);
    if (!held || Date.now() - held.at > SELF_TOKEN_REUSE_MS) {
      held = { token: options.signer.sign(GATEWAY_SELF, name, 'gateway'), at: Date.now() };
      tokens.set(name, held);
    }
    return held.token;
  };
  // Hits arriving together share each subgraph's next version read (each call still costs the subgraph a
  // request and a database read), yet none is answered by a read that started before it arrived.
  const versionOf = new Map(
    Object.entries(options.subgraphs).map(([name, url]) => {
      const versionUrl = new URL(ANSWER_VERSION_PATH, url);
      return [name, freshReads(async () => fetchVersion(versionUrl, await tokenFor(name)))] as const;
    }),
  );
  /** Whether every subgraph that made a kept answer still has the version it made it at. */
  const stillCurrent = async (made: Record<string, string>) => {
    const now = await Promise.all(
      Object.keys(made).map(async (name) => {
        const version = versionOf.get(name);
        if (!version) throw new Error(`no URL for subgraph ${name}`);
        return [name, await version()] as const;
      }),
    );
    return now.every(([name, version]) => made[name] === version);
  };

  /**
   * Queries being answered afresh, by key: the same query of the same claims arriving meanwhile waits
   * for that answer and checks its versions as any kept answer's, instead of computing it again (two
   * hundred people opening the same dashboard at once make one computation, not two hundred).
   */
  const answering = new Map<string, Promise<void>>();
  /**
   * Query texts whose answer no subgraph marked shareable (personal data, the audit log): they are never
   * kept, so the same one asked at once is answered in parallel, not in turn. What a document reads
   * decides it, whoever asks; the oldest are forgotten past UNSHAREABLE_TEXTS.
   */
  const unshareable = new Set<string>();
  const textOf = (operationName: unknown, query: string) =>
    createHash('sha256')
      .update(`${typeof operationName === 'string' ? operationName : ''}\n${query}`)
      .digest('base64url');

  const middleware: RequestHandler = (req, res, next) => {
    const started = performance.now();
    const body = req.body as { query?: unknown; variables?: unknown; operationName?: unknown } | undefined;
    const caller = res.locals.caller as Caller | undefined;
    if (
      !caller ||
      req.method !== 'POST' ||
      typeof body?.query !== 'string' ||
      req.headers[IDEMPOTENCY_KEY_HEADER] !== undefined
    )
      return next();
    // Only a query's answer is ever kept (see `plugin`), under its own text and operation name: a
    // mutation finds nothing, so the request is not parsed here.
    const { query, operationName } = body;
    const key = createHash('sha256')
      .update(
        JSON.stringify([
          options.schema(),
          claimsKey(caller.identity),
          toIsoDate(todayInVietnam()),
          body.operationName ?? null,
          body.query,
          body.variables ?? null,
        ]),
      )
      .digest('base64url');
    res.locals.answerKey = key;
    /** Serves the answer kept under the key if every subgraph that made it still has its version. */
    const serveKept = async () => {
      const kept = await store.get(key);
      if (kept === undefined) return false;
      const { made, answer } = readKept(kept);
      if (!(await stillCurrent(made))) return false;
      // The same line as every operation's (operationLogPlugin), marked as served from the cache.
      options.logger.info(
        {
          requestId: caller.requestId,
          ...(caller.clientRequestId ? { clientRequestId: caller.clientRequestId } : {}),
          userId: caller.identity.userId,
          operation: typeof body.operationName === 'string' ? body.operationName : null,
          ms: Math.round(performance.now() - started),
          errors: 0,
          answerCache: 'hit',
        },
        'graphql operation',
      );
      res
        .status(200)
        .set({
          'content-type': 'application/json; charset=utf-8',
          'cache-control': 'no-store',
          'content-length': String(answer.length),
          [ANSWER_CACHE_HEADER]: 'hit',
        })
        .end(answer);
      return true;
    };
    const answerAfresh = () => {
      if (!answering.has(key)) {
        // The others asking the same query meanwhile wait for this answer (kept before it is sent).
        let answered = () => {};
        const done = new Promise<void>((resolve) => (answered = resolve));
        answering.set(key, done);
        // A client that left while its kept answer was checked is waited for by nobody.
        afterClose(res, () => {
          if (answering.get(key) === done) answering.delete(key);
          answered();
        });
      }
      next();
    };
    (async () => {
      if (await serveKept()) return;
      if (unshareable.has(textOf(operationName, query))) return next();
      const first = answering.get(key);
      if (first) {
        await first;
        // A client that went away while it waited gets nothing, and costs nothing more.
        if (res.closed) return;
        res.locals.answerWaitMs = performance.now() - started;
        if (await serveKept()) return;
      }
      answerAfresh();
    })().catch((error: unknown) => {
      options.logger.warn({ err: error }, 'kept answer not checked: query answered afresh');
      next();
    });
  };

  const plugin: ApolloServerPlugin<GatewayContext> = {
    requestDidStart() {
      return Promise.resolve({
        async willSendResponse({ contextValue, operation, request, response, overallCachePolicy }) {
          // Answers are for one person: browsers and proxies keep none (the gateway shares them above).
          response.http.headers.set('cache-control', 'no-store');
          const { answerKey, answerVersions } = contextValue;
          const policy = overallCachePolicy.policyIfCacheable();
          if (
            answerKey &&
            !policy &&
            operation?.operation === OperationTypeNode.QUERY &&
            response.body.kind === 'single' &&
            !response.body.singleResult.errors &&
            request.query
          ) {
            unshareable.add(textOf(request.operationName, request.query));
            for (const oldest of unshareable) {
              if (unshareable.size <= UNSHAREABLE_TEXTS) break;
              unshareable.delete(oldest);
            }
          }
          if (
            !answerKey ||
            !policy ||
            !answerVersions?.size ||
            operation?.operation !== OperationTypeNode.QUERY ||
            response.body.kind !== 'single' ||
            response.body.singleResult.errors
          )
            return;
          const made: Record<string, string> = {};
          for (const [name, versions] of answerVersions) {
            const [version, ...others] = versions;
            // A subgraph that changed between two calls of this request: its parts may not agree.
            if (version === undefined || others.length) return;
            made[name] = version;
          }
          response.http.headers.set(ANSWER_CACHE_HEADER, 'stored');
          await store.set(answerKey, keptOf(made, JSON.stringify(response.body.singleResult)), {
            ttl: policy.maxAge,
          });
        },
      });
    },
  };

  return { middleware, plugin, close: () => Promise.resolve(redis?.close()) };
}
