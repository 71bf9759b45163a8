/**
 * Measures how long `npm start` takes until the README's first query answers, and where the time goes.
 *
 *   npx tsx infra/scripts/measure-start.ts [--dir <checkout>] [--restart] [--keep]
 *
 * Runs `npm start` in <checkout> (default: this one), polls the gateway with the README's first query
 * (as Lạng Sơn's lead agency) until it returns data, then prints a timeline: `npm start`'s own output
 * and every start-up event the services logged in <checkout>/.data/logs, in seconds since `npm start`.
 * --restart then stops it and measures a second start on the same data (a restart). The system is
 * stopped at the end unless --keep. Measure a fresh clone by deleting, in a copy, node_modules/.cache,
 * .turbo, apps/*\/src/generated, apps/*\/dist, packages/*\/dist and .data first.
 */
import { execFile, spawn, type ChildProcess } from 'node:child_process';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { loadavg } from 'node:os';
import { resolve } from 'node:path';
import { parseArgs, promisify } from 'node:util';

const run = promisify(execFile);

const { values: args } = parseArgs({
  options: {
    dir: { type: 'string', default: new URL('../../', import.meta.url).pathname },
    restart: { type: 'boolean', default: false },
    keep: { type: 'boolean', default: false },
    port: { type: 'string', default: '4000' },
  },
});
const dir = resolve(args.dir);
const dataDir = `${dir}/.data`;
const url = `http://127.0.0.1:${args.port}/graphql`;
const QUERY = `{
  administrativeUnit(code: "20") {
    fullName healthStationCount childrenAged0To8Count schoolCounts { label count } culturalFacilityCount plans { number title }
    children(first: 100) { totalCount nodes { code fullName healthStationCount schoolCounts { count } culturalFacilityCount } }
  }
}`;

interface Run {
  seconds: number;
  events: { at: number; source: string; text: string }[];
}

const seconds = (from: number, to = Date.now()) => (to - from) / 1000;

/** A token of Lạng Sơn's lead agency once `npm start` has made the development keys (run without blocking the timeline). */
async function token(): Promise<string | null> {
  if (!existsSync(`${dataDir}/keys`) || !readdirSync(`${dataDir}/keys`).some((f) => f.startsWith('dev-issuer')))
    return null;
  const { stdout } = await run('npm', ['run', '-s', 'token', '--', 'lead.langson'], {
    cwd: dir,
    encoding: 'utf8',
  }).catch(() => ({ stdout: '' }));
  return stdout.trim() || null;
}

async function answered(bearer: string): Promise<boolean> {
  try {
    const response = await fetch(url, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${bearer}` },
      body: JSON.stringify({ query: QUERY }),
      signal: AbortSignal.timeout(10_000),
    });
    if (!response.ok) return false;
    const body = (await response.json()) as {
      data?: { administrativeUnit?: { plans?: unknown[]; children?: { totalCount: number } } };
      errors?: unknown[];
    };
    return Boolean(body.data?.administrativeUnit?.children?.totalCount) && !body.errors?.length;
  } catch {
    return false;
  }
}

/** Every log line of the services with a time, relative to `started`. */
function serviceEvents(started: number, logsFrom: Record<string, number>): Run['events'] {
  const logDir = `${dataDir}/logs`;
  if (!existsSync(logDir)) return [];
  const events: Run['events'] = [];
  for (const file of readdirSync(logDir).filter((f) => f.endsWith('.log'))) {
    const source = file.replace(/\.log$/, '');
    const lines = readFileSync(`${logDir}/${file}`, 'utf8')
      .slice(logsFrom[file] ?? 0)
      .split('\n');
    for (const line of lines) {
      if (!line.startsWith('{')) continue;
      try {
        const entry = JSON.parse(line) as Record<string, unknown> & { time?: string; msg?: string };
        if (
          !entry.time ||
          !entry.msg ||
          ['request completed', 'graphql operation', 'subgraph unavailable'].includes(entry.msg)
        )
          continue;
        const { time, msg, level: _l, service: _s, pid: _p, hostname: _h, name: _n, ...rest } = entry;
        const extra = Object.keys(rest).length ? ` ${JSON.stringify(rest).slice(0, 160)}` : '';
        events.push({ at: seconds(started, Date.parse(time)), source, text: `${msg}${extra}` });
      } catch {
        // not a JSON line
      }
    }
  }
  return events;
}

function logOffsets(): Record<string, number> {
  const logDir = `${dataDir}/logs`;
  if (!existsSync(logDir)) return {};
  return Object.fromEntries(readdirSync(logDir).map((f) => [f, readFileSync(`${logDir}/${f}`, 'utf8').length]));
}

/** CPU seconds (user + system) spent so far by the process group of `npm start`, by process, ended children included. */
function cpuOfGroup(pgid: number): { total: number; byProcess: string[] } {
  const byProcess: string[] = [];
  let total = 0;
  for (const pid of readdirSync('/proc').filter((d) => /^\d+$/.test(d))) {
    try {
      const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
      const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
      if (Number(fields[2]) !== pgid) continue;
      // utime, stime, cutime, cstime (fields 14-17 of stat), in clock ticks of 1/100 s.
      const seconds = fields.slice(11, 15).reduce((sum, f) => sum + Number(f), 0) / 100;
      total += seconds;
      const command = readFileSync(`/proc/${pid}/cmdline`, 'utf8')
        .split('\0')
        .filter(Boolean)
        .map((a) => a.replace(/^.*\/node_modules\//, ''))
        .join(' ');
      byProcess.push(`${seconds.toFixed(1).padStart(6)} s  ${command.slice(0, 120)}`);
    } catch {
      // ended meanwhile
    }
  }
  return { total, byProcess };
}

async function stop(child: ChildProcess, pgid: number): Promise<void> {
  if (child.exitCode !== null) return;
  const exited = new Promise((r) => child.once('exit', r));
  process.kill(-pgid, 'SIGINT');
  const timer = setTimeout(() => child.exitCode === null && process.kill(-pgid, 'SIGKILL'), 20_000);
  await exited;
  clearTimeout(timer);
}

async function measure(label: string, keep: boolean): Promise<Run> {
  const offsets = logOffsets();
  const loadBefore = loadavg()
    .map((l) => l.toFixed(1))
    .join(' ');
  const started = Date.now();
  const events: Run['events'] = [];
  const child = spawn('npm', ['start'], { cwd: dir, detached: true, stdio: ['ignore', 'pipe', 'pipe'] });
  const pgid = child.pid;
  if (pgid === undefined) throw new Error('npm start did not start');
  for (const stream of [child.stdout, child.stderr]) {
    let rest = '';
    stream.on('data', (chunk: Buffer) => {
      const lines = (rest + chunk.toString()).split('\n');
      rest = lines.pop() ?? '';
      for (const text of lines)
        if (text.trim()) events.push({ at: seconds(started), source: 'npm start', text: text.trimEnd() });
    });
  }
  let bearer: string | null = null;
  let answeredAt: number | null = null;
  while (seconds(started) < 600) {
    if (child.exitCode !== null)
      throw new Error(`npm start exited with ${child.exitCode}:\n${events.map((e) => e.text).join('\n')}`);
    bearer ??= await token();
    if (bearer && (await answered(bearer))) {
      answeredAt = seconds(started);
      break;
    }
    await new Promise((r) => setTimeout(r, 500));
  }
  if (answeredAt === null) throw new Error('no answer in 600 s');
  events.push({ at: answeredAt, source: 'measure', text: 'the first query answered' });
  const cpu = cpuOfGroup(pgid);
  if (!keep) await stop(child, pgid);
  const all = [...events, ...serviceEvents(started, offsets)].sort((a, b) => a.at - b.at);
  console.log(
    `\n## ${label}: first query answered ${answeredAt.toFixed(1)} s after \`npm start\` (${cpu.total.toFixed(1)} CPU s; load average before: ${loadBefore})\n`,
  );
  console.log(`CPU by process (ended children counted in their parent):\n${cpu.byProcess.join('\n')}\n`);
  for (const e of all) console.log(`${e.at.toFixed(1).padStart(6)} s  ${e.source.padEnd(10)} ${e.text}`);
  return { seconds: answeredAt, events: all };
}

const first = await measure(
  existsSync(dataDir) ? 'start (existing .data)' : 'first start (no .data)',
  args.keep && !args.restart,
);
if (args.restart) {
  const second = await measure('restart (same .data)', args.keep);
  console.log(`\nfirst start ${first.seconds.toFixed(1)} s, restart ${second.seconds.toFixed(1)} s`);
}
