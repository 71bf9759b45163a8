/**
 * What every browser test file sets up: one browser for its tests, and axe-core's checks of the page as an
 * expectation. Kept apart from browser.ts, which the benchmark (measure-dashboard.ts) runs outside vitest.
 */
import { afterAll, afterEach, beforeAll, expect } from 'vitest';

import { axeViolations, openBrowser, type Browser } from './browser.ts';

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
