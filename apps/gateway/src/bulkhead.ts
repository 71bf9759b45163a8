/**
 * At most `limit` calls in flight to one subgraph; the others wait their turn in order. Two hundred
 * people at once otherwise sent two hundred calls together: each subgraph worked on all of them at
 * once, every call took as long as the slowest and passed SUBGRAPH_TIMEOUT_MS, and the subgraph's
 * memory grew with the calls held. A call's own timeout starts once it is sent, so waiting counts only
 * against its request's deadline (REQUEST_TIMEOUT_MS, or the client going away: `signal`).
 *
 * A request that already had an answer from a subgraph goes before requests that had none: the later
 * fetches of its query plan finish work already begun, instead of queueing behind new work.
 */
export interface Bulkhead {
  /** Waits for a turn (rejects with the signal's reason if it aborts first); the returned function gives it back. */
  enter(signal: AbortSignal | undefined, continuing: boolean): Promise<() => void>;
  /** Calls in flight and waiting, for the logs. */
  readonly load: { running: number; waiting: number };
}

interface Waiter {
  admit: () => void;
  signal: AbortSignal | undefined;
}

export function createBulkhead(limit: number): Bulkhead {
  let running = 0;
  const continuing: Waiter[] = [];
  const fresh: Waiter[] = [];
  const release = () => {
    running--;
    for (;;) {
      const next = continuing.shift() ?? fresh.shift();
      if (!next) return;
      // A waiter whose request was aborted has already rejected: its turn goes to the next.
      if (next.signal?.aborted) continue;
      running++;
      next.admit();
      return;
    }
  };
  const turn = () => {
    let released = false;
    return () => {
      if (released) return;
      released = true;
      release();
    };
  };
  return {
    get load() {
      return { running, waiting: continuing.length + fresh.length };
    },
    enter(signal, isContinuing) {
      if (signal?.aborted) return Promise.reject(signal.reason as Error);
      if (running < limit) {
        running++;
        return Promise.resolve(turn());
      }
      return new Promise((resolve, reject) => {
        const queue = isContinuing ? continuing : fresh;
        const onAbort = () => {
          const at = queue.indexOf(waiter);
          if (at >= 0) queue.splice(at, 1);
          reject(signal?.reason as Error);
        };
        const waiter: Waiter = {
          signal,
          admit: () => {
            signal?.removeEventListener('abort', onAbort);
            resolve(turn());
          },
        };
        signal?.addEventListener('abort', onAbort, { once: true });
        queue.push(waiter);
      });
    },
  };
}
