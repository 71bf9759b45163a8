import type { ErrorRequestHandler, RequestHandler } from 'express';

import { ErrorCode, UNEXPECTED_ERROR_MESSAGE } from './errors.js';
import type { Reason } from './input/reasons.js';
import type { Logger } from './logger.js';

/** Largest request body a service reads (JSON). */
export const BODY_LIMIT = '5mb';

/** An answer given outside GraphQL execution, shaped as a GraphQL response so clients read one format. */
export const errorBody = (message: string, code: string, reason: Reason) => ({
  errors: [{ message, extensions: { code, reason } }],
});

interface Refusal {
  status: number;
  reason: Reason;
  message: string;
}

// What body-parser reports (its error's `type`) when the request itself is at fault.
const BODY_REFUSALS: Record<string, Refusal> = {
  'entity.too.large': {
    status: 413,
    reason: 'PAYLOAD_TOO_LARGE',
    message: `Nội dung yêu cầu quá lớn (tối đa ${BODY_LIMIT}).`,
  },
  'entity.parse.failed': { status: 400, reason: 'MALFORMED_JSON', message: 'Nội dung yêu cầu không phải JSON hợp lệ.' },
  'request.size.invalid': {
    status: 400,
    reason: 'MALFORMED_BODY',
    message: 'Độ dài nội dung yêu cầu không khớp với Content-Length.',
  },
  'request.aborted': { status: 400, reason: 'REQUEST_ABORTED', message: 'Yêu cầu bị ngắt trước khi gửi hết nội dung.' },
  'encoding.unsupported': {
    status: 415,
    reason: 'UNSUPPORTED_ENCODING',
    message: 'Kiểu nén nội dung yêu cầu không được hỗ trợ.',
  },
  'charset.unsupported': {
    status: 415,
    reason: 'UNSUPPORTED_CHARSET',
    message: 'Bảng mã của nội dung yêu cầu không được hỗ trợ; hãy dùng UTF-8.',
  },
};

/** A client error raised by Express or its middleware (an http-errors error with a 4xx status), if it is one. */
function refusalOf(error: unknown): Refusal | undefined {
  if (typeof error !== 'object' || error === null) return undefined;
  const { type, status } = error as { type?: unknown; status?: unknown };
  const known = typeof type === 'string' ? BODY_REFUSALS[type] : undefined;
  if (known) return known;
  if (typeof status === 'number' && status >= 400 && status < 500) {
    return { status, reason: 'BAD_REQUEST', message: 'Yêu cầu HTTP không hợp lệ.' };
  }
  return undefined;
}

/** Any path no route serves. */
export const notFoundHandler: RequestHandler = (_req, res) => {
  res.status(404).json(errorBody('Không có địa chỉ này; GraphQL ở /graphql.', ErrorCode.NotFound, 'UNKNOWN_ROUTE'));
};

/**
 * Every error that reaches Express — a body too large or not JSON, a failing middleware — answered as a
 * GraphQL JSON error and logged as one JSON line, instead of Express's HTML page with the stack trace
 * (and its print of the error, with the body it failed on, to stderr). Nothing of the body is logged:
 * a refused request's line has the reason, an unexpected error's the error without its `body`.
 */
export function jsonErrorHandler(logger: Logger): ErrorRequestHandler {
  return (error: unknown, req, res, _next) => {
    // The path only: a GET's query string carries the operation's variables.
    const where = { method: req.method, path: req.path };
    const refusal = refusalOf(error);
    if (refusal) {
      // Not the parser's message: it quotes the body it failed on.
      logger.warn({ ...where, status: refusal.status, reason: refusal.reason }, 'request refused');
    } else {
      logger.error({ ...where, err: error }, 'unexpected error');
    }
    if (res.headersSent) {
      // Part of an answer is already out: it cannot be replaced, only cut short.
      res.destroy();
      return;
    }
    if (refusal) res.status(refusal.status).json(errorBody(refusal.message, 'BAD_REQUEST', refusal.reason));
    else res.status(500).json(errorBody(UNEXPECTED_ERROR_MESSAGE, ErrorCode.Internal, 'UNEXPECTED_ERROR'));
  };
}
