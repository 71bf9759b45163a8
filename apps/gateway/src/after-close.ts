import type { ServerResponse } from 'node:http';

/**
 * Runs `then` once the response has closed (answered, or its client gone), or now if it already has: a
 * handler that attached to 'close' after an await (a kept answer's check, a token signed) would otherwise
 * wait for an event that passed, and work for a client who left would go on, or others wait on it for ever.
 */
export function afterClose(res: ServerResponse, then: () => void): void {
  if (res.closed) then();
  else res.once('close', then);
}
