/**
 * The environment of the `ecd-db` command line (lint keeps `process.env` in env.ts files). Kept apart
 * from ../env.ts, whose subgraph schema loads the whole service kit: the command starts without it.
 */

/**
 * What `prisma generate` runs with: this process's environment, and a schema engine binary that
 * exists (this Node) unless the caller provides a real engine.
 */
export function prismaGenerateEnv(): NodeJS.ProcessEnv {
  return { ...process.env, PRISMA_SCHEMA_ENGINE_BINARY: process.env.PRISMA_SCHEMA_ENGINE_BINARY ?? process.execPath };
}
