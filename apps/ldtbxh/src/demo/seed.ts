import { randomUUID } from 'node:crypto';
import { readdir, readFile } from 'node:fs/promises';

import { bulkInsert, type SubgraphEnv } from '@ecd/database';
import { SYSTEM_SCOPE, type Logger } from '@ecd/service-kit';
import { DEMO_PROGRESS_UNITS, DEMO_SEED, demoFigures } from '@ecd/synthetic-data';

import { SOCIAL_AFFAIRS_COMPUTED } from '../data/computed-indicators.js';
import { heldPlanKeys, importPlan } from '../data/plans.js';
import { DATA_DIR } from '../data/registry.js';
import { parseDocumentText } from '../domain/plan-documents.js';
import { planFileSchema } from '../domain/plan-file.js';
import type { PrismaClient } from '../generated/prisma/client.js';
import { seedDemoRecords } from './records.js';

export const PLANS_DIR = new URL('plans/', DATA_DIR);

/** The plan files of `data/plans/`, parents before the plans that implement them. */
export async function readPlanFiles(): Promise<{ file: string; key: string; text: string }[]> {
  const files = (await readdir(PLANS_DIR)).filter((f) => f.endsWith('.yaml')).sort();
  const plans = await Promise.all(
    files.map(async (file) => {
      const text = await readFile(new URL(file, PLANS_DIR), 'utf8');
      const { key, parent } = planFileSchema
        .pick({ key: true, parent: true })
        .loose()
        .parse(parseDocumentText(text, 'YAML').value);
      return { file, key, parent, text };
    }),
  );
  const ordered: typeof plans = [];
  const place = (plan: (typeof plans)[number], seen: Set<string>) => {
    if (ordered.includes(plan)) return;
    if (seen.has(plan.key)) throw new Error(`data/plans: a cycle of parents through ${plan.key}`);
    const parent = plans.find((p) => p.key === plan.parent);
    if (parent) place(parent, new Set([...seen, plan.key]));
    ordered.push(plan);
  };
  for (const plan of plans) place(plan, new Set());
  return ordered;
}

/** Imports the seed plans (../shared/seeds, encoded in data/plans) that are not held yet, then the demo's figures and records. */
export async function seedDemo(
  prisma: PrismaClient,
  logger: Logger,
  { CHILD_KEY_SECRET: childKeySecret }: Pick<SubgraphEnv, 'CHILD_KEY_SECRET'>,
): Promise<void> {
  const held = await heldPlanKeys(prisma);
  let imported = 0;
  for (const plan of await readPlanFiles()) {
    if (held.has(plan.key)) continue;
    await importPlan(prisma, plan.text, { format: 'YAML', dryRun: false, actor: 'demo-seed', scope: SYSTEM_SCOPE });
    imported++;
  }
  logger.info({ imported, held: held.size }, 'demo plans imported');
  await seedDemoFigures(prisma, logger);
  await seedDemoRecords(prisma, logger, childKeySecret);
}

/**
 * Figures for the social-affairs indicators of the seed plans' targets that stay reported in aggregate,
 * in the units the plans cover (the computed ones come from the demo records). The final-year level is
 * set from the target's last milestone so that each plan shows a mix in 2025: its first such target
 * reached (2.5 points beyond the milestone), its second not (5 short), and so on.
 */
async function seedDemoFigures(prisma: PrismaClient, logger: Logger): Promise<void> {
  if ((await prisma.indicatorValue.count()) > 0) return;
  const targets = await prisma.planTarget.findMany({
    where: {
      indicator: { sector: 'SOCIAL_AFFAIRS', code: { notIn: Object.keys(SOCIAL_AFFAIRS_COMPUTED) } },
      plan: { scopeUnitCode: { in: [...DEMO_PROGRESS_UNITS] } },
    },
    select: {
      indicatorCode: true,
      planId: true,
      milestones: { orderBy: { year: 'desc' }, take: 1, select: { value: true } },
      plan: { select: { scopeUnitCode: true } },
    },
    orderBy: [{ planId: 'asc' }, { ordinal: 'asc' }],
  });
  const seenInPlan = new Map<string, number>();
  const pairs = new Map<string, { indicatorCode: string; unitCode: string; finalLevel: number | undefined }>();
  for (const { indicatorCode, planId, milestones, plan } of targets) {
    if (!indicatorCode || !plan.scopeUnitCode) continue;
    const position = seenInPlan.get(planId) ?? 0;
    seenInPlan.set(planId, position + 1);
    const milestone = milestones[0]?.value.toNumber();
    const finalLevel = milestone === undefined ? undefined : Math.min(99, milestone + (position % 2 === 0 ? 2.5 : -5));
    pairs.set(`${indicatorCode}|${plan.scopeUnitCode}`, { indicatorCode, unitCode: plan.scopeUnitCode, finalLevel });
  }
  const figures = [...pairs.values()].flatMap(({ indicatorCode, unitCode, finalLevel }) =>
    demoFigures(indicatorCode, unitCode, DEMO_SEED, { finalLevel }),
  );
  await bulkInsert(
    prisma,
    'indicator_value',
    figures.map((f) => ({ id: randomUUID(), ...f, recordedBy: 'demo-seed' })),
  );
  logger.info({ figures: figures.length }, 'demo indicator figures seeded');
}
