import { createServer, request, type IncomingMessage } from 'node:http';
import type { AddressInfo } from 'node:net';

/** A service's URL that forwards every request to the real one: to count what reaches it, or slow part of it. */
export interface ForwardingProxy {
  /** The proxy's URL for `target`'s path (`/graphql`): what the gateway under test is given instead. */
  url: string;
  /** Requests forwarded so far. */
  calls: number;
  close(): Promise<void>;
}

/**
 * Forwards each request (method, path, headers, body) to the host of `target` and streams its answer
 * back, after `delayMs(request)` (none by default).
 */
export async function forwardingProxy(
  target: string,
  { delayMs = () => 0 }: { delayMs?: (req: IncomingMessage) => number } = {},
): Promise<ForwardingProxy> {
  const upstream = new URL(target);
  const server = createServer((incoming, outgoing) => {
    proxy.calls++;
    setTimeout(() => {
      const forwarded = request(
        {
          host: upstream.hostname,
          port: upstream.port,
          path: incoming.url,
          method: incoming.method,
          headers: incoming.headers,
        },
        (answer) => {
          outgoing.writeHead(answer.statusCode ?? 502, answer.headers);
          answer.pipe(outgoing);
        },
      );
      forwarded.on('error', () => outgoing.destroy());
      incoming.pipe(forwarded);
    }, delayMs(incoming));
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const proxy: ForwardingProxy = {
    url: `http://127.0.0.1:${(server.address() as AddressInfo).port}${upstream.pathname}`,
    calls: 0,
    close: () =>
      new Promise((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
  return proxy;
}
