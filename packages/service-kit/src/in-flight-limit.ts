import { ErrorCode } from './errors.js';

/**
 * A caller with as many requests in flight and waiting as allowed: answered with HTTP 429,
 * `Retry-After` and a JSON GraphQL error, as the rate limit is (see http.ts).
 */
export class TooManyInFlightError extends Error {
  override name = 'TooManyInFlightError';
  readonly code = ErrorCode.RateLimited;
  readonly reason = 'TOO_MANY_IN_FLIGHT';
  /** A turn frees as soon as one of the caller's requests is answered: a second is enough to try again. */
  readonly retryAfterSeconds = 1;
  constructor(
    /** Requests of one caller in flight at most. */
    readonly limit: number,
    /** Requests of one caller waiting their turn at most. */
    readonly queueLimit: number,
  ) {
    super(
      `Bạn đang có quá nhiều yêu cầu đang xử lý: mỗi người dùng được xử lý đồng thời tối đa ${limit} yêu cầu và ${queueLimit} yêu cầu chờ. Vui lòng chờ các yêu cầu trước hoàn tất rồi thử lại.`,
    );
  }
}

export interface InFlightLimitOptions {
  /** Requests of one caller in flight at most; 0 turns the limit off. */
  perCaller: number;
  /** Requests of one caller waiting for a turn at most; beyond it a request is refused (TooManyInFlightError). */
  queue: number;
  /**
   * How long a request may wait for its turn; past it, it leaves the queue refused (TooManyInFlightError), sent
   * nowhere, rather than run with what is left of its deadline.
   */
  maxWaitMs?: number | undefined;
}

export interface InFlightLimit {
  /**
   * Waits for one of the caller's turns, in the caller's own queue, in order; resolves to the function
   * that gives it back. Rejects with TooManyInFlightError when the caller's queue is full, or with the
   * signal's reason if it aborts while waiting (its place goes to the next).
   */
  enter(key: string, signal?: AbortSignal): Promise<() => void>;
  /** The caller's requests in flight and waiting (zero for a caller with none). */
  load(key: string): { running: number; waiting: number };
}

interface Waiter {
  admit: () => void;
}

interface CallerState {
  running: number;
  waiting: Waiter[];
}

/**
 * At most `perCaller` requests of one caller (the verified user id) in flight; the next `queue` wait in
 * that caller's own queue, and more are refused. The per-subgraph queues (the gateway's bulkhead) are
 * first come, first served for everyone: without this, one person's sixty heavy requests at once filled
 * them and another person's trivial query waited behind all sixty. A caller with nothing in flight is
 * forgotten, so memory follows the callers active at the moment. In this process's memory: each replica
 * caps what it serves. `undefined` when turned off.
 *
 * Not p-limit (only a dependency of our dev tools here): it is one queue per instance, unbounded, and cannot
 * take out a waiting request whose client left; a map of them would still need all three written around it.
 */
export function createInFlightLimit(options: InFlightLimitOptions): InFlightLimit | undefined {
  if (options.perCaller === 0) return undefined;
  const callers = new Map<string, CallerState>();
  const release = (key: string, state: CallerState) => {
    const next = state.waiting.shift();
    if (next) return next.admit();
    state.running--;
    if (state.running === 0) callers.delete(key);
  };
  const turn = (key: string, state: CallerState) => {
    let released = false;
    return () => {
      if (released) return;
      released = true;
      release(key, state);
    };
  };
  return {
    load(key) {
      const state = callers.get(key);
      return { running: state?.running ?? 0, waiting: state?.waiting.length ?? 0 };
    },
    enter(key, signal) {
      if (signal?.aborted) return Promise.reject(signal.reason as Error);
      let state = callers.get(key);
      if (!state) callers.set(key, (state = { running: 0, waiting: [] }));
      const caller = state;
      if (caller.running < options.perCaller) {
        caller.running++;
        return Promise.resolve(turn(key, caller));
      }
      if (caller.waiting.length >= options.queue)
        return Promise.reject(new TooManyInFlightError(options.perCaller, options.queue));
      return new Promise((resolve, reject) => {
        const leave = (error: Error) => {
          clearTimeout(timer);
          const at = caller.waiting.indexOf(waiter);
          if (at >= 0) caller.waiting.splice(at, 1);
          reject(error);
        };
        const onAbort = () => leave(signal?.reason as Error);
        const timer =
          options.maxWaitMs === undefined
            ? undefined
            : setTimeout(() => {
                signal?.removeEventListener('abort', onAbort);
                leave(new TooManyInFlightError(options.perCaller, options.queue));
              }, options.maxWaitMs);
        // A turn handed over by a request that finished: `running` stays as it was.
        const waiter: Waiter = {
          admit: () => {
            clearTimeout(timer);
            signal?.removeEventListener('abort', onAbort);
            resolve(turn(key, caller));
          },
        };
        signal?.addEventListener('abort', onAbort, { once: true });
        caller.waiting.push(waiter);
      });
    },
  };
}
