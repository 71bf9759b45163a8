/**
 * The real system for the browser tests: `npm start`'s own script (infra/scripts/start-demo.ts) on a temporary
 * data folder and free ports, so a test run never meets a running `npm start` (4000-4004) nor its data.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { createWriteStream, mkdirSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

export const repositoryRoot = fileURLToPath(new URL('../../../', import.meta.url));
/** What `npm start`'s script printed while the tests ran (a service's death and restart): read when a test fails. */
export const systemLogPath = fileURLToPath(new URL('../test-results/system.log', import.meta.url));

const portFree = (port: number) =>
  new Promise<boolean>((resolve) => {
    const server = createServer();
    server.once('error', () => resolve(false));
    server.listen(port, '127.0.0.1', () => server.close(() => resolve(true)));
  });

/**
 * Where the kernel's ephemeral ports start (Linux: 32768-60999), which it hands to outgoing connections and
 * to servers on port 0. The tests running beside these take them by the thousand, and a subgraph listens
 * only once seeded, tens of seconds after its port was found free: a port chosen there may be taken by then.
 */
function ephemeralPortsStart(): number {
  try {
    return Number(readFileSync('/proc/sys/net/ipv4/ip_local_port_range', 'utf8').trim().split(/\s+/)[0]) || 32_768;
  } catch {
    return 32_768;
  }
}

/** Five consecutive free ports below the ephemeral range: the four subgraphs', then the gateway's. */
export async function freePortBlock(): Promise<number> {
  const lowest = 10_000;
  const span = Math.max(ephemeralPortsStart(), lowest + 5_000) - lowest - 5;
  for (let attempt = 0; attempt < 50; attempt++) {
    const base = lowest + Math.floor(Math.random() * span);
    const ports = [0, 1, 2, 3, 4].map((i) => base + i);
    if ((await Promise.all(ports.map(portFree))).every(Boolean)) return base;
  }
  throw new Error('no five consecutive free ports');
}

export interface RunningSystem {
  baseUrl: string;
  dataDir: string;
  /** Each service's log (<name>.log), at LOG_LEVEL info: every request with its time. */
  logDir: string;
  stop(): Promise<void>;
}

/** Starts the demo (four subgraphs seeding their embedded databases, the gateway serving the web) and waits for it. */
export async function startSystem(environment: NodeJS.ProcessEnv, timeoutMs = 300_000): Promise<RunningSystem> {
  const dataDir = mkdtempSync(join(tmpdir(), 'ecd-web-e2e-'));
  const base = await freePortBlock();
  const gatewayPort = base + 4;
  const child: ChildProcess = spawn(process.execPath, ['--import', 'tsx', 'infra/scripts/start-demo.ts'], {
    cwd: repositoryRoot,
    env: {
      ...environment,
      ECD_DATA_DIR: dataDir,
      GATEWAY_PORT: String(gatewayPort),
      SUBGRAPH_PORT_BASE: String(base),
      LOG_LEVEL: 'info',
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  mkdirSync(dirname(systemLogPath), { recursive: true });
  const log = createWriteStream(systemLogPath);
  child.stdout?.pipe(log, { end: false });
  child.stderr?.pipe(log, { end: false });
  child.once('exit', () => log.end());
  let output = '';
  const stop = async () => {
    if (child.exitCode === null && child.signalCode === null) {
      const exited = new Promise((resolve) => child.once('exit', resolve));
      child.kill('SIGTERM');
      await Promise.race([exited, new Promise((resolve) => setTimeout(resolve, 30_000))]);
      if (child.exitCode === null && child.signalCode === null) child.kill('SIGKILL');
    }
    rmSync(dataDir, { recursive: true, force: true });
  };
  try {
    await new Promise<void>((resolve, reject) => {
      const timer = setTimeout(() => reject(new Error(`not running after ${timeoutMs / 1000} s`)), timeoutMs);
      const listen = (chunk: Buffer) => {
        output += chunk.toString();
        if (output.includes('ECD Federation is running')) {
          clearTimeout(timer);
          resolve();
        }
      };
      child.stdout?.on('data', listen);
      child.stderr?.on('data', listen);
      child.once('exit', (code) => {
        clearTimeout(timer);
        reject(new Error(`npm start's script exited (${code})`));
      });
    });
  } catch (error) {
    await stop();
    throw new Error(`${(error as Error).message}:\n${output.slice(-12_000)}`);
  }
  return { baseUrl: `http://127.0.0.1:${gatewayPort}`, dataDir, logDir: join(dataDir, 'logs'), stop };
}
