import { GraphQLError, Kind, type ValueNode } from 'graphql';
import { describe, expect, it } from 'vitest';

import { badInput, createErrorFormatter } from './errors.js';
import { createLogger } from './logger.js';

const format = createErrorFormatter(createLogger('test', 'silent'));

describe('createErrorFormatter', () => {
  it('passes typed errors through with their field and reason, without a stack trace', () => {
    const error = badInput('Mã không hợp lệ.', { field: 'code', reason: 'MALFORMED_UNIT_CODE' });
    const formatted = format(
      { message: error.message, extensions: { ...error.extensions, stacktrace: ['at x'] } },
      error,
    );
    expect(formatted).toEqual({
      message: 'Mã không hợp lệ.',
      extensions: { code: 'BAD_USER_INPUT', field: 'code', reason: 'MALFORMED_UNIT_CODE' },
    });
  });

  it('gives Apollo’s refusal of introspection our reason and a Vietnamese message', () => {
    // What Apollo answers with `introspection: false` (its NoIntrospection rule, wrapped as a validation error).
    const refused = new GraphQLError('GraphQL introspection is not allowed by Apollo Server, …', {
      extensions: { code: 'GRAPHQL_VALIDATION_FAILED', validationErrorCode: 'INTROSPECTION_DISABLED' },
    });
    expect(format({ message: refused.message, extensions: refused.extensions }, refused)).toEqual({
      message: 'Hệ thống không trả lời truy vấn cấu trúc lược đồ (introspection) ở môi trường này.',
      extensions: { code: 'GRAPHQL_VALIDATION_FAILED', reason: 'INTROSPECTION_DISABLED' },
    });
  });

  it('keeps the code and message of a typed input error raised while validating a literal (the Date scalar)', () => {
    const typed = badInput('Ngày "0000-01-01" không hợp lệ.', { reason: 'INVALID_DATE' });
    // What Apollo makes of it: graphql-js wraps it, Apollo sets GRAPHQL_VALIDATION_FAILED over its code.
    const wrapped = new GraphQLError(
      'Expected value of type "Date!", found "0000-01-01"; Ngày "0000-01-01" không hợp lệ.',
      {
        originalError: typed,
        extensions: { ...typed.extensions, code: 'GRAPHQL_VALIDATION_FAILED' },
      },
    );
    expect(format({ message: wrapped.message, extensions: wrapped.extensions }, wrapped)).toEqual({
      message: 'Ngày "0000-01-01" không hợp lệ.',
      extensions: { code: 'BAD_USER_INPUT', reason: 'INVALID_DATE' },
    });
  });

  it('reports graphql-js refusing a number literal beyond floating point (an Int of 1e309) as NUMBER_OUT_OF_RANGE', () => {
    const literal: ValueNode = { kind: Kind.FLOAT, value: '1e309' };
    const refused = new GraphQLError('Int cannot represent non-integer value: 1e309', {
      nodes: [literal],
      extensions: { code: 'GRAPHQL_VALIDATION_FAILED' },
    });
    expect(format({ message: refused.message, extensions: refused.extensions }, refused)).toEqual({
      message: 'Giá trị 1e309 là một số quá lớn, không biểu diễn được.',
      extensions: { code: 'BAD_USER_INPUT', reason: 'NUMBER_OUT_OF_RANGE' },
    });
  });

  it('puts a Vietnamese lead and a reason on graphql-js validation messages', () => {
    const formatted = format(
      { message: 'Cannot query field "x".', extensions: { code: 'GRAPHQL_VALIDATION_FAILED' } },
      new GraphQLError('x'),
    );
    expect(formatted).toEqual({
      message: 'Truy vấn GraphQL không hợp lệ: Cannot query field "x".',
      extensions: { code: 'GRAPHQL_VALIDATION_FAILED', reason: 'QUERY_INVALID' },
    });
  });

  it('names the variable, and the field inside it, that graphql-js refused', () => {
    const variableError = (message: string) =>
      format({ message, extensions: { code: 'BAD_USER_INPUT' } }, new GraphQLError(message)).extensions;
    expect(
      variableError(
        'Variable "$input" got invalid value "x" at "input.year"; Int cannot represent non-integer value: "x"',
      ),
    ).toEqual({ code: 'BAD_USER_INPUT', field: 'input.year', reason: 'INVALID_VARIABLE' });
    expect(variableError('Variable "$key" of required type "String!" was not provided.')).toEqual({
      code: 'BAD_USER_INPUT',
      field: 'key',
      reason: 'INVALID_VARIABLE',
    });
  });

  it('gives a refused HTTP request (a batch, a GET mutation) a Vietnamese lead and a reason', () => {
    const formatted = format(
      { message: 'Operation batching disabled.', extensions: { code: 'BAD_REQUEST' } },
      new GraphQLError('Operation batching disabled.'),
    );
    expect(formatted).toEqual({
      message: 'Yêu cầu HTTP không hợp lệ: Operation batching disabled.',
      extensions: { code: 'BAD_REQUEST', reason: 'BAD_REQUEST' },
    });
  });

  it('hides unexpected errors behind a generic message', () => {
    const formatted = format(
      {
        message: 'connect ECONNREFUSED 10.0.0.1:5432',
        path: ['a'],
        extensions: { code: 'INTERNAL_SERVER_ERROR', stacktrace: ['at db'] },
      },
      new Error('connect ECONNREFUSED 10.0.0.1:5432'),
    );
    expect(formatted.message).not.toContain('ECONNREFUSED');
    expect(formatted).toMatchObject({
      path: ['a'],
      extensions: { code: 'INTERNAL_SERVER_ERROR', reason: 'UNEXPECTED_ERROR' },
    });
    expect(JSON.stringify(formatted)).not.toContain('stacktrace');
  });
});
