/**
 * The JavaScript a first visit loads before any page's own chunk (index.html's script and the modules it
 * preloads), gzipped as a server would send it: at most 250 KB. Each page, ECharts and GraphiQL are chunks
 * of their own, loaded when needed.
 */
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { gzipSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';

import { resultsDir } from './browser.ts';

const dist = fileURLToPath(new URL('../dist/', import.meta.url));
const BUDGET_BYTES = 250 * 1024;

describe('the built application', () => {
  it('loads at most 250 KB of JavaScript (gzip) before the first page', () => {
    expect(existsSync(join(dist, 'index.html')), 'build first: npm run build -w @ecd/web').toBe(true);
    const html = readFileSync(join(dist, 'index.html'), 'utf8');
    const initial = [
      ...html.matchAll(/<script[^>]+src="([^"]+\.js)"/g),
      ...html.matchAll(/<link[^>]+rel="modulepreload"[^>]+href="([^"]+\.js)"/g),
    ].map((match) => match[1] ?? '');
    expect(initial.length).toBeGreaterThan(0);
    const files = initial.map((path) => {
      const bytes = readFileSync(join(dist, path));
      return { path, bytes: bytes.length, gzip: gzipSync(bytes, { level: 9 }).length };
    });
    const gzip = files.reduce((sum, f) => sum + f.gzip, 0);
    mkdirSync(resultsDir, { recursive: true });
    writeFileSync(join(resultsDir, 'bundle-size.json'), JSON.stringify({ files, gzip }, null, 2));
    console.warn(`initial JavaScript: ${(gzip / 1024).toFixed(1)} KB gzip in ${files.length} file(s)`);
    expect(gzip).toBeLessThanOrEqual(BUDGET_BYTES);
    // The heavy parts stay out of it.
    const initialCode = initial.map((path) => readFileSync(join(dist, path), 'utf8')).join('\n');
    expect(initialCode).not.toContain('monaco');
    expect(initialCode).not.toContain('echarts');
  });
});
