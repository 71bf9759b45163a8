import { describe, expect, it } from 'vitest';

import { createRequestContext, loggableRequestId, safeRequestId } from './context.js';
import { createLogger } from './logger.js';

describe('request context', () => {
  it('keeps a request id that is safe to log and replaces one that could inject into logs', () => {
    expect(safeRequestId('req-42')).toBe('req-42');
    expect(safeRequestId('bad id\nwith newline')).toMatch(/^[0-9a-f-]{36}$/);
    expect(safeRequestId(undefined)).toMatch(/^[0-9a-f-]{36}$/);
    expect(loggableRequestId('req-42')).toBe('req-42');
    expect(loggableRequestId('bad id\nwith newline')).toBeUndefined();
    expect(loggableRequestId('x'.repeat(129))).toBeUndefined();
    expect(loggableRequestId(undefined)).toBeUndefined();
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
    expect(context.logger.bindings()).not.toHaveProperty('clientRequestId');
    // A client's own id is logged beside the request's, never in its place.
    const tagged = createRequestContext('req-2', identity, createLogger('test', 'silent'), 'client-7');
    expect(tagged.requestId).toBe('req-2');
    expect(tagged.logger.bindings()).toMatchObject({ requestId: 'req-2', clientRequestId: 'client-7' });
  });
});
