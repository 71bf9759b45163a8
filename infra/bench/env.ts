/** The environment the benchmark reads, in one place (lint keeps `process.env` in env.ts files). */

/** The variable, or `fallback` when unset; refused at once unless it is a URL (the bench puts its own database name in it). */
function urlVariable(name: string, fallback: string): string {
  const value = process.env[name] ?? fallback;
  // The value is not echoed: it may hold a password.
  if (!URL.canParse(value)) throw new Error(`${name} must be a URL such as ${fallback}`);
  return value;
}

export const benchEnv = {
  /** The PostgreSQL server (its admin database) on which the bench databases are made. */
  BENCH_DATABASE_URL: urlVariable('BENCH_DATABASE_URL', 'postgresql://postgres@127.0.0.1:5432/postgres'),
};

/** This process's environment with `extra` on top: what a measured service starts with. */
export const childEnv = (extra: Record<string, string>): NodeJS.ProcessEnv => ({ ...process.env, ...extra });
