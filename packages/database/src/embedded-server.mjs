// @ts-check
/**
 * The embedded database's own process: PGlite on a subgraph's data folder, served over the PostgreSQL
 * wire protocol on a Unix socket, forked and stopped by that subgraph (`open-database.ts`). Its own
 * process, so its WebAssembly module and heap are not the subgraph's memory and its queries do not
 * block the subgraph's event loop. Plain JavaScript: it runs the same under the tests' TypeScript
 * source and under the apps' bundles, with no loader.
 *
 *   node embedded-server.mjs <dataDir> <socketPath> [PostgreSQL start parameters…]
 *
 * Messages to the subgraph: `opened` (PGlite holds the folder), `listening` (the socket serves),
 * `unlistened`, `failed`. From it: `listen`, `unlisten` (the socket's path is let go, PGlite stays
 * open), `stop`. It stops cleanly (the server, then PGlite) on `stop`, on SIGTERM or when the subgraph
 * is gone (the IPC channel closes: killed or crashed). It ignores SIGINT: Ctrl+C reaches the terminal's
 * whole group, and the subgraph must finish its requests before its database stops.
 */
import { PGlite } from '@electric-sql/pglite';
import { PGLiteSocketServer } from '@electric-sql/pglite-socket';

const [dataDir, socketPath, ...startParams] = process.argv.slice(2);
if (!dataDir || !socketPath || !process.send) {
  console.error('usage: forked with an IPC channel, node embedded-server.mjs <dataDir> <socketPath> [params…]');
  process.exit(2);
}
/** @param {{ type: 'opened' | 'listening' | 'unlistened' } | { type: 'failed', message: string }} message */
const tell = (message) => process.send?.(message);
/** @param {unknown} error */
const failed = (error) => tell({ type: 'failed', message: error instanceof Error ? error.message : String(error) });

/** @type {PGLiteSocketServer | undefined} */
let server;
/** @type {Promise<void> | undefined} */
let stopping;
const stop = () =>
  (stopping ??= (async () => {
    await server?.stop();
    await pglite?.close();
  })().then(
    () => process.exit(0),
    (error) => {
      console.error('embedded database: stop failed', error);
      process.exit(1);
    },
  ));

process.on('SIGINT', () => {});
process.once('SIGTERM', () => void stop());
process.once('disconnect', () => void stop());

/** @type {PGlite | undefined} */
let pglite;
try {
  pglite = await PGlite.create(dataDir, { startParams: [...PGlite.defaultStartParams, ...startParams] });
} catch (error) {
  failed(error);
  process.exit(1);
}
const db = pglite;
/** Serves PGlite on the socket's path. */
function listen() {
  // One session serves every connection; pg-pool reconnects after each SQL error while the old
  // connection is still being released, so the server must accept more than one.
  const listening = new PGLiteSocketServer({ db, path: socketPath, maxConnections: 100 });
  server = listening;
  listening.start().then(
    () => tell({ type: 'listening' }),
    (/** @type {unknown} */ error) => {
      failed(error);
      void stop();
    },
  );
}

/** Lets the socket's path go; PGlite stays open. @param {PGLiteSocketServer} listening */
function unlisten(listening) {
  server = undefined;
  void listening.stop().then(() => tell({ type: 'unlistened' }), failed);
}

process.on('message', (/** @type {{ type?: string }} */ message) => {
  if (stopping) return;
  if (message.type === 'stop') void stop();
  else if (message.type === 'listen' && !server) listen();
  else if (message.type === 'unlisten' && server) unlisten(server);
});
tell({ type: 'opened' });
