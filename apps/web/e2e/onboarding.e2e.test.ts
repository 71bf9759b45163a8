/**
 * Onboarding a plan in Debian's Chromium against the real system (global-setup.ts): the lead agency uploads a
 * plan file with a problem, reads the dry run's problem by its path, corrects the text, checks it again and
 * imports it; the plan is then among the province's plans. axe-core on the page (on a 360 px phone too),
 * screenshots in test-results/screenshots/.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, inject, it } from 'vitest';

import { screenshot, signIn, signOut } from './browser.ts';
import { browserForTests } from './fixture.ts';
import { repositoryRoot } from './system.ts';

const baseUrl = inject('baseUrl');
const { browser, expectAccessible } = browserForTests();

/** Lạng Sơn's own plan file, as a new plan of its own (another key and title), its first milestone at 170 %. */
function planFiles() {
  const seed = readFileSync(join(repositoryRoot, 'apps/ldtbxh/data/plans/lang-son-2019-de-an-1437.yaml'), 'utf8');
  const key = `lang-son-thu-nghiem-${Date.now().toString(36)}`;
  const title = `Kế hoạch thử nghiệm nhập từ tệp (${key})`;
  const fixed = seed.replace(/^key: .*$/m, `key: ${key}`).replace(/^title: .*$/m, `title: ${title}`);
  const milestone = '- { year: 2020, comparator: GTE, value: 70 }';
  expect(fixed).toContain(milestone);
  const broken = fixed.replace(milestone, '- { year: 2020, comparator: GTE, value: 170 }');
  return { key, title, fixed, broken };
}

describe('onboarding a plan', () => {
  it('imports a plan whose problem, shown by its path, was corrected', async () => {
    const { page } = browser;
    const { key, title, fixed, broken } = planFiles();
    await signIn(page, baseUrl, 'lead.langson');
    await page.getByRole('link', { name: 'Nhập kế hoạch' }).click();
    const importButton = page.getByRole('button', { name: 'Nhập kế hoạch' });
    expect(await importButton.isDisabled()).toBe(true);

    await page.getByLabel('Tệp kế hoạch (.yaml, .yml, .json)').setInputFiles({
      name: `${key}.yaml`,
      mimeType: 'application/yaml',
      buffer: Buffer.from(broken, 'utf8'),
    });
    const problems = page.locator('table', { has: page.locator('caption', { hasText: 'Các lỗi trong tệp' }) });
    await problems.waitFor();
    const rows = await problems.locator('tbody tr').allInnerTexts();
    expect(rows).toHaveLength(1);
    expect(rows[0]).toContain('targets[0].milestones[0].value');
    expect(rows[0]).toContain('RATE_OUT_OF_RANGE');
    expect(rows[0]).toMatch(/[àáảãạâăđêôơư]/i);
    expect(await page.getByRole('alert').first().innerText()).toContain('không có dữ liệu nào được ghi');
    expect(await importButton.isDisabled()).toBe(true);
    await screenshot(page, 'onboarding-problems');
    await expectAccessible('onboarding with problems');

    // Corrected in the page, checked again: clean, then imported.
    await page.getByLabel('Nội dung tệp').fill(fixed);
    await page.getByRole('button', { name: 'Kiểm tra lại' }).click();
    await page.getByText('Kiểm tra thử: tệp không có lỗi.').waitFor();
    expect(await problems.count()).toBe(0);
    await importButton.click();
    await page.getByText(/Đã nhập kế hoạch/).waitFor();
    expect(await page.getByRole('main').innerText()).toContain(title);
    await screenshot(page, 'onboarding-imported');
    await expectAccessible('onboarding imported');
    await page.setViewportSize({ width: 360, height: 780 });
    await screenshot(page, 'onboarding-phone');
    await expectAccessible('onboarding on a phone');
    await page.setViewportSize({ width: 1280, height: 900 });

    // The plan is now one of the province's.
    await page.getByRole('link', { name: 'Xem kế hoạch và tiến độ' }).click();
    await page.waitForURL(/\/ke-hoach\?plan=/);
    await expect.poll(() => page.getByLabel('Kế hoạch', { exact: true }).inputValue()).toBe(key);
    await signOut(page);
  });

  it('is not offered to a sector officer, who may not manage plans', async () => {
    const { page } = browser;
    await signIn(page, baseUrl, 'health.langson');
    expect(await page.getByRole('navigation', { name: 'Các trang' }).innerText()).not.toContain('Nhập kế hoạch');
    await page.goto(`${baseUrl}/nhap-ke-hoach`);
    await page.getByRole('heading', { name: 'Không có quyền' }).waitFor();
    await signOut(page);
  });
});
