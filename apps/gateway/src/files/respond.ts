/**
 * How a download answers: the file with a Vietnamese-safe name, or a refusal shaped as a GraphQL error
 * (`errors[].extensions.code/reason/field`, Vietnamese message) with the HTTP status its code calls for.
 */
import type { Response } from 'express';
import type { GraphQLFormattedError } from 'graphql';

import { ErrorCode, REASONS, type Reason } from '@ecd/service-kit';

import { withoutDiacritics } from './format.js';

export const CONTENT_TYPES = {
  docx: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
  xlsx: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
  json: 'application/json; charset=utf-8',
} as const;

/** A problem of the request's own parameters (before any GraphQL), with its reason from the catalogue. */
export interface ParameterProblem {
  field: string;
  reason: Reason;
  message: string;
}

/** The HTTP status of a GraphQL error code. */
export function statusOf(code: unknown): number {
  switch (code) {
    case 'UNAUTHENTICATED':
      return 401;
    case ErrorCode.Forbidden:
      return 403;
    case ErrorCode.NotFound:
      return 404;
    case ErrorCode.Conflict:
      return 409;
    case ErrorCode.RateLimited:
      return 429;
    case ErrorCode.BadUserInput:
    case 'GRAPHQL_VALIDATION_FAILED':
      return 400;
    case ErrorCode.SubgraphUnavailable:
      return 503;
    default:
      return 500;
  }
}

/** Refuses a download with the errors GraphQL gave (the status of the first); nothing of the file is sent. */
export function refuseWithErrors(res: Response, errors: readonly GraphQLFormattedError[]): undefined {
  res.status(statusOf(errors[0]?.extensions?.code)).set('cache-control', 'no-store').json({ errors });
  return undefined;
}

/** Refuses a download with one problem of its own: 400 for a bad parameter, 404 for what does not exist. */
export function refuse(res: Response, status: 400 | 404, problem: ParameterProblem): undefined {
  res
    .status(status)
    .set('cache-control', 'no-store')
    .json({
      errors: [
        {
          message: problem.message,
          extensions: {
            code: status === 404 ? ErrorCode.NotFound : ErrorCode.BadUserInput,
            reason: problem.reason,
            field: problem.field,
          },
        },
      ],
    });
  return undefined;
}

/** A problem with the catalogue's message for its reason. */
export const catalogued = (field: string, reason: Reason, message?: string): ParameterProblem => ({
  field,
  reason,
  message: message ?? REASONS[reason].message,
});

/**
 * `Content-Disposition: attachment` with the name in ASCII (diacritics dropped, for old clients) and in
 * UTF-8 (RFC 5987 / RFC 6266 `filename*`), which browsers prefer (curl's `-OJ` takes the ASCII one).
 */
export function contentDisposition(filename: string): string {
  const ascii = withoutDiacritics(filename)
    .replace(/[^\x20-\x7e]/g, '_')
    .replace(/["\\]/g, '_');
  const encoded = encodeURIComponent(filename).replace(
    /['()*]/g,
    (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`,
  );
  return `attachment; filename="${ascii}"; filename*=UTF-8''${encoded}`;
}

/** Sends a generated file: private (never cached by a proxy), with its type and name. */
export function sendFile(res: Response, bytes: Buffer, type: keyof typeof CONTENT_TYPES, filename: string): void {
  res
    .status(200)
    .set({
      'content-type': CONTENT_TYPES[type],
      'content-disposition': contentDisposition(filename),
      'cache-control': 'private, no-store',
      'x-content-type-options': 'nosniff',
    })
    .send(bytes);
}
