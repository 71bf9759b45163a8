/**
 * `npm run import -- …`: sends a file to the running gateway's upload path and prints the progress and
 * every problem (sheet, row, column, reason), or downloads a template.
 *
 *   npm run import -- --sector health --kind growth-measurements --file can-do.csv --user station.dongkinh [--dry-run]
 *   npm run import -- --sector ldtbxh --kind indicator-values --file so-lieu.xlsx --user admin
 *   npm run import -- --sector ldtbxh --template indicators --unit 20 --year 2025 --out mau.xlsx --user admin
 *   npm run import -- --sector ldtbxh --template indicators --unit 20 --year 2025 --filled --out so-lieu.xlsx --user admin
 *   npm run import -- --sector education --kind school-enrolment --file hoc-sinh.csv --user education.ninhbinh
 *
 * `--user` signs a token of the embedded default's development issuer (as `npm run token`); against a
 * real provider give `--token <bearer token>`. `--gateway` defaults to http://127.0.0.1:$GATEWAY_PORT (4000).
 * Exits 0 when the file was accepted (or the template saved), 1 when it was refused, 2 on any other error.
 */
import { createReadStream, statSync } from 'node:fs';
import { writeFile } from 'node:fs/promises';
import { basename, extname } from 'node:path';
import { Readable } from 'node:stream';
import { parseArgs } from 'node:util';

import { DEFAULT_KEYS_DIR, type ImportProblem, type ImportResult } from '@ecd/service-kit';
import { DEMO_USERS, developmentKeys, signDevelopmentToken } from '@ecd/service-kit/development';

import { infraEnv } from './env.js';

const USAGE = `Usage:
  npm run import -- --sector <sector> --kind <kind> --file <file.csv|file.xlsx> (--user <demo user> | --token <token>) [--dry-run] [--gateway <url>]
  npm run import -- --sector <sector> --template <name> [--unit <code> --year <year> [--filled]] --out <file.xlsx> (--user … | --token …)
Sectors: health, education, culture, ldtbxh. Kinds: growth-measurements (health), school-enrolment (education),
facilities (culture), indicator-values (education, ldtbxh).
Templates: growth-measurements (health), school-enrolment (education), facilities (culture), indicators (education,
ldtbxh: --unit and --year; --filled: with the figures the sector holds, to correct and import again).`;

const { values: args } = parseArgs({
  options: {
    sector: { type: 'string' },
    kind: { type: 'string' },
    file: { type: 'string' },
    template: { type: 'string' },
    unit: { type: 'string' },
    year: { type: 'string' },
    out: { type: 'string' },
    user: { type: 'string' },
    token: { type: 'string' },
    gateway: { type: 'string', default: `http://127.0.0.1:${infraEnv.GATEWAY_PORT}` },
    'dry-run': { type: 'boolean', default: false },
    filled: { type: 'boolean', default: false },
  },
});

function fail(message: string): never {
  console.error(message);
  process.exit(2);
}

interface ErrorAnswer {
  errors: { message: string; extensions?: { code?: string; reason?: string } }[];
}

async function bearer(): Promise<string> {
  if (args.token) return args.token;
  if (!args.user) fail(`--user or --token is required.\n${USAGE}`);
  if (!(args.user in DEMO_USERS))
    fail(`Unknown demo user "${args.user}"; demo users: ${Object.keys(DEMO_USERS).join(', ')}`);
  // The keys `npm start` uses, as `npm run token` finds them.
  const keysDir = infraEnv.ECD_KEYS_DIR ?? (infraEnv.ECD_DATA_DIR ? `${infraEnv.ECD_DATA_DIR}/keys` : DEFAULT_KEYS_DIR);
  return signDevelopmentToken(developmentKeys(keysDir), args.user);
}

const where = (p: ImportProblem) =>
  [p.sheet && `trang ${p.sheet}`, p.row !== null && `dòng ${p.row}`, p.column && `cột ${p.column}`]
    .filter(Boolean)
    .join(', ') || 'tệp';

function printAnswer(status: number, body: ImportResult | ErrorAnswer): number {
  if ('errors' in body) {
    for (const error of body.errors) console.error(`${status} ${error.extensions?.reason ?? ''}: ${error.message}`);
    return status === 401 || status === 403 ? 1 : 2;
  }
  console.log(body.message);
  console.log(
    `  ${body.dryRun ? 'kiểm tra thử' : 'nhập'}: ${body.rows} dòng, ${body.written} dòng ghi mới, ${body.unchanged} dòng đã có sẵn`,
  );
  for (const p of body.problems)
    console.log(`  - ${where(p)}${p.field ? ` (${p.field})` : ''}: ${p.message} [${p.reason}]`);
  if (body.problemCount > body.problems.length)
    console.log(`  … và ${body.problemCount - body.problems.length} lỗi khác (chỉ liệt kê ${body.problems.length}).`);
  return status === 200 ? 0 : 1;
}

const CONTENT_TYPES: Record<string, string> = {
  '.csv': 'text/csv; charset=utf-8',
  '.xlsx': 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
};

async function sendFile(): Promise<number> {
  const { sector, kind, file } = args;
  if (!sector || !kind || !file) fail(USAGE);
  const type = CONTENT_TYPES[extname(file).toLowerCase()];
  if (!type) fail(`Only .csv and .xlsx files are imported: ${file}`);
  const size = statSync(file).size;
  const url = `${args.gateway}/files/imports/${encodeURIComponent(sector)}/${encodeURIComponent(kind)}${args['dry-run'] ? '?dryRun=true' : ''}`;
  const started = performance.now();
  const response = await fetch(url, {
    method: 'POST',
    headers: {
      authorization: `Bearer ${await bearer()}`,
      'content-type': type,
      'content-length': String(size),
      'x-file-name': encodeURIComponent(basename(file)),
      accept: 'application/x-ndjson',
    },
    body: Readable.toWeb(createReadStream(file)) as ReadableStream,
    duplex: 'half',
  });
  if (!(response.headers.get('content-type') ?? '').includes('ndjson') || !response.body)
    return printAnswer(response.status, (await response.json()) as ImportResult | ErrorAnswer);
  // Progress lines, then the answer: {"status":…,"result":{…}} or {"status":…,"errors":[…]}.
  let buffered = '';
  let final: { status: number; result?: ImportResult; errors?: ErrorAnswer['errors'] } | undefined;
  const decoder = new TextDecoder();
  for await (const chunk of response.body as unknown as AsyncIterable<Uint8Array>) {
    buffered += decoder.decode(chunk, { stream: true });
    let end: number;
    while ((end = buffered.indexOf('\n')) >= 0) {
      const line = JSON.parse(buffered.slice(0, end)) as Record<string, unknown>;
      buffered = buffered.slice(end + 1);
      const progress = line.progress as { phase: string; rows: number; of: number } | undefined;
      if (progress) {
        const label = { read: 'đọc tệp', check: 'kiểm tra', write: 'ghi' }[progress.phase] ?? progress.phase;
        const done =
          progress.phase === 'read'
            ? `${Math.round((100 * progress.rows) / Math.max(1, progress.of))}%`
            : `${progress.rows}/${progress.of} dòng`;
        process.stderr.write(`\r${label}: ${done}          `);
      } else final = line as typeof final;
    }
  }
  process.stderr.write('\n');
  if (!final) fail('The gateway closed the answer before the result.');
  console.error(`(${((performance.now() - started) / 1000).toFixed(1)} s)`);
  return printAnswer(final.status, final.result ?? { errors: final.errors ?? [] });
}

async function saveTemplate(): Promise<number> {
  const { sector, template, out } = args;
  if (!sector || !template || !out) fail(USAGE);
  const query = new URLSearchParams();
  if (args.unit) query.set('unit', args.unit);
  if (args.year) query.set('year', args.year);
  if (args.filled) query.set('filled', 'true');
  const response = await fetch(
    `${args.gateway}/files/templates/${encodeURIComponent(sector)}/${encodeURIComponent(template)}.xlsx?${query.toString()}`,
    { headers: { authorization: `Bearer ${await bearer()}` } },
  );
  if (response.status !== 200) return printAnswer(response.status, (await response.json()) as ErrorAnswer);
  await writeFile(out, Buffer.from(await response.arrayBuffer()));
  console.log(`Đã lưu mẫu vào ${out}.`);
  return 0;
}

try {
  process.exit(args.template ? await saveTemplate() : await sendFile());
} catch (error) {
  fail(`The import failed: ${(error as Error).message} (is the gateway running at ${args.gateway}?)`);
}
