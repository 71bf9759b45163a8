/**
 * `npm start`: the whole system on one machine with no database server. Builds the services (`turbo run
 * build`, cached: their bundles in apps/<name>/dist, generated code first), then starts the four subgraphs'
 * demo entry points (`apps/<sector>/dist/demo/main.js`, from src/demo/main.ts: each on its own embedded
 * PostgreSQL under .data/, seeded with the demo province) and the gateway (`apps/gateway/dist/index.js`).
 * Bundles, not the TypeScript source through tsx: tsx's loader held about 77 MiB more in each process.
 * It also builds the web application the gateway serves (`turbo run build --filter=@ecd/web`, cached; `ECD_WEB_BUILD=off` skips it),
 * waits until each is ready, prints where to query it, and stops everything on Ctrl+C (or SIGTERM). A service
 * that dies once up is restarted after 1 s, then after waits doubling to 30 s while it keeps dying
 * (restart-policy.ts); meanwhile the gateway answers that sector's fields with SUBGRAPH_UNAVAILABLE.
 *
 * The embedded databases do not each run PostgreSQL's initdb: a new data folder starts as a copy of one
 * empty cluster (pglite-template.ts), made by `npm ci` with the generated code (postinstall) and kept in
 * node_modules/.cache.
 *
 * `npm run dev` (`--watch`): the same from the TypeScript source under `tsx watch` (the Prisma clients
 * generated first, the GraphQL resolver types, type-only code, once everything is up): a service restarts when a file it imports
 * changes (internal packages included), a subgraph also when its `src/schema.graphql`, the service kit's
 * shared schema parts or its migrations change, the gateway when `infra/supergraph.graphql` does. Editing
 * `prisma/schema.prisma` regenerates the app's Prisma client (so it restarts); editing `src/schema.graphql`
 * (or a shared part) regenerates the resolver types and recomposes the supergraph.
 *
 * ECD_START_TIMINGS=1 prints when each step ends (seconds since the start).
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { chmodSync, cpSync, createWriteStream, existsSync, mkdirSync, readFileSync, watch } from 'node:fs';
import { createRequire } from 'node:module';
import { setPriority } from 'node:os';
import { fileURLToPath } from 'node:url';

import { developmentKeys } from '@ecd/service-kit/development';
import { withAllocatorEnv } from '@ecd/service-kit/heap';

import { childEnv, infraEnv } from './env.js';
import { emptyClusterTemplate } from './pglite-template.js';
import { restartDelay } from './restart-policy.js';

const started = Date.now();
const watchMode = process.argv.includes('--watch');
const elapsed = () => `${((Date.now() - started) / 1000).toFixed(1)} s`;
const timing = (step: string) => {
  if (infraEnv.ECD_START_TIMINGS) console.log(`  [${elapsed()}] ${step}`);
};

const root = fileURLToPath(new URL('../../', import.meta.url));
const resolveHere = createRequire(import.meta.url).resolve;
const tsxCli = resolveHere('tsx/cli');
const turbo = `${root}node_modules/.bin/turbo`;

const dataDir = infraEnv.ECD_DATA_DIR ?? `${root}.data`;
const logDir = `${dataDir}/logs`;
// The databases, logs and keys of the demo are the owner's only.
mkdirSync(logDir, { recursive: true, mode: 0o700 });
for (const dir of [dataDir, logDir]) chmodSync(dir, 0o700);
// The development issuer's and the gateway's keys, made once per data folder (see docs/SECURITY.md).
const keysDir = `${dataDir}/keys`;
developmentKeys(keysDir);

// SUBGRAPH_PORT_BASE and GATEWAY_PORT move the whole system (the web tests run it beside a running `npm start`).
const subgraphs = ['ldtbxh', 'health', 'education', 'culture'].map((name, i) => ({
  name,
  port: infraEnv.SUBGRAPH_PORT_BASE + i,
}));
const gatewayPort = infraEnv.GATEWAY_PORT;
/** The gateway calls each subgraph where this start put it (the supergraph names the default ports). */
const subgraphUrls = Object.fromEntries(
  subgraphs.map(({ name, port }) => [`${name.toUpperCase()}_URL`, `http://127.0.0.1:${port}/graphql`]),
);
const children: ChildProcess[] = [];
let stopping = false;

/** Runs a command to its end; its output is shown only when it fails. `background`: at the lowest CPU priority. */
function run(command: string, args: string[], background = false): Promise<void> {
  return new Promise((resolve, reject) => {
    // Prisma's CLI otherwise asks the network for a newer version in a child process on every run.
    const child = spawn(command, args, {
      cwd: root,
      env: childEnv({ CHECKPOINT_DISABLE: '1' }),
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    // Its children (turbo's tasks) inherit the priority.
    if (background && child.pid) setPriority(child.pid, 19);
    let output = '';
    for (const stream of [child.stdout, child.stderr])
      stream.on('data', (chunk: Buffer) => (output += chunk.toString()));
    child.on('error', reject);
    child.on('exit', (code) =>
      code === 0 ? resolve() : reject(new Error(`${command} ${args.join(' ')} failed (${code}):\n${output}`)),
    );
  });
}

/** A turbo task (the services' build, generated code) of the packages `filters` select, in parallel; turbo caches it. */
const turboRun = (task: string, filters = ['./apps/*'], background = false) =>
  run(
    turbo,
    ['run', task, ...filters.map((f) => `--filter=${f}`), '--output-logs=errors-only', '--log-prefix=none'],
    background,
  );

interface Service {
  name: string;
  entry: string;
  port: number;
  env: Record<string, string>;
  alsoWatch: string[];
  /** Ready once: from then on, a death is restarted (a death during the first start-up stops everything). */
  up: boolean;
  /** The wait before its current run's restart (restart-policy.ts); undefined before any restart. */
  restartDelayMs?: number;
  restartTimer?: NodeJS.Timeout;
}
const services: Service[] = [];
/** Each run's log, once everything the run printed is in it. */
const logWritten = new WeakMap<ChildProcess, Promise<void>>();
/** The last lines of a service's log: why it died during start-up, shown where `npm start` was run. */
const logTail = (name: string, lines = 30) =>
  readFileSync(`${logDir}/${name}.log`, 'utf8').trimEnd().split('\n').slice(-lines).join('\n');

/** Where the build puts the bundle of a service's entry point (build-app.ts): src/demo/main.ts → dist/demo/main.js. */
const bundleOf = (entry: string) => entry.replace(/^src\//, 'dist/').replace(/\.ts$/, '.js');

/**
 * A service: `node <its bundle>`, or its TypeScript source under `tsx watch` in watch mode.
 * Its output goes to .data/logs/<name>.log; in watch mode, lines that are not JSON log events (tsx's
 * restarts, crashes) and logged errors are also shown here.
 */
function start(
  name: string,
  entry: string,
  port: number,
  env: Record<string, string>,
  alsoWatch: string[],
): ChildProcess {
  const service: Service = { name, entry, port, env, alsoWatch, up: false };
  services.push(service);
  return launch(service);
}

function launch(service: Service): ChildProcess {
  const { name, entry, port, env, alsoWatch } = service;
  const args = watchMode
    ? [tsxCli, 'watch', '--clear-screen=false', ...alsoWatch.flatMap((path) => ['--include', path]), entry]
    : [bundleOf(entry)];
  const child = spawn(process.execPath, args, {
    cwd: `${root}apps/${name}`,
    // glibc's allocator settings unless the caller set its own (heap.ts).
    env: withAllocatorEnv(childEnv({ PORT: String(port), ECD_KEYS_DIR: keysDir, ...env })),
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  const startedAt = Date.now();
  const log = createWriteStream(`${logDir}/${name}.log`, { flags: 'a' });
  // Two streams write to it: it ends once both have ended, not when the first does.
  child.once('close', () => log.end());
  logWritten.set(child, new Promise((resolve) => log.once('close', resolve)));
  for (const stream of [child.stdout, child.stderr]) {
    stream.pipe(log, { end: false });
    if (!watchMode) continue;
    let rest = '';
    stream.on('data', (chunk: Buffer) => {
      const lines = (rest + chunk.toString()).split('\n');
      rest = lines.pop() ?? '';
      for (const line of lines)
        if (line.trim() && (!line.startsWith('{') || /"level":[56]\d/.test(line)))
          console.log(`${name.padEnd(10)}| ${line}`);
    });
  }
  child.on('exit', (code, signal) => {
    if (stopping) return;
    const how = `code ${code ?? signal}`;
    // In watch mode tsx watch outlives a crash of its service and starts it again on the next edit.
    if (watchMode || !service.up) {
      console.error(`${name} stopped unexpectedly (${how}); see ${logDir}/${name}.log`);
      return;
    }
    const ranForMs = Date.now() - startedAt;
    const delay = restartDelay(service.restartDelayMs, ranForMs);
    service.restartDelayMs = delay;
    console.error(
      `${name} stopped unexpectedly (${how}) after ${(ranForMs / 1000).toFixed(1)} s; restarting it in ${delay / 1000} s (see ${logDir}/${name}.log)`,
    );
    service.restartTimer = setTimeout(() => {
      if (stopping) return;
      const restarted = launch(service);
      waitReady(name, port, restarted).then(
        () => console.log(`  ${name.padEnd(10)} ready again on http://127.0.0.1:${port}/graphql`),
        // Its exit, reported above, schedules the next attempt.
        () => undefined,
      );
    }, delay);
  });
  children.push(child);
  return child;
}

async function waitReady(name: string, port: number, child: ChildProcess, timeoutMs = 180_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (child.exitCode !== null) {
      await logWritten.get(child);
      throw new Error(`${name} exited during start-up (${logDir}/${name}.log ends with):\n${logTail(name)}`);
    }
    try {
      const response = await fetch(`http://127.0.0.1:${port}/ready`);
      if (response.ok) return;
    } catch {
      // not listening yet
    }
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
  throw new Error(`${name} was not ready after ${timeoutMs / 1000} s; see ${logDir}/${name}.log`);
}

async function stopAll(exitCode: number, signal?: NodeJS.Signals) {
  stopping = true;
  for (const service of services) clearTimeout(service.restartTimer);
  const running = () => children.filter((c) => c.exitCode === null && c.signalCode === null);
  const exited = Promise.all(running().map((c) => new Promise((resolve) => c.once('exit', resolve))));
  // Ctrl+C reaches every process of the terminal's group: the services (and tsx watch, which passes it on)
  // are already stopping; a second signal would make tsx watch kill its service before its database closed.
  if (signal === 'SIGINT') await Promise.race([exited, new Promise((resolve) => setTimeout(resolve, 3_000))]);
  for (const child of running()) child.kill('SIGTERM');
  await exited;
  process.exit(exitCode);
}
process.once('SIGINT', () => void stopAll(0, 'SIGINT'));
process.once('SIGTERM', () => void stopAll(0, 'SIGTERM'));

/** The service kit's SDL parts the subgraphs' schemas name (`# shared: …`), as seen from an app's folder. */
const SHARED_SCHEMA_PARTS = '../../packages/service-kit/src/schema/*.graphql';

/**
 * Watch mode: an edited Prisma schema regenerates the app's client; an edited GraphQL schema its types and
 * the supergraph, and an edited shared part every subgraph's.
 */
function regenerateOnSchemaChanges() {
  const apps = (names: readonly string[]) => names.map((name) => `./apps/${name}`);
  regenerateOnChange(
    `${root}packages/service-kit/src/schema`,
    'shared schema parts',
    'generate:graphql',
    apps(subgraphs.map((s) => s.name)),
  );
  for (const { name } of subgraphs) {
    for (const [file, task] of [
      ['prisma/schema.prisma', 'generate:prisma'],
      ['src/schema.graphql', 'generate:graphql'],
    ] as const) {
      const path = `${root}apps/${name}/${file}`;
      if (existsSync(path)) regenerateOnChange(path, `${name.padEnd(10)}| ${file}`, task, apps([name]));
    }
  }
}

/** Runs `task` for `filters` when `path` changes (once for a burst of saves); new GraphQL types recompose the supergraph. */
function regenerateOnChange(
  path: string,
  label: string,
  task: 'generate:prisma' | 'generate:graphql',
  filters: string[],
) {
  const compose = task === 'generate:graphql';
  let timer: NodeJS.Timeout | undefined;
  watch(path, () => {
    clearTimeout(timer);
    timer = setTimeout(() => {
      console.log(`${label} changed: ${task}${compose ? ' and compose' : ''}`);
      turboRun(task, filters)
        .then(() => (compose ? run(process.execPath, [tsxCli, 'infra/scripts/compose.ts']) : undefined))
        .catch((error: unknown) => console.error(`${label}: ${(error as Error).message}`));
    }, 300);
  });
}

/** A service answered for the first time: from now on `npm start` restarts it if it dies. */
function up(name: string, step: string) {
  const service = services.find((s) => s.name === name);
  if (service) service.up = true;
  timing(step);
}

try {
  // The services' bundles (cached by turbo; a few seconds to make after a change), or in watch mode only the
  // Prisma clients the source needs.
  if (watchMode) {
    console.log('Generating the Prisma clients (turbo: cached since npm ci)...');
    await turboRun('generate:prisma');
    timing('Prisma clients generated');
  } else {
    console.log('Building the services (turbo: cached until their code changes)...');
    await turboRun('build', ['./apps/*', '!@ecd/web']);
    timing('services built');
  }
  // The gateway serves the committed supergraph and needs no subgraph to start: it starts first.
  const gateway = start('gateway', 'src/index.ts', gatewayPort, subgraphUrls, ['../../infra/supergraph.graphql']);
  const ready = [waitReady('gateway', gatewayPort, gateway).then(() => up('gateway', 'gateway ready'))];
  // Its failure is reported once everything is awaited, below.
  ready[0]?.catch(() => undefined);
  const newFolders = subgraphs.map(({ name }) => `${dataDir}/${name}`).filter((folder) => !existsSync(folder));
  const template = newFolders.length
    ? await emptyClusterTemplate()
        .catch((error: unknown) => {
          // Each subgraph then makes its own cluster, only more slowly.
          console.warn(`No empty cluster to copy (${(error as Error).message}): each database runs initdb itself.`);
          return null;
        })
        .finally(() => timing('empty database cluster ready'))
    : null;
  // The web application the gateway serves: built once (turbo caches it; rebuilt when its source changes),
  // beside the subgraphs' start, at the lowest priority so that it takes no CPU from them.
  if (infraEnv.ECD_WEB_BUILD)
    ready.push(
      turboRun('build', ['@ecd/web'], true).then(
        () => timing('web application built'),
        // GraphQL still works without it; the gateway's pages say how to build it.
        (error: unknown) => console.error(`The web application could not be built: ${(error as Error).message}`),
      ),
    );
  // A new data folder starts as a copy of the empty cluster; an existing one is left as it is.
  for (const folder of newFolders) {
    if (template) cpSync(template, folder, { recursive: true });
  }
  console.log(`Starting the four subgraphs on embedded PostgreSQL (data in ${dataDir}, logs in ${logDir})...`);
  for (const { name, port } of subgraphs) {
    const child = start(name, 'src/demo/main.ts', port, { DATA_DIR: `${dataDir}/${name}`, DATABASE_URL: '' }, [
      'src/schema.graphql',
      SHARED_SCHEMA_PARTS,
      'prisma/migrations',
    ]);
    ready.push(
      waitReady(name, port, child).then(() => {
        console.log(`  ${name.padEnd(10)} ready on http://127.0.0.1:${port}/graphql`);
        up(name, `${name} ready`);
      }),
    );
  }
  await Promise.all(ready);
  if (watchMode) regenerateOnSchemaChanges();
} catch (error) {
  console.error((error as Error).message);
  await stopAll(1);
}

console.log(`
ECD Federation is running${watchMode ? ' in watch mode' : ''} (started in ${elapsed()}).
  Web application:        http://127.0.0.1:${gatewayPort}/   (sign in as a demo user; no internet needed)
  GraphQL explorer:       http://127.0.0.1:${gatewayPort}/kham-pha
  Gateway (GraphQL):      http://127.0.0.1:${gatewayPort}/graphql
  Health / readiness:     http://127.0.0.1:${gatewayPort}/health, /ready
  Sign in:                every request needs a bearer token; \`npm run token\` lists the demo users

Try the demo province, Lạng Sơn, with fields from all four sectors, as its lead agency:
  TOKEN=$(npm run -s token -- lead.langson)
  curl -s http://127.0.0.1:${gatewayPort}/graphql -H 'content-type: application/json' -H "authorization: Bearer $TOKEN" \\
    -d '{"query":"{ administrativeUnit(code: \\"20\\") { fullName healthStationCount schoolCounts { label count } culturalFacilityCount plans { title } children(first: 3) { totalCount nodes { fullName healthStationCount } } } }"}'
${watchMode ? `\nEach service restarts when its code changes; logs: ${logDir}/<name>.log.\n` : ''}
Press Ctrl+C to stop.`);

// Watch mode: the resolver types serve the editor and the type-checker, not the running services: made now,
// off the start's path, at the lowest priority so that they take no CPU from the first queries. (The build
// made them before.)
if (watchMode)
  turboRun('generate:graphql', ['./apps/*'], true)
    .then(() => timing('GraphQL types generated'))
    .catch((error: unknown) => {
      if (!stopping) console.error(`GraphQL types: ${(error as Error).message}`);
    });
