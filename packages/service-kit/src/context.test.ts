import { describe, expect, it } from 'vitest';

import { createRequestContext, safeRequestId } from './context.js';
import { createLogger } from './logger.js';

describe('request context', () => {
  it('keeps a request id that is safe to log and replaces one that could inject into logs', () => {
    expect(safeRequestId('req-42')).toBe('req-42');
    expect(safeRequestId('bad id\nwith newline')).toMatch(/^[0-9a-f-]{36}$/);
    expect(safeRequestId(undefined)).toMatch(/^[0-9a-f-]{36}$/);
  });

  it('tags the logger with the request and the verified user', () => {
    const identity = {
      userId: 'nguyen.van.a',
      name: null,
      roles: ['viewer' as const],
      sector: null,
      unitCode: '20',
      agency: null,
    };
    const context = createRequestContext('req-1', identity, createLogger('test', 'silent'));
    expect(context.identity).toBe(identity);
    expect(context.logger.bindings()).toMatchObject({ requestId: 'req-1', userId: 'nguyen.van.a' });
  });
});
