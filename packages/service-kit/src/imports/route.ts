/**
 * The HTTP side of every import, the same in every subgraph: the raw file body within a size limit, its
 * format (CSV or XLSX), `?dryRun=true`, the caller refused before the file is read, the rows read into
 * the common model, progress streamed as NDJSON lines for a client that asks for them, and the JSON
 * answer (`ImportResult`) with its status: 200 accepted, 422 refused for its problems, 403 when a
 * problem is a unit outside the person's territory.
 */
import express, { type Request, type RequestHandler, type Response, type Router } from 'express';
import { GraphQLError } from 'graphql';

import { ErrorCode, UNEXPECTED_ERROR_MESSAGE } from '../errors.js';
import { errorBody } from '../http-errors.js';
import type { Reason } from '../input/reasons.js';
import type { Logger } from '../logger.js';
import { ImportProblems, refusedImport, type ImportResult } from './problems.js';
import { readImportFile, UnreadableFile, type ImportFormat, type ImportSheet } from './table.js';

/** Largest file an import reads: 100,000 measurements are about 7 MB of CSV. */
export const IMPORT_BODY_LIMIT_BYTES = 64 * 1024 * 1024;

/** The media type of streamed progress: one JSON object per line. */
export const NDJSON = 'application/x-ndjson';

export const XLSX_MEDIA_TYPE = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

/** What an import is doing, for a progress line: reading the file, checking its rows, writing them. */
export type ImportPhase = 'read' | 'check' | 'write';

export interface ImportProgress {
  /**
   * Reports `rows` of `of` done in `phase` (streamed at most every quarter second, and at the end of a
   * phase); also lets the event loop serve others between chunks of work.
   */
  report(phase: ImportPhase, rows: number, of: number): Promise<void>;
}

export interface Upload {
  sheets: ImportSheet[];
  format: ImportFormat;
  dryRun: boolean;
  /** The file's name when the client sent it (`X-File-Name`, URI-encoded): for the import log only. */
  fileName: string | null;
  progress: ImportProgress;
}

type Http = { req: Request; res: Response };

export interface ImportRouteOptions {
  /** Refuses a caller before the file is read: throw a FORBIDDEN GraphQLError (e.g. `access.refusal(policy)`). */
  authorize(http: Http): void | Promise<void>;
  /** Checks the rows and, unless a dry run or anything is wrong, writes them. */
  run(upload: Upload, http: Http): Promise<ImportResult>;
  logger: Logger;
  limitBytes?: number;
}

const startsWith = (body: Buffer, bytes: readonly number[]) => bytes.every((b, i) => body[i] === b);
const ZIP = [0x50, 0x4b, 0x03, 0x04];
/** Excel 97-2003 (.xls) and other OLE compound files. */
const OLE = [0xd0, 0xcf, 0x11, 0xe0];
const PDF = [0x25, 0x50, 0x44, 0x46];

/**
 * The format of an uploaded file, from `?format=`, else its first bytes (an .xlsx is a zip), else its
 * name or media type; null for a format no import reads (old .xls, PDF, JSON...).
 */
export function importFormatOf(
  body: Buffer,
  { explicit, contentType, fileName }: { explicit?: string; contentType?: string; fileName?: string | null },
): ImportFormat | null {
  if (explicit === 'csv' || explicit === 'xlsx') return explicit;
  if (explicit) return null;
  if (startsWith(body, ZIP)) return 'xlsx';
  if (startsWith(body, OLE) || startsWith(body, PDF)) return null;
  const name = fileName?.toLowerCase() ?? '';
  if (name.endsWith('.xlsx')) return 'xlsx';
  if (name && !name.endsWith('.csv') && !name.endsWith('.txt')) return null;
  const type = (contentType ?? '').split(';')[0]?.trim().toLowerCase() ?? '';
  if (type.includes('spreadsheetml')) return 'xlsx';
  if (['', 'text/csv', 'text/plain', 'application/csv', 'application/octet-stream'].includes(type)) return 'csv';
  return null;
}

const HTTP_STATUS_OF_CODE: Record<string, number> = {
  [ErrorCode.Forbidden]: 403,
  [ErrorCode.BadUserInput]: 400,
  [ErrorCode.NotFound]: 404,
  [ErrorCode.Conflict]: 409,
};

/** A typed error thrown before the rows were read (refused caller, bad argument), as the `/graphql` JSON error. */
function typedError(error: unknown): { status: number; body: object } | null {
  if (!(error instanceof GraphQLError)) return null;
  const status = HTTP_STATUS_OF_CODE[String(error.extensions.code)];
  if (status === undefined) return null;
  return { status, body: { errors: [{ message: error.message, extensions: error.extensions }] } };
}

/** 200 accepted, 403 when a row lies outside the person's territory, 422 for any other problem. */
export const importStatus = (result: ImportResult) =>
  !result.reason ? 200 : result.problems.some((p) => p.reason === 'OUTSIDE_SCOPE') ? 403 : 422;

/** A file the service cannot take at all (format, reading): the answer, with its one problem. */
function fileProblem(dryRun: boolean, reason: Reason, message: string): ImportResult {
  const problems = new ImportProblems();
  problems.file(reason, message);
  return refusedImport(dryRun, 0, problems);
}

const fileNameOf = (req: Request) => {
  const header = req.get('x-file-name');
  if (!header) return null;
  try {
    return decodeURIComponent(header).slice(0, 255);
  } catch {
    return header.slice(0, 255);
  }
};

const isDryRun = (req: Request) =>
  typeof req.query.dryRun === 'string' && ['true', '1', 'yes'].includes(req.query.dryRun.toLowerCase());

/**
 * Mounts `POST path`: `authenticated` (the service's caller check and rate limit), then the raw body,
 * then `authorize`, reading and `run`. With `Accept: application/x-ndjson` the answer is streamed:
 * `{"progress":{"phase","rows","of"}}` lines, then `{"status":…,"result":{…}}` (or `{"status":…,"errors":[…]}`).
 */
export function importRoute(
  app: Router,
  authenticated: RequestHandler,
  path: string,
  options: ImportRouteOptions,
): void {
  const { logger, limitBytes = IMPORT_BODY_LIMIT_BYTES } = options;
  const raw = express.raw({ type: () => true, limit: limitBytes });
  const body: RequestHandler = (req, res, next) =>
    raw(req, res, (error?: unknown) => {
      if (!error) return next();
      if ((error as { type?: unknown }).type === 'entity.too.large') {
        res
          .status(413)
          .json(
            errorBody(
              `Tệp quá lớn (tối đa ${Math.round(limitBytes / 1024 / 1024)} MB); hãy chia thành nhiều tệp.`,
              'BAD_REQUEST',
              'PAYLOAD_TOO_LARGE',
            ),
          );
        return;
      }
      next(error);
    });

  app.post(path, authenticated, body, async (req, res, next) => {
    const http = { req, res };
    const dryRun = isDryRun(req);
    const streaming = (req.get('accept') ?? '').includes(NDJSON);
    let started = false;
    const answer = (status: number, payload: object) => {
      if (started) {
        res.end(`${JSON.stringify({ status, ...payload })}\n`);
      } else res.status(status).json(payload);
    };
    try {
      await options.authorize(http);
      const buffer = Buffer.isBuffer(req.body) ? req.body : Buffer.alloc(0);
      const fileName = fileNameOf(req);
      const format = importFormatOf(buffer, {
        explicit: typeof req.query.format === 'string' ? req.query.format : undefined,
        contentType: req.get('content-type'),
        fileName,
      });
      if (!format) {
        answer(
          415,
          fileProblem(dryRun, 'UNSUPPORTED_FILE_TYPE', 'Chỉ nhận tệp .csv (UTF-8) hoặc .xlsx (Excel 2007 trở lên).'),
        );
        return;
      }
      if (!buffer.length) {
        answer(422, fileProblem(dryRun, 'NO_ROWS', 'Tệp trống: không có dòng số liệu nào.'));
        return;
      }
      if (streaming) {
        res.status(200).type(NDJSON);
        res.flushHeaders();
        started = true;
      }
      let last = 0;
      const progress: ImportProgress = {
        async report(phase, rows, of) {
          const now = Date.now();
          if (started && (rows >= of || now - last >= 250)) {
            last = now;
            res.write(`${JSON.stringify({ progress: { phase, rows, of } })}\n`);
          }
          await new Promise((resolve) => setImmediate(resolve));
        },
      };
      let sheets: ImportSheet[];
      try {
        await progress.report('read', 0, buffer.length);
        sheets = await readImportFile(buffer, format);
        await progress.report('read', buffer.length, buffer.length);
      } catch (error) {
        if (!(error instanceof UnreadableFile)) throw error;
        answer(422, fileProblem(dryRun, 'UNREADABLE_FILE', error.message));
        return;
      }
      const result = await options.run({ sheets, format, dryRun, fileName, progress }, http);
      if (result.reason) logger.info({ problems: result.problemCount, dryRun }, 'import refused');
      const status = importStatus(result);
      if (started) answer(status, { result });
      else res.status(status).json(result);
    } catch (error) {
      const typed = typedError(error);
      if (typed) return answer(typed.status, typed.body);
      if (!started) return next(error);
      logger.error({ err: error, path: req.path }, 'import failed');
      answer(500, errorBody(UNEXPECTED_ERROR_MESSAGE, ErrorCode.Internal, 'UNEXPECTED_ERROR'));
    }
  });
}

/** Mounts `GET path` answering an .xlsx file built for the verified caller (`build` may throw FORBIDDEN or BAD_USER_INPUT). */
export function templateRoute(
  app: Router,
  authenticated: RequestHandler,
  path: string,
  build: (http: Http) => Promise<{ fileName: string; body: Buffer }>,
): void {
  app.get(path, authenticated, async (req, res, next) => {
    try {
      const { fileName, body } = await build({ req, res });
      res
        .status(200)
        .type(XLSX_MEDIA_TYPE)
        .set('cache-control', 'private, no-store')
        .set(
          'content-disposition',
          `attachment; filename="${fileName.replace(/[^\x20-\x7e]|"/g, '_')}"; filename*=UTF-8''${encodeURIComponent(fileName)}`,
        )
        .send(body);
    } catch (error) {
      const typed = typedError(error);
      if (typed) return void res.status(typed.status).json(typed.body);
      next(error);
    }
  });
}
