import type { TestProject } from 'vitest/node';

import { startSystem } from './system.ts';

declare module 'vitest' {
  export interface ProvidedContext {
    baseUrl: string;
    /** The services' logs (system.ts), read when a test fails. */
    logDir: string;
  }
}

/**
 * Once for the browser tests: the whole system started as `npm start` starts it (the web application built
 * first unless it is fresh: turbo's cache), stopped at the end.
 */
export default async function setup(project: TestProject) {
  // The system runs as `npm start` runs it: not in Vitest's test mode.
  const environment = Object.fromEntries(
    // eslint-disable-next-line no-restricted-properties -- the test harness passes its environment on to the system
    Object.entries(process.env).filter(([name]) => name !== 'NODE_ENV' && !name.startsWith('VITEST')),
  );
  const system = await startSystem(environment);
  project.provide('baseUrl', system.baseUrl);
  project.provide('logDir', system.logDir);
  return () => system.stop();
}
