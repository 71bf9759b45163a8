import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { request } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { PGlite } from '@electric-sql/pglite';
import { afterAll, describe, expect, it } from 'vitest';

import { clusterShutDown, gatewayToken, subgraphTestEnv } from '@ecd/test-kit';

/**
 * SIGTERM (and Ctrl+C's SIGINT) stop a subgraph the way its own `closeOnSignals` means to: the request in
 * flight is answered, the Prisma client and the embedded database are closed, "culture stopped" is logged
 * and the process exits 0. The subgraph runs as a real process (`node --import tsx src/index.ts`) on an
 * embedded PGlite, outside NODE_ENV=test: there Apollo Server would install its own signal handler, which
 * re-raised the signal before the database was closed (exit 143, a crash for PGlite).
 */

const appDir = fileURLToPath(new URL('..', import.meta.url));

interface LogLine {
  msg?: string;
  url?: string;
  signal?: string;
}

/** The subgraph as `npm start` runs one (its demo entry point aside), its JSON log lines collected. */
function startCulture(dataDir: string) {
  const env = subgraphTestEnv(
    { url: undefined, dataDir, drop: () => Promise.resolve() },
    // Apollo Server registers its own SIGTERM/SIGINT handler by default except under NODE_ENV=test.
    { NODE_ENV: 'development', LOG_LEVEL: 'info' },
  );
  const child = spawn(process.execPath, ['--import', 'tsx', 'src/index.ts'], {
    cwd: appDir,
    env,
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  const lines: LogLine[] = [];
  const output: string[] = [];
  const waiters: { test: (line: LogLine) => boolean; resolve: (line: LogLine) => void }[] = [];
  let rest = '';
  child.stdout.on('data', (chunk: Buffer) => {
    const parts = (rest + chunk.toString()).split('\n');
    rest = parts.pop() ?? '';
    for (const part of parts) {
      output.push(part);
      let line: LogLine;
      try {
        line = JSON.parse(part) as LogLine;
      } catch {
        continue;
      }
      lines.push(line);
      for (const waiter of [...waiters]) {
        if (!waiter.test(line)) continue;
        waiters.splice(waiters.indexOf(waiter), 1);
        waiter.resolve(line);
      }
    }
  });
  child.stderr.on('data', (chunk: Buffer) => output.push(chunk.toString()));
  const exited = new Promise<{ code: number | null; signal: NodeJS.Signals | null }>((resolve) =>
    child.once('exit', (code, signal) => resolve({ code, signal })),
  );
  /** The first log line (already written or still to come) that passes `test`; fails if the process exits first. */
  const logged = (test: (line: LogLine) => boolean) => {
    const seen = lines.find(test);
    if (seen) return Promise.resolve(seen);
    return Promise.race([
      new Promise<LogLine>((resolve) => waiters.push({ test, resolve })),
      exited.then(({ code, signal }) => {
        throw new Error(`culture exited (${code ?? signal}) before the expected log line:\n${output.join('\n')}`);
      }),
    ]);
  };
  return { child, lines, output, exited, logged };
}

/**
 * A POST whose headers reach the server now (with `Expect: 100-continue`, Node emits the server's
 * `request` event right after the 100 Continue it sends) and whose body is sent only when `send` is called.
 */
function heldRequest(url: string, authorization: string, body: string) {
  const req = request(url, {
    method: 'POST',
    headers: {
      'content-type': 'application/json',
      'content-length': Buffer.byteLength(body),
      authorization,
      expect: '100-continue',
    },
  });
  const headersArrived = new Promise<void>((resolve, reject) => {
    req.once('continue', () => resolve());
    req.once('error', reject);
  });
  const answered = new Promise<{ status: number; body: string }>((resolve, reject) => {
    req.once('error', reject);
    req.once('response', (res) => {
      let text = '';
      res.on('data', (chunk: Buffer) => (text += chunk.toString()));
      res.once('end', () => resolve({ status: res.statusCode ?? 0, body: text }));
    });
  });
  req.flushHeaders();
  return { headersArrived, answered, send: () => req.end(body) };
}

describe('stopping a subgraph on its embedded database', () => {
  const folders: string[] = [];
  const children: ChildProcess[] = [];
  afterAll(async () => {
    for (const child of children) if (child.exitCode === null && child.signalCode === null) child.kill('SIGKILL');
    for (const folder of folders) await rm(folder, { recursive: true, force: true });
  });

  it('SIGTERM answers the request in flight, closes the database cleanly and exits 0', async () => {
    const root = await mkdtemp(join(tmpdir(), 'ecd-shutdown-'));
    folders.push(root);
    const dataDir = join(root, 'culture');
    const culture = startCulture(dataDir);
    children.push(culture.child);
    const { url } = await culture.logged((line) => line.msg === 'culture listening');
    expect(url).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/graphql$/);
    // The embedded database is open: PostgreSQL marks its control file "in production" and writes postmaster.pid.
    expect(await clusterShutDown(dataDir)).toBe(false);

    const held = heldRequest(
      url ?? '',
      `Bearer ${await gatewayToken('admin', 'culture')}`,
      JSON.stringify({ query: '{ cultureAuditEvents(first: 1) { totalCount } }' }),
    );
    await held.headersArrived;
    culture.child.kill('SIGTERM');
    await culture.logged((line) => line.msg === 'shutting down');
    // The drain holds the stop until this request is answered: its body arrives only now.
    held.send();
    const answer = await held.answered;
    expect(answer.status, answer.body).toBe(200);
    expect(JSON.parse(answer.body)).toEqual({ data: { cultureAuditEvents: { totalCount: expect.any(Number) } } });

    expect(await culture.exited, culture.output.join('\n')).toEqual({ code: 0, signal: null });
    expect(culture.lines.map((line) => line.msg)).toContain('culture stopped');
    const stopped = culture.lines.findIndex((line) => line.msg === 'culture stopped');
    expect(culture.lines.findIndex((line) => line.msg === 'shutting down')).toBeLessThan(stopped);

    // Closed as PostgreSQL closes a cluster: shut-down state in pg_control, no postmaster.pid left behind.
    expect(await clusterShutDown(dataDir)).toBe(true);
    expect(existsSync(join(dataDir, 'postmaster.pid'))).toBe(false);
    // And it opens again as it was: the migrations the subgraph applied are there.
    const reopened = await PGlite.create(dataDir);
    try {
      const { rows } = await reopened.query<{ applied: number }>(
        'SELECT count(*)::int AS applied FROM _prisma_migrations WHERE finished_at IS NOT NULL',
      );
      expect(rows[0]?.applied).toBeGreaterThan(0);
    } finally {
      await reopened.close();
    }
    // A process compiled by tsx that creates and migrates a fresh embedded cluster: 10 s alone, 42 s beside the
    // other tests on a slow 2-core machine, where 60 s was once too little.
  }, 180_000);
});
