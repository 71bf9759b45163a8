const ignore = () => {};

/**
 * Shares reads of a value that must be fresh: each caller gets the result of a read that started after it
 * called, never an older one. When none is running it starts one; while one runs, every caller meanwhile
 * waits for the next, which starts as soon as the running one ends and serves them all. So concurrent
 * callers make at most two reads in flight, and a write finished before a caller asked is always seen.
 */
export function freshReads<T>(read: () => Promise<T>): () => Promise<T> {
  let running: Promise<T> | undefined;
  let queued: Promise<T> | undefined;
  const start = () => {
    const current = read();
    running = current;
    const clear = () => {
      if (running === current) running = undefined;
    };
    current.then(clear, clear);
    return current;
  };
  return () => {
    if (!running) return start();
    queued ??= running.then(ignore, ignore).then(() => {
      queued = undefined;
      return start();
    });
    return queued;
  };
}
