import { CombinedGraphQLErrors, ServerError } from '@apollo/client';
import type { GraphQLFormattedError } from 'graphql';

import { FileRefused } from '../ui/server-files.ts';

/** One problem to show: the server's Vietnamese message, its stable reason, and the input or path at fault. */
export interface ShownProblem {
  message: string;
  reason: string | null;
  code: string | null;
  /** The input field or the path in a document (`targets[1].milestones[0].value`). */
  field: string | null;
}

/** What people read when the server says nothing more specific (its own messages are Vietnamese). */
const FALLBACK_MESSAGES = {
  UNAUTHENTICATED: 'Phiên đăng nhập không hợp lệ hoặc đã hết hạn, vui lòng đăng nhập lại.',
  FORBIDDEN: 'Bạn không có quyền xem hoặc thực hiện thao tác này.',
  RATE_LIMITED: 'Bạn đã gửi quá nhiều yêu cầu; vui lòng thử lại sau ít phút.',
  SUBGRAPH_UNAVAILABLE: 'Dịch vụ của một ngành tạm thời không trả lời; số liệu của ngành đó để trống.',
  NETWORK: 'Không kết nối được máy chủ. Kiểm tra mạng rồi thử lại.',
  UNKNOWN: 'Đã có lỗi xảy ra. Vui lòng thử lại.',
} as const;
const fallback = (code: string | null): string =>
  (FALLBACK_MESSAGES as Record<string, string>)[code ?? 'UNKNOWN'] ?? FALLBACK_MESSAGES.UNKNOWN;

const asString = (value: unknown) => (typeof value === 'string' && value ? value : null);

/** Every problem an error from the server carries, each problem of `extensions.problems` on its own. */
function problemsOf(errors: readonly GraphQLFormattedError[]): ShownProblem[] {
  return errors.flatMap((error) => {
    const extensions = (error.extensions ?? {}) as Record<string, unknown>;
    const code = asString(extensions.code);
    const reason = asString(extensions.reason);
    const head: ShownProblem = {
      message: asString(error.message) ?? fallback(code),
      reason,
      code,
      field: asString(extensions.field),
    };
    const nested = Array.isArray(extensions.problems)
      ? (extensions.problems as Record<string, unknown>[]).map((p) => ({
          message: asString(p.message) ?? FALLBACK_MESSAGES.UNKNOWN,
          reason: asString(p.reason),
          code,
          field: asString(p.path) ?? asString(p.field),
        }))
      : [];
    return [head, ...nested];
  });
}

/** The GraphQL errors of a non-2xx answer's body (a 401, 429 or 400 from the gateway), when it has any. */
function bodyErrors(bodyText: string): GraphQLFormattedError[] {
  try {
    const body = JSON.parse(bodyText) as { errors?: unknown };
    return Array.isArray(body.errors) ? (body.errors as GraphQLFormattedError[]) : [];
  } catch {
    return [];
  }
}

/** What an error from Apollo Client says to people, in Vietnamese, problem by problem. */
export function describeError(error: unknown): ShownProblem[] {
  if (!error) return [];
  if (CombinedGraphQLErrors.is(error)) return problemsOf(error.errors);
  if (error instanceof FileRefused && error.errors.length) return problemsOf(error.errors);
  if (ServerError.is(error)) {
    const errors = bodyErrors(error.bodyText);
    if (errors.length) return problemsOf(errors);
    return [
      {
        message:
          error.statusCode === 401
            ? FALLBACK_MESSAGES.UNAUTHENTICATED
            : `Máy chủ trả lời lỗi HTTP ${error.statusCode}. ${FALLBACK_MESSAGES.UNKNOWN}`,
        reason: null,
        code: null,
        field: null,
      },
    ];
  }
  if (error instanceof TypeError)
    return [{ message: FALLBACK_MESSAGES.NETWORK, reason: null, code: null, field: null }];
  return [{ message: FALLBACK_MESSAGES.UNKNOWN, reason: null, code: null, field: null }];
}

/** The reason of the first problem, for code that acts on one (`OUTSIDE_SCOPE`, `TOKEN_EXPIRED`...). */
export const firstReason = (error: unknown) => describeError(error).find((p) => p.reason)?.reason ?? null;
