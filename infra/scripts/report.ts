/**
 * `npm run report -- --plan <key> --unit 20 --year 2025 --user lead.langson --out report.docx`: downloads
 * the annual report (or `--format xlsx|dhis2|status`) from the running gateway's download path, as that
 * user, exactly as a browser or curl would (README, "Reports and exports"). Prints the file written, or
 * the gateway's refusal (its reason and Vietnamese message) and exits 1.
 */
import { writeFile } from 'node:fs/promises';
import { basename, resolve } from 'node:path';

import { DEFAULT_KEYS_DIR } from '@ecd/service-kit';
import { DEMO_USERS, developmentKeys, signDevelopmentToken } from '@ecd/service-kit/development';

import { infraEnv } from './env.js';
import { dispositionFileName, reportRequest, USAGE } from './report-request.js';

const request = reportRequest(process.argv.slice(2), `http://127.0.0.1:${infraEnv.GATEWAY_PORT}`);
if ('error' in request) {
  console.error(`${request.error}\n\n${USAGE}`);
  process.exit(2);
}

let token = request.token;
if (!token) {
  const user = request.user ?? 'lead.langson';
  if (!(user in DEMO_USERS)) {
    console.error(`Unknown demo user "${user}" (npm run token lists them); or give --token.`);
    process.exit(2);
  }
  // The keys `npm start` and `npm run token` use.
  const keysDir = infraEnv.ECD_KEYS_DIR ?? (infraEnv.ECD_DATA_DIR ? `${infraEnv.ECD_DATA_DIR}/keys` : DEFAULT_KEYS_DIR);
  token = await signDevelopmentToken(developmentKeys(keysDir), user, { expiresIn: '5m' });
}

let response: Response;
try {
  response = await fetch(request.url, { headers: { authorization: `Bearer ${token}` } });
} catch (error) {
  console.error(
    `Cannot reach the gateway at ${new URL(request.url).origin} (${(error as Error).message}); start it with npm start.`,
  );
  process.exit(1);
}
if (!response.ok) {
  const body = (await response.json().catch(() => null)) as {
    errors?: { message: string; extensions?: { reason?: string; field?: string } }[];
  } | null;
  console.error(`HTTP ${response.status}`);
  for (const e of body?.errors ?? [])
    console.error(
      `  ${e.extensions?.reason ?? 'ERROR'}${e.extensions?.field ? ` (${e.extensions.field})` : ''}: ${e.message}`,
    );
  process.exit(1);
}
const bytes = Buffer.from(await response.arrayBuffer());
// Relative to where the command was typed, not to the repository's root where npm runs it.
const out = resolve(
  infraEnv.INIT_CWD ?? '.',
  request.out ?? basename(dispositionFileName(response.headers.get('content-disposition')) ?? 'download'),
);
await writeFile(out, bytes);
console.log(`${out} (${bytes.length} bytes)`);
