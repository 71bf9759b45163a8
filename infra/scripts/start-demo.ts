/**
 * `npm start`: the whole system on one machine with no database server. Starts the four subgraphs
 * (each on its own embedded PostgreSQL under .data/, seeded with the demo province) and the gateway,
 * waits until each is ready, prints where to query it, and stops everything on Ctrl+C.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { chmodSync, createWriteStream, mkdirSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { developmentKeys } from '@ecd/service-kit/development';

const root = fileURLToPath(new URL('../../', import.meta.url));
const dataDir = process.env.ECD_DATA_DIR ?? `${root}.data`;
const logDir = `${dataDir}/logs`;
// The databases, logs and keys of the demo are the owner's only.
mkdirSync(logDir, { recursive: true, mode: 0o700 });
for (const dir of [dataDir, logDir]) chmodSync(dir, 0o700);
// The development issuer's and the gateway's keys, made once per data folder (see docs/SECURITY.md).
const keysDir = `${dataDir}/keys`;
developmentKeys(keysDir);

const services = [
  { name: 'ldtbxh', port: 4001 },
  { name: 'health', port: 4002 },
  { name: 'education', port: 4003 },
  { name: 'culture', port: 4004 },
];
const gatewayPort = Number(process.env.GATEWAY_PORT ?? 4000);
const children: ChildProcess[] = [];

function start(name: string, port: number, env: Record<string, string>): ChildProcess {
  const child = spawn(process.execPath, [`${root}apps/${name}/dist/index.js`], {
    cwd: `${root}apps/${name}`,
    env: { ...process.env, PORT: String(port), ECD_KEYS_DIR: keysDir, ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  const log = createWriteStream(`${logDir}/${name}.log`, { flags: 'a' });
  child.stdout!.pipe(log);
  child.stderr!.pipe(log);
  child.on('exit', (code, signal) => {
    if (!stopping) console.error(`${name} stopped unexpectedly (code ${code ?? signal}); see ${logDir}/${name}.log`);
  });
  children.push(child);
  return child;
}

async function waitReady(name: string, port: number, child: ChildProcess, timeoutMs = 120_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (child.exitCode !== null) throw new Error(`${name} exited during start-up; see ${logDir}/${name}.log`);
    try {
      const response = await fetch(`http://127.0.0.1:${port}/ready`);
      if (response.ok) return;
    } catch {
      // not listening yet
    }
    await new Promise((resolve) => setTimeout(resolve, 300));
  }
  throw new Error(`${name} was not ready after ${timeoutMs / 1000} s; see ${logDir}/${name}.log`);
}

let stopping = false;
async function stopAll(exitCode: number) {
  stopping = true;
  for (const child of children) child.kill('SIGTERM');
  await Promise.all(children.map((c) => (c.exitCode === null ? new Promise((resolve) => c.once('exit', resolve)) : undefined)));
  process.exit(exitCode);
}
process.once('SIGINT', () => void stopAll(0));
process.once('SIGTERM', () => void stopAll(0));

const started = Date.now();
try {
  console.log(`Starting the four subgraphs on embedded PostgreSQL (data in ${dataDir}, logs in ${logDir})...`);
  await Promise.all(
    services.map(({ name, port }) => {
      const child = start(name, port, { SEED_DEMO: 'true', DATA_DIR: `${dataDir}/${name}`, DATABASE_URL: '' });
      return waitReady(name, port, child).then(() => console.log(`  ${name.padEnd(10)} ready on http://127.0.0.1:${port}/graphql`));
    }),
  );
  const gateway = start('gateway', gatewayPort, {});
  await waitReady('gateway', gatewayPort, gateway);
} catch (error) {
  console.error((error as Error).message);
  await stopAll(1);
}

console.log(`
ECD Federation is running (started in ${((Date.now() - started) / 1000).toFixed(1)} s).
  Gateway (GraphQL):      http://127.0.0.1:${gatewayPort}/graphql
  Health / readiness:     http://127.0.0.1:${gatewayPort}/health, /ready
  Sign in:                every request needs a bearer token; \`npm run token\` lists the demo users

Try the demo province, Lạng Sơn, with fields from all four sectors, as its lead agency:
  TOKEN=$(npm run -s token -- lead.langson)
  curl -s http://127.0.0.1:${gatewayPort}/graphql -H 'content-type: application/json' -H "authorization: Bearer $TOKEN" \\
    -d '{"query":"{ administrativeUnit(code: \\"20\\") { fullName healthStationCount schoolCounts { label count } culturalFacilityCount plans { title } children(first: 3) { totalCount nodes { fullName healthStationCount } } } }"}'

Press Ctrl+C to stop.`);
