import { GraphQLError } from 'graphql';
import { describe, expect, it } from 'vitest';
import { badInput, createErrorFormatter } from './errors.js';
import { createLogger } from './logger.js';

const format = createErrorFormatter(createLogger('test', 'silent'));

describe('createErrorFormatter', () => {
  it('passes typed errors through with their field and reason, without a stack trace', () => {
    const error = badInput('Mã không hợp lệ.', { field: 'code', reason: 'MALFORMED_UNIT_CODE' });
    const formatted = format({ message: error.message, extensions: { ...error.extensions, stacktrace: ['at x'] } }, error);
    expect(formatted).toEqual({
      message: 'Mã không hợp lệ.',
      extensions: { code: 'BAD_USER_INPUT', field: 'code', reason: 'MALFORMED_UNIT_CODE' },
    });
  });

  it('puts a Vietnamese lead on graphql-js validation messages', () => {
    const formatted = format({ message: 'Cannot query field "x".', extensions: { code: 'GRAPHQL_VALIDATION_FAILED' } }, new GraphQLError('x'));
    expect(formatted.message).toBe('Truy vấn GraphQL không hợp lệ: Cannot query field "x".');
  });

  it('hides unexpected errors behind a generic message', () => {
    const formatted = format(
      { message: 'connect ECONNREFUSED 10.0.0.1:5432', path: ['a'], extensions: { code: 'INTERNAL_SERVER_ERROR', stacktrace: ['at db'] } },
      new Error('connect ECONNREFUSED 10.0.0.1:5432'),
    );
    expect(formatted.message).not.toContain('ECONNREFUSED');
    expect(formatted).toMatchObject({ path: ['a'], extensions: { code: 'INTERNAL_SERVER_ERROR', reason: 'UNEXPECTED_ERROR' } });
    expect(JSON.stringify(formatted)).not.toContain('stacktrace');
  });
});
