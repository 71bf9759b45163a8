/** The environment the infra scripts read, in one place (lint keeps `process.env` in env.ts files). */
export const infraEnv = {
  /** Where `npm start` keeps its databases, logs and keys (default `.data`). */
  ECD_DATA_DIR: process.env.ECD_DATA_DIR,
  /** The development keys folder of `npm run token` (default `$ECD_DATA_DIR/keys`, else `.data/keys`). */
  ECD_KEYS_DIR: process.env.ECD_KEYS_DIR,
  GATEWAY_PORT: Number(process.env.GATEWAY_PORT ?? 4000),
  /** `npm start` prints when each step ends. */
  ECD_START_TIMINGS: Boolean(process.env.ECD_START_TIMINGS),
};

/** This process's environment with `extra` on top: what a child process gets. */
export const childEnv = (extra: Record<string, string> = {}): NodeJS.ProcessEnv => ({ ...process.env, ...extra });
