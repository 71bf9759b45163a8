/**
 * Commands for the lead agency's data team, run from apps/ldtbxh:
 *   npm run plan -- schema                  write data/plan.schema.json from the plan file definition
 *   npm run plan -- import <file> [--dry-run] [--json]   check (and import) a plan file into this subgraph's database
 *   npm run plan -- export <key> [--json]   print a plan as a plan file
 *   npm run plan -- agencies <file> [--dry-run] [--json]   check (and add or correct) agencies from a file in
 *                                           the format of data/agencies.yaml; every problem is printed with its path
 * The database is the subgraph's own: DATABASE_URL, or the embedded one in DATA_DIR.
 */
import { readFile, writeFile } from 'node:fs/promises';
import { GraphQLError } from 'graphql';

import { openDatabase, TRANSACTION_LIMITS } from '@ecd/database';
import { createLogger, SYSTEM_SCOPE } from '@ecd/service-kit';

import { exportPlanByKey, importPlan } from './data/plans.js';
import { DATA_DIR, importAgencies, loadRegistries } from './data/registry.js';
import { loadReferenceUnits } from './data/units.js';
import type { PathProblem } from './domain/document-problems.js';
import { planFileJsonSchema } from './domain/plan-file.js';
import { commandUser, loadEnv } from './env.js';
import { PrismaClient } from './generated/prisma/client.js';

const [command, argument, ...flags] = process.argv.slice(2);
const format = flags.includes('--json') ? 'JSON' : 'YAML';

async function withDatabase<T>(work: (prisma: PrismaClient) => Promise<T>): Promise<T> {
  const env = loadEnv();
  const logger = createLogger('ldtbxh-cli', 'warn');
  const database = await openDatabase({
    url: env.DATABASE_URL,
    dataDir: env.DATA_DIR,
    migrationsDir: new URL('../prisma/migrations', import.meta.url).pathname,
    logger,
  });
  const prisma = new PrismaClient({ adapter: database.adapter, transactionOptions: TRANSACTION_LIMITS });
  try {
    await loadReferenceUnits(prisma, logger);
    await loadRegistries(prisma, logger);
    return await work(prisma);
  } finally {
    await prisma.$disconnect();
    await database.close();
  }
}

/** A refused document: its message and each problem on its path (exit status 1); anything else is rethrown. */
function printRefusal(error: unknown): number {
  if (!(error instanceof GraphQLError)) throw error;
  console.error(error.message);
  for (const p of (error.extensions.problems as PathProblem[] | undefined) ?? [])
    console.error(`  ${p.path}: ${p.message}`);
  return 1;
}

async function main(): Promise<number> {
  switch (command) {
    case 'schema':
      await writeFile(new URL('plan.schema.json', DATA_DIR), `${JSON.stringify(planFileJsonSchema(), null, 2)}\n`);
      console.log('wrote data/plan.schema.json');
      return 0;
    case 'import': {
      if (!argument) break;
      const text = await readFile(argument, 'utf8');
      const dryRun = flags.includes('--dry-run');
      try {
        const { summary } = await withDatabase((prisma) =>
          importPlan(prisma, text, { format, dryRun, actor: `cli:${commandUser()}`, scope: SYSTEM_SCOPE }),
        );
        console.log(`${dryRun ? 'checked (nothing written)' : 'imported'}: ${JSON.stringify(summary)}`);
        return 0;
      } catch (error) {
        return printRefusal(error);
      }
    }
    case 'agencies': {
      if (!argument) break;
      const text = await readFile(argument, 'utf8');
      const dryRun = flags.includes('--dry-run');
      try {
        const summary = await withDatabase((prisma) =>
          importAgencies(prisma, text, { format, dryRun, actor: `cli:${commandUser()}`, scope: SYSTEM_SCOPE }),
        );
        const counts = `${summary.created.length} added, ${summary.corrected.length} corrected, ${summary.unchanged.length} unchanged`;
        console.log(`${dryRun ? 'checked (nothing written)' : `imported (import ${summary.id})`}: ${counts}`);
        for (const [what, codes] of [
          ['added', summary.created],
          ['corrected', summary.corrected],
        ] as const)
          if (codes.length) console.log(`  ${what}: ${codes.join(', ')}`);
        return 0;
      } catch (error) {
        return printRefusal(error);
      }
    }
    case 'export': {
      if (!argument) break;
      const text = await withDatabase((prisma) => exportPlanByKey(prisma, argument, format));
      if (text === null) {
        console.error(`no plan with key ${argument}`);
        return 1;
      }
      process.stdout.write(text);
      return 0;
    }
  }
  console.error(
    'usage: plan schema | plan import <file> [--dry-run] [--json] | plan export <key> [--json] | plan agencies <file> [--dry-run] [--json]',
  );
  return 2;
}

process.exitCode = await main();
