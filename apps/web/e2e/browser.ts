/**
 * Debian's Chromium driven by playwright-core (Playwright's own browser download is blocked here), a fresh
 * profile per run, every request recorded so a test can assert that nothing left the system's origin.
 */
import { mkdirSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium, type BrowserContext, type Page, type Request } from 'playwright-core';

export const CHROMIUM = '/usr/bin/chromium';
const FLAGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];

export const resultsDir = fileURLToPath(new URL('../test-results/', import.meta.url));
const axeSource = readFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');

export interface Browser {
  context: BrowserContext;
  page: Page;
  /** Every URL the pages asked for. */
  requests: string[];
  /** The last requests with their outcome so far (a GraphQL one by its operation), for the report of a failed test. */
  recentRequests(): string[];
  close(): Promise<void>;
}

/** Requests kept for recentRequests. */
const RECENT_REQUESTS = 30;

export async function openBrowser(viewport = { width: 1280, height: 900 }): Promise<Browser> {
  const profile = mkdtempSync(join(tmpdir(), 'ecd-chromium-'));
  const context = await chromium.launchPersistentContext(profile, {
    executablePath: CHROMIUM,
    headless: true,
    args: FLAGS,
    viewport,
    locale: 'vi-VN',
    timezoneId: 'Asia/Ho_Chi_Minh',
    acceptDownloads: true,
    // axe-core is injected into the pages, which the application's content security policy would refuse.
    bypassCSP: true,
  });
  const requests: string[] = [];
  const recent = new Map<Request, { at: number; outcome: string }>();
  context.on('request', (request) => {
    requests.push(request.url());
    recent.set(request, { at: Date.now(), outcome: 'no answer yet' });
    for (const oldest of recent.keys()) {
      if (recent.size <= RECENT_REQUESTS) break;
      recent.delete(oldest);
    }
  });
  const settle = (request: Request, outcome: string) => {
    const entry = recent.get(request);
    if (entry) entry.outcome = `${outcome} after ${Date.now() - entry.at} ms`;
  };
  context.on('requestfinished', (request) => {
    void request.response().then((response) => settle(request, `HTTP ${response?.status() ?? '?'}`));
  });
  context.on('requestfailed', (request) => settle(request, `failed (${request.failure()?.errorText ?? '?'})`));
  const describe = (request: Request) => {
    const operation = /"operationName":"(\w+)"/.exec(request.postData() ?? '')?.[1];
    return `${request.method()} ${new URL(request.url()).pathname}${operation ? ` ${operation}` : ''}`;
  };
  const page = context.pages()[0] ?? (await context.newPage());
  return {
    context,
    page,
    requests,
    recentRequests: () =>
      [...recent].map(([request, { at, outcome }]) => `${new Date(at).toISOString()} ${describe(request)}: ${outcome}`),
    async close() {
      await context.close();
      rmSync(profile, { recursive: true, force: true });
    },
  };
}

/** A screenshot kept as a test artefact in test-results/screenshots/ (not committed). */
export async function screenshot(page: Page, name: string) {
  const dir = join(resultsDir, 'screenshots');
  mkdirSync(dir, { recursive: true });
  await page.screenshot({ path: join(dir, `${name}.png`), fullPage: true });
}

export interface AxeViolation {
  id: string;
  impact: string | null;
  help: string;
  nodes: { target: string[] }[];
}

/** axe-core's WCAG 2.1 A/AA checks on the page as it is (its source injected into the page). */
export async function axeViolations(page: Page, exclude: string[] = []): Promise<AxeViolation[]> {
  await page.addScriptTag({ content: axeSource });
  return page.evaluate(async (excluded) => {
    const axe = (window as unknown as { axe: { run: (...args: unknown[]) => Promise<{ violations: AxeViolation[] }> } })
      .axe;
    const result = await axe.run(
      { include: [['body']], exclude: excluded.map((s) => [s]) },
      { runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'] } },
    );
    return result.violations.map((v) => ({
      id: v.id,
      impact: v.impact,
      help: v.help,
      nodes: v.nodes.map((n) => ({ target: n.target })),
    }));
  }, exclude);
}

/**
 * Signs in through the provider's page: the embedded default's picker of demo users (whoever was signed in
 * in this browser is signed out first). Returns when the demo user was clicked, to time what follows.
 */
export async function signIn(page: Page, baseUrl: string, user: string) {
  await page.goto(`${baseUrl}/`);
  const signInButton = page.getByRole('button', { name: 'Đăng nhập' });
  const signOutButton = page.getByRole('button', { name: 'Đăng xuất' });
  await signInButton.or(signOutButton).first().waitFor();
  if (await signOutButton.isVisible()) await signOutButton.click();
  await signInButton.click();
  await page.waitForURL(/\/oidc\/authorize/);
  const started = Date.now();
  await page.getByRole('button', { name: new RegExp(`\\(${user.replace('.', '\\.')}\\)`) }).click();
  await page.waitForURL((url) => !url.pathname.startsWith('/oidc') && !url.pathname.startsWith('/dang-nhap'));
  return started;
}

export async function signOut(page: Page) {
  await page.getByRole('button', { name: 'Đăng xuất' }).click();
  await page.getByRole('heading', { name: 'Đăng nhập' }).waitFor();
}
