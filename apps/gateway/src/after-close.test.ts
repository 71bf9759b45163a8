import { createServer, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { describe, expect, it } from 'vitest';

import { afterClose } from './after-close.js';

/** A real server whose handler attaches `afterClose` only after `waitMs`, and a client that leaves after `leaveMs`. */
async function closeSeenBy(waitMs: number, leaveMs: number): Promise<boolean> {
  let seen: (closed: boolean) => void = () => {};
  const result = new Promise<boolean>((resolve) => (seen = resolve));
  const server = createServer((_req, res: ServerResponse) => {
    setTimeout(() => {
      const timer = setTimeout(() => seen(false), 2_000);
      afterClose(res, () => {
        clearTimeout(timer);
        seen(true);
      });
    }, waitMs);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const leaving = new AbortController();
  const asked = fetch(`http://127.0.0.1:${(server.address() as AddressInfo).port}/`, {
    signal: leaving.signal,
  }).catch(() => undefined);
  setTimeout(() => leaving.abort(), leaveMs);
  try {
    await asked;
    return await result;
  } finally {
    server.closeAllConnections();
    await new Promise((resolve) => server.close(resolve));
  }
}

describe('afterClose', () => {
  it('runs when the client leaves after the handler attached it', async () => {
    expect(await closeSeenBy(0, 200)).toBe(true);
  });

  it('runs at once when the client had left before it was attached (during an await)', async () => {
    expect(await closeSeenBy(400, 50)).toBe(true);
  });
});
