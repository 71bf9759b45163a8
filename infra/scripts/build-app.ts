/**
 * `npm run build` of an app (run in the app's folder): bundles its entry points (default `src/index.ts`)
 * into `dist/<entry>.js` with esbuild — the app's own code, the internal `@ecd/*` packages (from their
 * TypeScript source) and the generated Prisma client (TypeScript in `src/generated/prisma`) — while
 * every npm package stays external, loaded from node_modules at run time as before.
 *
 *   tsx ../../infra/scripts/build-app.ts [src/index.ts src/cli.ts ...]
 *
 * The bundle runs in place in the checkout: like the code it comes from, it reads files beside its
 * source (the app's `prisma/migrations`, `src/schema.graphql` and `data/`, the reference data's lists,
 * `infra/supergraph.graphql`). Each bundled module's `import.meta.url` is therefore rewritten to the URL
 * of its source file, so `new URL('../data/…', import.meta.url)` finds the same file from dist/ as from
 * src/. esbuild does not type-check: `npm run typecheck` does.
 */
import { rmSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { basename, dirname, extname, relative, resolve, sep } from 'node:path';
import { build, type Plugin } from 'esbuild';

const appDir = process.cwd();
const outdir = resolve(appDir, 'dist');
const entryPoints = process.argv.slice(2).filter((a) => a !== '--');
if (!entryPoints.length) entryPoints.push('src/index.ts');

/** npm packages (bare specifiers other than the workspace's `@ecd/*`) are loaded from node_modules at run time. */
const npmPackagesExternal: Plugin = {
  name: 'npm-packages-external',
  setup(b) {
    b.onResolve({ filter: /^[^./]/ }, (args) =>
      args.path.startsWith('@ecd/') ? undefined : { path: args.path, external: true },
    );
  },
};

/** `import.meta.url` of a bundled module: its source file's URL, reached from the bundle's own folder. */
const sourceImportMetaUrl = (bundleDir: string): Plugin => ({
  name: 'source-import-meta-url',
  setup(b) {
    b.onLoad({ filter: /\.[cm]?[jt]s$/ }, async (args) => {
      if (args.path.split(sep).includes('node_modules')) return undefined;
      const source = await readFile(args.path, 'utf8');
      if (!source.includes('import.meta')) return undefined;
      const fromBundle = relative(bundleDir, args.path).split(sep).join('/');
      const contents = source.replace(
        /\bimport\.meta\.url\b/g,
        `new URL(${JSON.stringify(fromBundle)}, import.meta.url).href`,
      );
      const ext = extname(args.path).slice(1);
      return { contents, loader: ext.endsWith('ts') ? 'ts' : 'js', resolveDir: dirname(args.path) };
    });
  },
});

const started = Date.now();
rmSync(outdir, { recursive: true, force: true });
// One build per entry point: each bundle rewrites import.meta.url relative to its own folder.
const results = await Promise.all(
  entryPoints.map((entry) => {
    const outfile = resolve(outdir, relative(resolve(appDir, 'src'), resolve(appDir, entry))).replace(
      /\.[cm]?ts$/,
      '.js',
    );
    return build({
      absWorkingDir: appDir,
      entryPoints: [entry],
      outfile,
      bundle: true,
      platform: 'node',
      format: 'esm',
      target: 'node20.19',
      sourcemap: true,
      // Keeps names (class names in errors and logs) as in the source.
      keepNames: true,
      metafile: true,
      logLevel: 'warning',
      plugins: [npmPackagesExternal, sourceImportMetaUrl(dirname(outfile))],
    });
  }),
);

const size = (bytes: number) => `${(bytes / 1024 / 1024).toFixed(1)} MB`;
for (const [i, { metafile }] of results.entries()) {
  const inputs = Object.keys(metafile.inputs);
  const [file, output] = Object.entries(metafile.outputs).find(([f]) => f.endsWith('.js')) ?? [];
  console.log(
    `${basename(appDir)}: ${entryPoints[i]} → ${file} ${size(output?.bytes ?? 0)} from ${inputs.length} modules`,
  );
  // Demo code and synthetic data belong to the demo path only (src/demo/, @ecd/synthetic-data, @ecd/test-kit).
  const demo = entryPoints[i]?.includes('/demo/')
    ? []
    : inputs.filter((p) => /(^|\/)src\/demo\/|packages\/(synthetic-data|test-kit)\//.test(p));
  if (demo.length) console.warn(`warning: the production bundle ${file} includes demo code:\n  ${demo.join('\n  ')}`);
}
console.log(`${basename(appDir)}: built in ${Date.now() - started} ms`);
