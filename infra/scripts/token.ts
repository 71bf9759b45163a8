/**
 * `npm run token -- <user>`: prints a bearer token of the embedded default's development issuer for a
 * demo user, so scripts and the web application can sign in. Without a user it lists them.
 * The keys are those `npm start` uses: `.data/keys`, or `$ECD_DATA_DIR/keys` (created on first use).
 */
import { DEFAULT_KEYS_DIR, ROLE_LABELS } from '@ecd/service-kit';
import { DEMO_USERS, developmentKeys, signDevelopmentToken } from '@ecd/service-kit/development';

import { infraEnv } from './env.js';

const [user, ...rest] = process.argv.slice(2).filter((a) => a !== '--');
// The folder `npm start` uses: its ECD_DATA_DIR's keys when one is given.
const keysDir = infraEnv.ECD_KEYS_DIR ?? (infraEnv.ECD_DATA_DIR ? `${infraEnv.ECD_DATA_DIR}/keys` : DEFAULT_KEYS_DIR);

if (!user || !(user in DEMO_USERS)) {
  if (user) console.error(`Unknown demo user "${user}".`);
  console.error('Usage: npm run token -- <user> [--expires 8h]\n\nDemo users:');
  for (const [name, u] of Object.entries(DEMO_USERS)) {
    const roles = u.roles.map((r) => ROLE_LABELS[r]).join(', ');
    console.error(
      `  ${name.padEnd(20)} ${roles}; ${u.sector ?? 'mọi ngành'}; đơn vị ${u.unitCode ?? 'toàn quốc'} — ${u.description}`,
    );
  }
  process.exit(user ? 1 : 0);
}
const expiresIndex = rest.indexOf('--expires');
const expiresIn = expiresIndex >= 0 ? rest[expiresIndex + 1] : undefined;
console.log(await signDevelopmentToken(developmentKeys(keysDir), user, expiresIn ? { expiresIn } : {}));
