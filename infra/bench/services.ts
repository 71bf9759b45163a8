/**
 * The measured services as separate processes, started as production runs them (the built
 * `dist/index.js` of each app: `npm run build` first), so each one's memory and event loop are its own.
 * The one-off load of the demo plans runs the subgraph's demo entry point from source instead.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { createWriteStream, mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:net';

import { withAllocatorEnv } from '@ecd/service-kit/heap';

import { authEnv } from './auth.js';
import { logDir, root, type SubgraphName } from './config.js';
import { childEnv } from './env.js';

export interface Service {
  name: string;
  port: number;
  process: ChildProcess;
  log: string;
}

const STOP_GRACE_MS = 10_000;
const BENCH_CHILD_KEY_SECRET = 'bench-only-child-key-secret-0123456789abcdef';

/** Fails early with a clear message instead of letting a service die on EADDRINUSE. */
export async function assertPortFree(port: number): Promise<void> {
  await new Promise<void>((resolve, reject) => {
    const server = createServer();
    server.once('error', () => reject(new Error(`port ${port} on 127.0.0.1 is in use; stop what listens there first`)));
    server.listen(port, '127.0.0.1', () => server.close(() => resolve()));
  });
}

export function startService(
  name: SubgraphName | 'gateway',
  port: number,
  env: Record<string, string>,
  { demo = false, nodeArgs = [] }: { demo?: boolean; nodeArgs?: string[] } = {},
): Service {
  mkdirSync(logDir, { recursive: true });
  const log = `${logDir}/${name}.log`;
  const entry = [...nodeArgs, `${root}apps/${name}/dist/${demo ? 'demo/main' : 'index'}.js`];
  const child = spawn(process.execPath, entry, {
    cwd: `${root}apps/${name}`,
    // Only HOST, PORT and the service's own variables differ from the caller's environment, and glibc's
    // allocator settings where the caller set none, as `npm start` launches them (heap.ts).
    // Production mode refuses the public development child-key secret, so the bench brings its own.
    env: withAllocatorEnv(
      childEnv({
        NODE_ENV: 'production',
        HOST: '127.0.0.1',
        PORT: String(port),
        LOG_LEVEL: 'warn',
        CHILD_KEY_SECRET: BENCH_CHILD_KEY_SECRET,
        ...authEnv(name),
        ...env,
      }),
    ),
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  const stream = createWriteStream(log);
  child.stdout.pipe(stream);
  child.stderr.pipe(stream);
  return { name, port, process: child, log };
}

export async function waitReady(service: Service, timeoutMs = 120_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (service.process.exitCode !== null || service.process.signalCode !== null) {
      throw new Error(`${service.name} exited during start-up; see ${service.log}`);
    }
    try {
      const response = await fetch(`http://127.0.0.1:${service.port}/ready`, { signal: AbortSignal.timeout(2_000) });
      if (response.ok) return;
    } catch {
      // not listening yet
    }
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
  throw new Error(`${service.name} was not ready after ${timeoutMs / 1000} s; see ${service.log}`);
}

/** SIGTERM lets a service drain and close its pool; SIGKILL only if it does not stop in time. */
export async function stopService(service: Service): Promise<void> {
  const child = service.process;
  if (child.exitCode !== null || child.signalCode !== null) return;
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  child.kill('SIGTERM');
  const timer = setTimeout(() => child.kill('SIGKILL'), STOP_GRACE_MS);
  await exited;
  clearTimeout(timer);
}

export interface MemoryUse {
  /** Peak resident set size (VmHWM), MiB. */
  peakMiB: number;
  /** Resident set size now (VmRSS), MiB. */
  currentMiB: number;
}

/** Reads the kernel's own accounting of a live process, which includes memory outside the V8 heap. */
export function memoryOf(pid: number): MemoryUse {
  const status = readFileSync(`/proc/${pid}/status`, 'utf8');
  const kib = (field: string) => {
    const match = new RegExp(`^${field}:\\s+(\\d+) kB`, 'm').exec(status);
    if (!match) throw new Error(`/proc/${pid}/status has no ${field}`);
    return Number(match[1]);
  };
  return { peakMiB: kib('VmHWM') / 1024, currentMiB: kib('VmRSS') / 1024 };
}

/** The processes `pid` started and that still run (an embedded subgraph's database), from Linux's /proc. */
export function childrenOf(pid: number): number[] {
  const listed = readFileSync(`/proc/${pid}/task/${pid}/children`, 'utf8').trim();
  return listed ? listed.split(/\s+/).map(Number) : [];
}

/** Linux counts a process's CPU time in clock ticks of 10 ms (`getconf CLK_TCK`: 100 on these machines). */
const MS_PER_TICK = 10;

/** CPU time a live process has spent, in user and kernel mode together, ms (`/proc/<pid>/stat`). */
export function cpuMsOf(pid: number): number {
  const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
  // The command name (field 2) may hold spaces: the fields counted start after its closing parenthesis.
  const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
  // utime and stime are fields 14 and 15 of the whole line, 12 and 13 after the name.
  return (Number(fields[11]) + Number(fields[12])) * MS_PER_TICK;
}

/**
 * CPU time spent so far by each PostgreSQL server process now running (the bench databases' backends, the
 * server's helpers), ms, by process id: a backend may end between two readings (a pool closing an idle
 * connection) and another start, and each must be charged only what it spent in between.
 */
export function postgresCpuMs(): Map<number, number> {
  const spent = new Map<number, number>();
  for (const entry of readdirSync('/proc')) {
    if (!/^\d+$/.test(entry)) continue;
    try {
      if (readFileSync(`/proc/${entry}/comm`, 'utf8').trim() === 'postgres')
        spent.set(Number(entry), cpuMsOf(Number(entry)));
    } catch {
      // the process ended while the list was read
    }
  }
  return spent;
}

/**
 * Starts the process's peak (VmHWM) again from its resident size now (Linux's clear_refs, value 5): the peak
 * of the measured work, apart from that of the start-up before it (an embedded subgraph seeding its demo).
 */
export function resetPeak(pid: number): void {
  writeFileSync(`/proc/${pid}/clear_refs`, '5');
}
