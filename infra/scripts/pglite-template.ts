/**
 * The empty PostgreSQL cluster new embedded databases of the demo start from. `npm ci` makes it
 * (postinstall: `tsx infra/scripts/pglite-template.ts`), so that `npm start` on a fresh clone only
 * copies it; start-demo.ts makes it itself when it is missing.
 */
import { chmodSync, existsSync, mkdirSync, readFileSync, renameSync, rmSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import type * as PGliteModule from '@electric-sql/pglite';

const root = fileURLToPath(new URL('../../', import.meta.url));

/**
 * An empty PostgreSQL cluster made by the PGlite the subgraphs use (resolved from @ecd/database), once per
 * PGlite version: initdb costs each embedded database about 7 CPU seconds, copying its 40 MB almost nothing.
 */
export async function emptyClusterTemplate(): Promise<string> {
  const entry = createRequire(`${root}packages/database/package.json`).resolve('@electric-sql/pglite');
  // Its package.json is not exported: found up from the entry point.
  const manifest = (dir: string): { name?: string; version?: string } =>
    existsSync(`${dir}/package.json`)
      ? (JSON.parse(readFileSync(`${dir}/package.json`, 'utf8')) as { name?: string; version?: string })
      : {};
  let packageDir = dirname(entry);
  while (manifest(packageDir).name !== '@electric-sql/pglite' && dirname(packageDir) !== packageDir)
    packageDir = dirname(packageDir);
  const version = manifest(packageDir).version ?? 'unknown';
  const template = `${root}node_modules/.cache/ecd-federation/pglite-${version}-empty`;
  // PGlite writes its files world-writable: the cache folder is the owner's only, so no one else can
  // change the cluster that new databases are copied from.
  mkdirSync(dirname(template), { recursive: true, mode: 0o700 });
  chmodSync(dirname(template), 0o700);
  if (existsSync(`${template}/PG_VERSION`)) return template;
  const { PGlite } = (await import(pathToFileURL(entry).href)) as typeof PGliteModule;
  const making = `${template}.${process.pid}`;
  rmSync(making, { recursive: true, force: true });
  const pglite = await PGlite.create(making);
  await pglite.close();
  rmSync(template, { recursive: true, force: true });
  renameSync(making, template);
  return template;
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  console.log(`empty database cluster for the demo: ${await emptyClusterTemplate()}`);
}
