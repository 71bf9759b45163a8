import { describe, expect, it } from 'vitest';
import { DEVELOPMENT_IDENTITY, contextToHeaders, createRequestContext } from './context.js';
import { createLogger } from './logger.js';

const logger = createLogger('test', 'silent');

describe('request context', () => {
  it('acts as the development user when no identity is given, with a fresh request id', () => {
    const context = createRequestContext({}, logger);
    expect(context.identity).toEqual(DEVELOPMENT_IDENTITY);
    expect(context.requestId).toMatch(/^[0-9a-f-]{36}$/);
  });

  it('survives the trip gateway → headers → subgraph unchanged', () => {
    const original = createRequestContext(
      { 'x-request-id': 'req-42', 'x-ecd-user-id': 'nguyen.van.a', 'x-ecd-user-roles': 'lead-agency, viewer', 'x-ecd-agency': 'SLDTBXH-20' },
      logger,
    );
    const rebuilt = createRequestContext(new Headers(contextToHeaders(original)), logger);
    expect(rebuilt.requestId).toBe('req-42');
    expect(rebuilt.identity).toEqual({ userId: 'nguyen.van.a', roles: ['lead-agency', 'viewer'], agency: 'SLDTBXH-20' });
  });

  it('replaces a request id that could inject into logs', () => {
    expect(createRequestContext({ 'x-request-id': 'bad id\nwith newline' }, logger).requestId).not.toContain('\n');
  });
});
