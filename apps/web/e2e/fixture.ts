/**
 * What every browser test file sets up: one browser for its tests, and axe-core's checks of the page as an
 * expectation. Kept apart from browser.ts, which the benchmark (measure-dashboard.ts) runs outside vitest.
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, afterEach, beforeAll, beforeEach, expect, inject, onTestFailed } from 'vitest';

import { axeViolations, openBrowser, screenshot, type Browser } from './browser.ts';
import { systemLogPath } from './system.ts';

const tail = (path: string, lines: number) =>
  existsSync(path) ? readFileSync(path, 'utf8').trimEnd().split('\n').slice(-lines).join('\n') : '(none)';

/** The last lines the system printed (`npm start`'s script, then each service), for the report of a failed test. */
function systemLogTails() {
  const logDir = inject('logDir');
  const services = existsSync(logDir) ? readdirSync(logDir).filter((name) => name.endsWith('.log')) : [];
  return [
    `npm start's script (${systemLogPath}):\n${tail(systemLogPath, 20)}`,
    ...services.map((name) => `${name}:\n${tail(join(logDir, name), 25)}`),
  ].join('\n\n');
}

/**
 * One browser for the tests of a file: opened before them and closed after. Unless `keepSession` (tests
 * that go on from where the one before left), the session is cleared after each test, so a test that
 * failed half-way leaves no one signed in for the next.
 */
export function browserForTests({ keepSession = false }: { keepSession?: boolean } = {}) {
  let opened: Browser | undefined;
  beforeAll(async () => {
    opened = await openBrowser();
  });
  afterAll(async () => {
    await opened?.close();
  });
  // A failed test leaves what is needed to read its failure: the page (screenshot, address, text) and the system's log.
  beforeEach(({ task }) => {
    onTestFailed(async () => {
      let page = '(no page)';
      if (opened) {
        await screenshot(opened.page, `failed-${task.name.replace(/[^\p{L}\p{N}]+/gu, '-').slice(0, 60)}`).catch(
          () => undefined,
        );
        const text = await opened.page
          .locator('body')
          .innerText({ timeout: 5_000 })
          .catch((error: Error) => error.message);
        page = `${opened.page.url()}; the page said:\n${text.slice(0, 3_000)}\nIts last requests:\n${opened.recentRequests().join('\n')}`;
      }
      console.error(`"${task.name}" failed at ${page}\nThe system's last lines:\n${systemLogTails()}`);
    });
  });
  if (!keepSession)
    afterEach(async () => {
      await opened?.page.evaluate(() => sessionStorage.clear()).catch(() => undefined);
    });

  const current = () => {
    if (!opened) throw new Error('the browser opens before the tests (beforeAll)');
    return opened;
  };
  const browser: Pick<Browser, 'context' | 'page' | 'requests'> = {
    get context() {
      return current().context;
    },
    get page() {
      return current().page;
    },
    get requests() {
      return current().requests;
    },
  };

  /** axe-core's WCAG 2.1 A/AA checks on the page as it is (but `exclude`): no violation. */
  const expectAccessible = async (name: string, exclude: string[] = []) => {
    const violations = await axeViolations(browser.page, exclude);
    expect(violations, `${name}: ${JSON.stringify(violations, null, 1)}`).toEqual([]);
  };

  return { browser, expectAccessible };
}
