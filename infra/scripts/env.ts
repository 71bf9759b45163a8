/** The environment the infra scripts read, in one place (lint keeps `process.env` in env.ts files). */
export const infraEnv = {
  /** Where `npm start` keeps its databases, logs and keys (default `.data`). */
  ECD_DATA_DIR: process.env.ECD_DATA_DIR,
  /** The development keys folder of `npm run token` (default `$ECD_DATA_DIR/keys`, else `.data/keys`). */
  ECD_KEYS_DIR: process.env.ECD_KEYS_DIR,
  GATEWAY_PORT: Number(process.env.GATEWAY_PORT ?? 4000),
  /** The first of the four subgraphs' ports (ldtbxh, health, education, culture: this and the next three). */
  SUBGRAPH_PORT_BASE: Number(process.env.SUBGRAPH_PORT_BASE ?? 4001),
  /** `npm start` builds the web application (turbo, cached) unless `off`: the tests that build it first. */
  ECD_WEB_BUILD: process.env.ECD_WEB_BUILD !== 'off',
  /** The folder `npm run` was called from (npm runs scripts in the package's folder): where `npm run report` writes. */
  INIT_CWD: process.env.INIT_CWD,
  /** `npm start` prints when each step ends. */
  ECD_START_TIMINGS: Boolean(process.env.ECD_START_TIMINGS),
};

/** This process's environment with `extra` on top: what a child process gets. */
export const childEnv = (extra: Record<string, string> = {}): NodeJS.ProcessEnv => ({ ...process.env, ...extra });
