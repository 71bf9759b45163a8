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
