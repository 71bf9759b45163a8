/**
 * `npm run bench -w @ecd/web`: how soon the plan dashboard is interactive after sign-in, measured (not a
 * test: the figure depends on the machine). Starts the real system as the browser tests do (the demo on a
 * temporary data folder and free ports, the web application built), signs the lead agency in through the
 * OpenID Connect picker `--runs` times in Debian's Chromium, and prints a table: each run from the click on
 * the demo user to the targets table and its links rendered (the first on a cold system, the rest warm).
 *
 *   npm run bench -w @ecd/web -- [--runs 5]
 */
import { parseArgs } from 'node:util';

import { openBrowser, signIn, signOut } from './browser.ts';
import { startSystem } from './system.ts';

const { values: args } = parseArgs({ options: { runs: { type: 'string', default: '5' } } });
const runs = Number(args.runs);
if (!Number.isInteger(runs) || runs < 2) throw new Error('--runs must be a whole number of at least 2');

// The system runs as `npm start` runs it.
// eslint-disable-next-line no-restricted-properties -- the script passes its environment on to the system
const environment = Object.fromEntries(Object.entries(process.env).filter(([name]) => name !== 'NODE_ENV'));
process.stdout.write('Starting the system (demo data, embedded databases)...\n');
const system = await startSystem(environment);
const browser = await openBrowser();
const timings: number[] = [];
try {
  const { page } = browser;
  const targets = page
    .locator('table', { has: page.locator('caption', { hasText: 'Các chỉ tiêu năm' }) })
    .locator('tbody tr');
  for (let run = 0; run < runs; run++) {
    const clicked = await signIn(page, system.baseUrl, 'lead.langson');
    await targets.first().waitFor();
    await page
      .getByRole('link', { name: /^Chi tiết theo xã/ })
      .first()
      .waitFor();
    timings.push(Date.now() - clicked);
    await signOut(page);
  }
} finally {
  await browser.close();
  await system.stop();
}
const warm = timings.slice(1).sort((a, b) => a - b);
const median = warm[Math.floor((warm.length - 1) / 2)] ?? Number.NaN;
process.stdout.write(`
## Plan dashboard interactive after sign-in (${new Date().toISOString()})

| run | ms |
| --- | ---: |
${timings.map((ms, i) => `| ${i === 0 ? '1 (cold system)' : String(i + 1)} | ${ms} |`).join('\n')}
| median of the warm runs | ${median} |
`);
