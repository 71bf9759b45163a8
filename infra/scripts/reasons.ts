/**
 * `npm run reasons`: writes the reason catalogue (packages/service-kit/src/input/reasons.ts) into the
 * README between its markers; `--check` fails when the README's copy is stale (run by the catalogue's test too).
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

import { reasonCatalogueMarkdown } from '@ecd/service-kit';

const README = fileURLToPath(new URL('../../README.md', import.meta.url));
const START = '<!-- reasons:start -->';
const END = '<!-- reasons:end -->';

const readme = readFileSync(README, 'utf8');
const from = readme.indexOf(START);
const to = readme.indexOf(END);
if (from < 0 || to < from) throw new Error(`README.md has no ${START} … ${END} block`);
const updated = `${readme.slice(0, from + START.length)}\n\n${reasonCatalogueMarkdown()}\n${readme.slice(to)}`;
if (process.argv.includes('--check')) {
  if (updated !== readme) {
    console.error('README.md lists an outdated reason catalogue: run `npm run reasons`');
    process.exit(1);
  }
} else {
  writeFileSync(README, updated);
}
