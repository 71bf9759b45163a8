import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { describe, expect, it } from 'vitest';

// The package as the gateway's result shaping loads it (infra/patches/README.md).
const gatewayRequire = createRequire(createRequire(import.meta.url).resolve('@apollo/gateway'));
const indexPath = gatewayRequire.resolve('@apollo/federation-internals');
const internals = gatewayRequire(indexPath) as Record<string, unknown>;

/** The modules whose names `dist/index.js` re-exports (`__exportStar(require("./…"), exports)`). */
const reExported = [...readFileSync(indexPath, 'utf8').matchAll(/__exportStar\(require\("(\.[^"]+)"\)/g)].map(
  ([, path]) => gatewayRequire(join(dirname(indexPath), path!)) as Record<string, unknown>,
);

describe('@apollo/federation-internals as patched by infra/patches', () => {
  it('re-exports the names of `export *` as plain values, not as a getter per name', () => {
    const names = reExported.flatMap((module) => Object.keys(module).filter((name) => name in internals));
    expect(names.length).toBeGreaterThan(100);
    const getters = names.filter((name) => Object.getOwnPropertyDescriptor(internals, name)?.get !== undefined);
    expect(getters).toEqual([]);
  });

  it('gives each name the same value as the module that defines it', () => {
    expect(reExported.length).toBeGreaterThan(10);
    const differing = reExported.flatMap((module) =>
      Object.keys(module).filter((name) => name !== 'default' && name in internals && internals[name] !== module[name]),
    );
    expect(differing).toEqual([]);
    expect(Object.keys(internals).filter((name) => internals[name] === undefined)).toEqual([]);
  });
});
