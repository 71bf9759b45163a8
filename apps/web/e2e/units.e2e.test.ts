/**
 * Units through time in Debian's Chromium against the real system (global-setup.ts): a commune found by its name
 * typed without diacritics, its place and the communes it was formed from at the 2025 reform, and back from one
 * of those to what it became; found by code too. axe-core on the page (on a 360 px phone too), screenshots in
 * test-results/screenshots/.
 */
import { describe, expect, inject, it } from 'vitest';

import { screenshot, signIn, signOut } from './browser.ts';
import { browserForTests } from './fixture.ts';

const baseUrl = inject('baseUrl');
const { browser, expectAccessible } = browserForTests();

describe('units through time', () => {
  it('finds a commune typed without diacritics and follows it across the 2025 reform', async () => {
    const { page } = browser;
    await signIn(page, baseUrl, 'station.dongkinh');
    await page.getByRole('link', { name: 'Đơn vị hành chính' }).click();
    await page.getByRole('searchbox', { name: 'Tên hoặc mã đơn vị' }).fill('dong kinh');
    await page.keyboard.press('Enter');
    const results = page.getByRole('list', { name: 'Các đơn vị tìm thấy' });
    await results.waitFor();
    // Today's Phường Đông Kinh first (Lạng Sơn), with its period.
    const first = results.getByRole('listitem').first();
    expect(await first.innerText()).toMatch(
      /Phường Đông Kinh\s+mã 05977, Tỉnh Lạng Sơn; cấp xã; từ 01\/07\/2025 đến nay/,
    );
    await first.getByRole('link').click();

    const details = page.getByRole('article', { name: 'Phường Đông Kinh' });
    await details.waitFor();
    expect(await details.getByRole('navigation', { name: 'Thuộc' }).innerText()).toContain('Tỉnh Lạng Sơn');
    const formedFrom = details.getByRole('heading', { name: 'Hình thành từ' }).locator('xpath=following-sibling::*[1]');
    const predecessors = formedFrom.getByRole('link');
    expect(await predecessors.count()).toBeGreaterThan(0);
    expect(await formedFrom.innerText()).toMatch(/Hiệu lực 01\/07\/2025; độ tin cậy/);
    await screenshot(page, 'units');
    await expectAccessible('units');
    await page.setViewportSize({ width: 360, height: 780 });
    await screenshot(page, 'units-phone');
    await expectAccessible('units on a phone');
    const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
    expect(overflow).toBeLessThanOrEqual(0);
    await page.setViewportSize({ width: 1280, height: 900 });

    // One of the old communes: valid until the reform, and it became Phường Đông Kinh.
    const oldName = (await predecessors.first().innerText()).trim();
    await predecessors.first().click();
    const old = page.getByRole('article', { name: oldName });
    await old.waitFor();
    expect(await old.innerText()).toContain('đến 30/06/2025');
    const became = old
      .getByRole('heading', { name: 'Sau sắp xếp năm 2025 trở thành' })
      .locator('xpath=following-sibling::*[1]');
    expect(await became.innerText()).toContain('Phường Đông Kinh');

    // By code: the province, before and after the reform.
    await page.getByRole('searchbox', { name: 'Tên hoặc mã đơn vị' }).fill('20');
    await page.getByLabel('Cấp', { exact: true }).selectOption('PROVINCE');
    await page.getByRole('button', { name: 'Tìm' }).click();
    await expect
      .poll(async () => (await results.getByRole('listitem').allInnerTexts()).map((t) => t.trim()))
      .toEqual([
        'Tỉnh Lạng Sơn mã 20; cấp tỉnh; từ 01/07/2025 đến nay',
        'Tỉnh Lạng Sơn mã 20; cấp tỉnh; từ 01/01/2019 đến 30/06/2025',
      ]);
    await signOut(page);
  });
});
