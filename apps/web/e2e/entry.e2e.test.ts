/**
 * The sectors' data entry in Debian's Chromium against the real system (global-setup.ts): a growth measurement
 * with its z-scores and the commune's figure read before and after, each problem next to its field; an aggregate
 * education figure; the referral inbox (accept, decline, not delivered, each with its reason); and a user of
 * another province neither offered these pages nor given Lạng Sơn's children when asking for them. axe-core on
 * each page (on a 360 px phone too), screenshots in test-results/screenshots/.
 */
import type { Page } from 'playwright-core';
import { describe, expect, inject, it } from 'vitest';

import { screenshot, signIn, signOut } from './browser.ts';
import { browserForTests } from './fixture.ts';

const baseUrl = inject('baseUrl');
const { browser, expectAccessible } = browserForTests();

/** The page and a 360 px phone: axe-core on both, a screenshot of each. */
async function checkPage(name: string) {
  const { page } = browser;
  await screenshot(page, name);
  await expectAccessible(name);
  await page.setViewportSize({ width: 360, height: 780 });
  await screenshot(page, `${name}-phone`);
  await expectAccessible(`${name} on a phone`);
  // Nothing wider than the phone but the tables, which scroll in their own region.
  const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
  expect(overflow).toBeLessThanOrEqual(0);
  await page.setViewportSize({ width: 1280, height: 900 });
}

/** A GraphQL request with the signed-in person's access token (oidc-client-ts keeps it in the tab's session storage). */
async function graphqlAs<T>(page: Page, query: string, variables: Record<string, unknown> = {}) {
  const token = await page.evaluate(() => {
    const key = Object.keys(sessionStorage).find((k) => k.startsWith('oidc.user:'));
    return key ? (JSON.parse(sessionStorage.getItem(key) ?? '{}') as { access_token?: string }).access_token : null;
  });
  if (!token) throw new Error('not signed in');
  const response = await fetch(`${baseUrl}/graphql`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
    body: JSON.stringify({ query, variables }),
  });
  return (await response.json()) as { data?: T; errors?: { message: string; extensions?: Record<string, unknown> }[] };
}

/** A day as Vietnamese write it (dd/mm/yyyy), `months` before today in Vietnam. */
function monthsAgo(months: number) {
  const today = new Date(new Intl.DateTimeFormat('en-CA', { timeZone: 'Asia/Ho_Chi_Minh' }).format());
  today.setUTCMonth(today.getUTCMonth() - months);
  return today.toISOString().slice(0, 10).split('-').reverse().join('/');
}

/** The number a figure shows ("1.234" or "36 / 180 trẻ (20 %)": its first number). */
const firstNumber = (text: string | null) => Number((/[\d.]+/.exec(text ?? '')?.[0] ?? 'NaN').replace(/\./g, ''));

describe('data entry for the sectors', () => {
  it('records a growth measurement, shows its z-scores at once and the commune’s figure change', async () => {
    const { page } = browser;
    await signIn(page, baseUrl, 'health.langson');
    await page.getByRole('link', { name: 'Cân đo trẻ em' }).click();
    await page.getByLabel('Xã/phường nơi cân đo').selectOption('05977');
    const measured = page.getByTestId('measured-count');
    const stunting = page.getByTestId('stunting');
    await measured.waitFor();
    const before = {
      measured: firstNumber(await measured.textContent()),
      stunted: firstNumber(await stunting.textContent()),
    };
    expect(before.measured).toBeGreaterThan(0);

    // A girl of 20 months, 72 cm long: well below −2 SD of length-for-age.
    await page.getByLabel('Nữ').check();
    await page.getByLabel('Ngày sinh').fill(monthsAgo(20));
    await page.getByLabel('Cân nặng (kg)').fill('8,2');
    await page.getByLabel('Chiều dài/chiều cao (cm)').fill('72');
    await page.getByLabel('Đo nằm (chiều dài)').check();
    await page.getByRole('button', { name: 'Lưu số đo' }).click();
    const result = page.getByRole('region', { name: /Đã lưu số đo/ });
    await result.waitFor();
    expect(await page.getByTestId('haz').textContent()).toMatch(/^-\d+,\d{1,2}$/);
    expect(await result.innerText()).toMatch(/Thấp còi (vừa|nặng)/);
    // The figure it feeds, read again from the server: one more child measured, one more stunted.
    await expect.poll(async () => firstNumber(await measured.textContent())).toBe(before.measured + 1);
    expect(firstNumber(await stunting.textContent())).toBe(before.stunted + 1);
    await checkPage('entry-growth');
    await signOut(page);
  });

  it('shows each problem of a measurement next to its field, in Vietnamese, to the commune’s station', async () => {
    const { page } = browser;
    await signIn(page, baseUrl, 'station.dongkinh');
    // The station's first page is its data entry; its commune is already filled in, and no aggregate is offered.
    await page.getByRole('heading', { name: 'Cân đo trẻ em' }).waitFor();
    expect(await page.getByLabel('Xã/phường nơi cân đo').inputValue()).toBe('05977');
    await page.getByLabel('Nam', { exact: true }).check();
    await page.getByLabel('Ngày sinh').fill(monthsAgo(30));
    await page.getByLabel('Cân nặng (kg)').fill('80');
    await page.getByLabel('Chiều dài/chiều cao (cm)').fill('90,5');
    await page.getByLabel('Đo đứng (chiều cao)').check();
    await page.getByRole('button', { name: 'Lưu số đo' }).click();
    const weight = page.getByLabel('Cân nặng (kg)');
    await expect.poll(() => weight.getAttribute('aria-invalid')).toBe('true');
    const problemId = (await weight.getAttribute('aria-describedby'))?.split(' ').find((id) => id.endsWith('-loi'));
    expect(await page.locator(`#${problemId}`).innerText()).toContain(
      'Cân nặng của trẻ dưới 5 tuổi không thể vượt quá 50 kg.',
    );
    expect(await page.getByLabel('Chiều dài/chiều cao (cm)').getAttribute('aria-invalid')).toBeNull();
    expect(await page.getByRole('alert').first().innerText()).toContain('không có dữ liệu nào được ghi');
    expect(await page.getByText('Tình trạng dinh dưỡng trẻ dưới 5 tuổi').count()).toBe(0);
    await checkPage('entry-growth-problems');
    await signOut(page);
  });

  it('records an aggregate education figure, a problem next to its field first', async () => {
    const { page } = browser;
    await signIn(page, baseUrl, 'education.ninhbinh');
    await page.getByRole('link', { name: 'Số liệu tổng hợp' }).click();
    const indicator = page.getByLabel('Chỉ số', { exact: true });
    await indicator.locator('option[value="DISABLED_CHILDREN_IN_SUITABLE_EDUCATION"]').waitFor({ state: 'attached' });
    // Indicators computed from the school records are not offered.
    expect(await indicator.locator('option[value="PRIMARY_DROPOUT"]').count()).toBe(0);
    await indicator.selectOption('DISABLED_CHILDREN_IN_SUITABLE_EDUCATION');
    await page.getByLabel('Đơn vị', { exact: true }).locator('option[value="37"]').waitFor({ state: 'attached' });
    await page.getByLabel('Năm', { exact: true }).fill('2025');
    await page.getByLabel('Tử số').fill('1600');
    await page.getByLabel('Mẫu số').fill('1500');
    await page.getByLabel('Nguồn số liệu').fill('Báo cáo số 12/BC-SGDĐT (kiểm thử)');
    await page.getByRole('button', { name: 'Ghi số liệu' }).click();
    const numerator = page.getByLabel('Tử số');
    await expect.poll(() => numerator.getAttribute('aria-invalid')).toBe('true');
    expect(await page.locator('#so-lieu-numerator-loi').innerText()).toContain('lớn hơn mẫu số');

    await numerator.fill('1234');
    await page.getByRole('button', { name: 'Ghi số liệu' }).click();
    const saved = page.getByRole('status').filter({ hasText: 'Đã ghi số liệu' });
    await saved.waitFor();
    expect(await saved.innerText()).toContain('của Tỉnh Ninh Bình năm 2025: 1.234 / 1.500 = 82,27 %');
    await checkPage('entry-figure');
    await signOut(page);
  });

  it('lets the case worker accept, decline and close referrals sent to LĐTBXH, each with its reason', async () => {
    const { page } = browser;
    // The commune's station refers two children to child protection (the sending side has no screen here).
    await signIn(page, baseUrl, 'station.dongkinh');
    const run = `${Date.now()}`.slice(-6);
    const services = [`Bảo vệ trẻ em (thử ${run}-1)`, `Bảo vệ trẻ em (thử ${run}-2)`];
    for (const [i, toService] of services.entries()) {
      const sent = await graphqlAs<{ sendReferral: { id: string } }>(
        page,
        `mutation($input: SendReferralInput!) { sendReferral(input: $input) { id } }`,
        {
          input: {
            personalId: `020${run}${i}00`.slice(0, 12).padEnd(12, '0'),
            unitCode: '05977',
            fromSector: 'HEALTH',
            fromService: 'Trạm y tế xã: khám sàng lọc',
            toSector: 'SOCIAL_AFFAIRS',
            toService,
            reason: 'Nghi trẻ bị bỏ mặc',
          },
        },
      );
      expect(sent.errors).toBeUndefined();
    }
    await signOut(page);

    await signIn(page, baseUrl, 'caseworker.langson');
    await page.getByRole('heading', { name: 'Chuyển tuyến' }).waitFor();
    const card = (service: string) =>
      page
        .getByRole('list', { name: 'Các yêu cầu chuyển tuyến' })
        .getByRole('listitem')
        .filter({
          has: page.getByRole('heading', { name: new RegExp(service.replace(/[()]/g, '\\$&')) }),
        });
    const [first, second] = services.map(card);
    if (!first || !second) throw new Error('two referrals');
    await first.waitFor();
    expect(await first.innerText()).toContain('Đã chuyển, chờ tiếp nhận');

    await first.getByRole('button', { name: /^Tiếp nhận:/ }).click();
    await first.getByText('Đã tiếp nhận chuyển tuyến.').waitFor();
    await first.getByRole('button', { name: /^Không cung cấp được:/ }).click();
    // No reason, no step: said next to the field.
    await first.getByRole('button', { name: 'Không cung cấp được dịch vụ' }).click();
    await first.getByText('Vui lòng ghi lý do.').waitFor();
    await first.getByLabel('Lý do không cung cấp được').fill('Gia đình chuyển đi nơi khác');
    await first.getByRole('button', { name: 'Không cung cấp được dịch vụ' }).click();
    await first.getByText('Đã ghi: không cung cấp được dịch vụ.').waitFor();

    await second.getByRole('button', { name: /^Từ chối:/ }).click();
    await second.getByLabel('Lý do từ chối').fill('Không thuộc phạm vi dịch vụ');
    await second.getByRole('button', { name: 'Từ chối chuyển tuyến' }).click();
    await second.getByText('Đã từ chối chuyển tuyến.').waitFor();
    await second.getByText(/Các bước xử lý/).click();
    expect(await second.innerText()).toContain('Bị từ chối (caseworker.langson) — lý do: Không thuộc phạm vi dịch vụ');
    await first.getByText(/Các bước xử lý/).click();
    const steps = await first.locator('ol').innerText();
    expect(steps).toContain('Đã tiếp nhận (caseworker.langson)');
    expect(steps).toContain('Không cung cấp được dịch vụ (caseworker.langson) — lý do: Gia đình chuyển đi nơi khác');
    await checkPage('entry-referrals');
    await signOut(page);
  });

  it('keeps Lạng Sơn’s children from a user of another province', async () => {
    const { page } = browser;
    await signIn(page, baseUrl, 'viewer.quangninh');
    const navigation = await page.getByRole('navigation', { name: 'Các trang' }).innerText();
    expect(navigation).not.toContain('Cân đo trẻ em');
    expect(navigation).not.toContain('Chuyển tuyến');
    for (const address of ['/chuyen-tuyen', '/nhap-lieu/can-do']) {
      await page.goto(`${baseUrl}${address}`);
      await page.getByRole('heading', { name: 'Không có quyền' }).waitFor();
      expect(await page.locator('main').innerText()).not.toMatch(/Lạng Sơn|Đông Kinh/);
    }
    // Asked directly, the server gives neither the referrals nor the growth of Lạng Sơn's children.
    const asked = await graphqlAs<{ administrativeUnit: unknown }>(
      page,
      `{ administrativeUnit(code: "05977") { referrals { nodes { id } } growthStatus { measuredCount } } }`,
    );
    expect(asked.errors?.length).toBeGreaterThan(0);
    expect(asked.errors?.map((e) => e.extensions?.code)).toEqual(
      expect.arrayContaining([expect.stringMatching(/FORBIDDEN/)]),
    );
    expect(JSON.stringify(asked.data ?? {})).not.toContain('measuredCount":');
    await signOut(page);
  });
});
