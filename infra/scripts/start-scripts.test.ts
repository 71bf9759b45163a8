import { readdirSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';

import { ALLOCATOR_ENV } from '@ecd/service-kit/heap';

const appsDir = new URL('../../apps/', import.meta.url);
const startScripts = readdirSync(appsDir)
  .map((app) => {
    const manifest = JSON.parse(readFileSync(new URL(`${app}/package.json`, appsDir), 'utf8')) as {
      scripts?: Record<string, string>;
    };
    return [app, manifest.scripts?.start] as const;
  })
  .filter((entry): entry is readonly [string, string] => entry[1] !== undefined && entry[0] !== 'web');

// `npm start -w <app>` (README, "Running one sector's subgraph") launches a service without `npm start`'s
// launcher: its script must set glibc's allocator settings itself, as heap.ts gives them.
describe("the apps' start scripts", () => {
  it('are those of the four subgraphs and the gateway', () => {
    expect(startScripts.map(([app]) => app).sort()).toEqual(['culture', 'education', 'gateway', 'health', 'ldtbxh']);
  });

  it.each(startScripts)("%s's sets ALLOCATOR_ENV's settings unless the caller set its own", (_app, script) => {
    for (const [name, value] of Object.entries(ALLOCATOR_ENV))
      expect(script).toContain(`${name}=\${${name}:-${value}} `);
    expect(script).toMatch(/ node --enable-source-maps dist\/index\.js$/);
  });
});
