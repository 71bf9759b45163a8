import { ApolloServerValidationErrorCode, unwrapResolverError } from '@apollo/server/errors';
import { GraphQLError, print, type GraphQLFormattedError } from 'graphql';

import { REASONS, type Reason } from './input/reasons.js';
import type { Logger } from './logger.js';
import { unsafeInputMessage, unsafeNumberLiteral } from './unsafe-input.js';

/**
 * Error codes clients can rely on (extensions.code). Messages are Vietnamese, for the people
 * who use the frontends; `reason` is a stable English identifier for programs.
 */
export const ErrorCode = {
  BadUserInput: 'BAD_USER_INPUT',
  NotFound: 'NOT_FOUND',
  Conflict: 'CONFLICT',
  Forbidden: 'FORBIDDEN',
  SubgraphUnavailable: 'SUBGRAPH_UNAVAILABLE',
  /** Too many requests of a limited kind (e.g. lookups by personal number): `retryAfterSeconds` says when to try again. */
  RateLimited: 'RATE_LIMITED',
  Internal: 'INTERNAL_SERVER_ERROR',
} as const;
export type ErrorCode = (typeof ErrorCode)[keyof typeof ErrorCode];

export interface ErrorDetails {
  /** Path of the offending input, e.g. `code` or `plan.targets[2].year`. */
  field?: string;
  /** Stable machine-readable reason from the one catalogue (input/reasons.ts), e.g. `UNKNOWN_UNIT_CODE`. */
  reason: Reason;
  /** Anything else a client may need to fix the request. */
  [key: string]: unknown;
}

export function domainError(code: ErrorCode, message: string, details: ErrorDetails): GraphQLError {
  return new GraphQLError(message, { extensions: { code, ...details } });
}

export const badInput = (message: string, details: ErrorDetails) =>
  domainError(ErrorCode.BadUserInput, message, details);
export const notFound = (message: string, details: ErrorDetails) => domainError(ErrorCode.NotFound, message, details);
export const conflict = (message: string, details: ErrorDetails) => domainError(ErrorCode.Conflict, message, details);

const PASSED_THROUGH = new Set<string>([
  ...Object.values(ErrorCode).filter((code) => code !== ErrorCode.Internal),
  'GRAPHQL_PARSE_FAILED',
  'GRAPHQL_VALIDATION_FAILED',
  'PERSISTED_QUERY_NOT_SUPPORTED',
  'OPERATION_RESOLUTION_FAILURE',
  'BAD_REQUEST',
  'DOWNSTREAM_SERVICE_ERROR',
]);

const VIETNAMESE_PREFIX: Record<string, string> = {
  GRAPHQL_PARSE_FAILED: 'Truy vấn GraphQL sai cú pháp',
  GRAPHQL_VALIDATION_FAILED: 'Truy vấn GraphQL không hợp lệ',
  BAD_USER_INPUT: 'Dữ liệu đầu vào không hợp lệ',
  BAD_REQUEST: 'Yêu cầu HTTP không hợp lệ',
  OPERATION_RESOLUTION_FAILURE: 'Không xác định được thao tác cần chạy',
  PERSISTED_QUERY_NOT_SUPPORTED:
    'Hệ thống không nhận truy vấn lưu sẵn (persisted query); vui lòng gửi toàn văn truy vấn',
};

/**
 * The reason of an error graphql-js or Apollo Server raise themselves (a syntax error, an unknown field,
 * a variable of the wrong type, a batch or a GET mutation refused): ours always name one.
 */
const LIBRARY_REASON: Record<string, Reason> = {
  GRAPHQL_PARSE_FAILED: 'QUERY_SYNTAX_ERROR',
  GRAPHQL_VALIDATION_FAILED: 'QUERY_INVALID',
  BAD_USER_INPUT: 'INVALID_VARIABLE',
  BAD_REQUEST: 'BAD_REQUEST',
  OPERATION_RESOLUTION_FAILURE: 'OPERATION_UNRESOLVED',
  PERSISTED_QUERY_NOT_SUPPORTED: 'PERSISTED_QUERY_NOT_SUPPORTED',
};

/** The input a graphql-js variable error names: the path inside the variable, else the variable. */
const VARIABLE_ERROR = /^Variable "\$(\w+)"(?: got invalid value .*? at "([^"]+)")?/s;
const fieldOfVariableError = (message: string) => {
  const match = VARIABLE_ERROR.exec(message);
  return match ? (match[2] ?? match[1]) : undefined;
};

/** What a client is told of an error it cannot act on. */
export const UNEXPECTED_ERROR_MESSAGE = 'Lỗi hệ thống, vui lòng thử lại sau hoặc liên hệ quản trị viên.';

/**
 * Input errors graphql-js validation raises on literals before the input-safety plugin sees the
 * operation, made the BAD_USER_INPUT they are when the value comes as a variable: a scalar's own typed
 * error (the Date scalar's INVALID_DATE), and a number overflowing to Infinity (an Int of `1e309`,
 * which graphql-js refuses as a bare validation failure).
 */
function inputErrorOfValidation(formatted: GraphQLFormattedError, error: unknown): GraphQLFormattedError | undefined {
  if (formatted.extensions?.code !== 'GRAPHQL_VALIDATION_FAILED' || !(error instanceof GraphQLError)) return undefined;
  const original = error.originalError;
  if (original instanceof GraphQLError && original.extensions.code === ErrorCode.BadUserInput) {
    return {
      ...formatted,
      message: original.message,
      extensions: { ...formatted.extensions, code: ErrorCode.BadUserInput },
    };
  }
  const node = error.nodes?.length === 1 ? error.nodes[0] : undefined;
  const reason = node ? unsafeNumberLiteral(node) : undefined;
  if (!node || !reason) return undefined;
  return {
    ...formatted,
    message: unsafeInputMessage(reason, { literal: print(node) }),
    extensions: { ...formatted.extensions, code: ErrorCode.BadUserInput, reason },
  };
}

/**
 * Apollo's refusal of introspection where it is off (`introspection: false`), given our reason and a
 * Vietnamese message instead of its advice to turn introspection on.
 */
function introspectionRefusal(formatted: GraphQLFormattedError): GraphQLFormattedError | undefined {
  if (formatted.extensions?.validationErrorCode !== ApolloServerValidationErrorCode.INTROSPECTION_DISABLED)
    return undefined;
  const { stacktrace: _stack, validationErrorCode: _code, ...extensions } = formatted.extensions;
  const reason: Reason = 'INTROSPECTION_DISABLED';
  return { ...formatted, message: REASONS[reason].message, extensions: { ...extensions, reason } };
}

/**
 * Apollo formatError: typed errors pass through; graphql-js validation messages get a Vietnamese
 * lead; anything unexpected is logged in full and answered with a generic message, never a stack.
 */
export function createErrorFormatter(logger: Logger) {
  return (formatted: GraphQLFormattedError, error: unknown): GraphQLFormattedError => {
    formatted = inputErrorOfValidation(formatted, error) ?? introspectionRefusal(formatted) ?? formatted;
    const code = typeof formatted.extensions?.code === 'string' ? formatted.extensions.code : ErrorCode.Internal;
    if (PASSED_THROUGH.has(code)) {
      const ours = typeof formatted.extensions?.reason === 'string';
      const prefix = VIETNAMESE_PREFIX[code];
      const message =
        !ours && prefix && !formatted.message.startsWith(prefix)
          ? `${prefix}: ${formatted.message}`
          : formatted.message;
      const { stacktrace: _stack, ...extensions } = formatted.extensions ?? {};
      const reason = LIBRARY_REASON[code];
      if (!ours && reason) {
        const field = code === ErrorCode.BadUserInput ? fieldOfVariableError(formatted.message) : undefined;
        Object.assign(extensions, { ...(field && !extensions.field ? { field } : {}), reason });
      }
      return { ...formatted, message, extensions };
    }
    const original = unwrapResolverError(error);
    logger.error({ err: original, path: formatted.path }, 'unexpected error');
    return {
      message: UNEXPECTED_ERROR_MESSAGE,
      ...(formatted.path ? { path: formatted.path } : {}),
      ...(formatted.locations ? { locations: formatted.locations } : {}),
      extensions: { code: ErrorCode.Internal, reason: 'UNEXPECTED_ERROR' },
    };
  };
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** Whether an id could be a row's UUID; anything else is "not found" without asking PostgreSQL (which would reject the cast). */
export const isUuid = (id: string) => UUID.test(id);
