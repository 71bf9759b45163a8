import { setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';

/**
 * Lets V8's old generation grow by at most `percent` beyond what its last full collection kept before it
 * collects again (0: V8 chooses, from its collector's speed against the program's, between 10 % and
 * 300 %). Under a steady load it chose large factors: LĐTBXH on PostgreSQL grew to 405-473 MiB over 100
 * uncached progress reads, 247-283 MiB held to 25-50 % (infra/bench/README.md). V8 reads the flag at
 * each collection, so it takes effect when set at start-up, before any command-line flag is needed.
 */
export function limitHeapGrowth(percent: number): void {
  if (percent > 0) setFlagsFromString(`--heap-growing-percent=${percent}`);
}

/**
 * One full garbage collection now. After a subgraph's start-up work (migrations, reference data, the
 * demo's seeding) V8 sets its next collection from what that work held, so serving grew the heap up to it
 * first: health on the embedded demo held 312 MiB before its first request, of which some 50 MiB live.
 * There is no other way to ask V8 for it without starting Node with --expose-gc.
 */
export function collectGarbage(): void {
  setFlagsFromString('--expose-gc');
  const gc = runInNewContext('gc') as () => void;
  // Contexts made later (vm, a test runner's) get no `gc` of their own.
  setFlagsFromString('--no-expose-gc');
  gc();
}

/**
 * glibc's allocator settings every service is started with. glibc reads them only when a process starts,
 * so whatever launches a service sets them (`npm start`, the bench, each app's `start` script; in production
 * the service's own launcher, README "Configuration"); the embedded database process a subgraph forks
 * inherits them.
 * - `MALLOC_ARENA_MAX=2`: glibc gives threads that allocate at once arenas of their own, up to eight per
 *   core; LĐTBXH kept four of 20-26 MiB from its threads (V8's compilers and collector, libuv's pool).
 * - `MALLOC_MMAP_THRESHOLD_=131072`: blocks of 128 KiB and more (buffers of answers and statements) are
 *   mapped and given back when freed. Left alone, glibc raises this threshold to the largest block freed,
 *   and such blocks then stay in a heap that keeps what a load or the demo's seeding grew.
 * Measured together in the bench's suites (infra/bench/README.md): LĐTBXH on the embedded demo rested at
 * 224-232 MiB before the load instead of 267-281, and peaked at 251-256 instead of 293-309; no change in CPU
 * per read.
 */
export const ALLOCATOR_ENV = { MALLOC_ARENA_MAX: '2', MALLOC_MMAP_THRESHOLD_: '131072' } as const;

/** A service's environment at launch: `env` with ALLOCATOR_ENV's settings wherever `env` sets none. */
export const withAllocatorEnv = (env: NodeJS.ProcessEnv): NodeJS.ProcessEnv => ({ ...ALLOCATOR_ENV, ...env });
