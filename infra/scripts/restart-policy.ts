/**
 * When `npm start` restarts a service that died: at once would spin on a service that dies at start-up
 * (a broken data folder, a port taken), never would leave a sector's fields failing until someone notices.
 */
export interface RestartPolicy {
  /** The wait before the first restart, and again once a restarted service has run `stableAfterMs`. */
  firstDelayMs: number;
  /** Each death soon after a restart doubles the wait, up to this. */
  maxDelayMs: number;
  /** A service that ran this long before dying is taken to have recovered: the wait starts again from the first. */
  stableAfterMs: number;
}

export const RESTART_POLICY: RestartPolicy = { firstDelayMs: 1_000, maxDelayMs: 30_000, stableAfterMs: 60_000 };

/**
 * How long to wait before restarting a service that exited after running `ranForMs`; `previousDelayMs` is
 * the wait before the run that just ended (undefined: it was the service's first run).
 */
export function restartDelay(
  previousDelayMs: number | undefined,
  ranForMs: number,
  policy: RestartPolicy = RESTART_POLICY,
): number {
  if (previousDelayMs === undefined || ranForMs >= policy.stableAfterMs) return policy.firstDelayMs;
  return Math.min(Math.max(previousDelayMs, policy.firstDelayMs) * 2, policy.maxDelayMs);
}
