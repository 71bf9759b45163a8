import { auditData, type SharedData } from '@ecd/database';

import type { PrismaClient } from '../generated/prisma/client.js';
import { figureFileData } from './figure-files.js';
import { planData } from './plans.js';
import { progressData } from './progress.js';
import { recordData } from './records.js';
import { referralData } from './referrals.js';
import { registryData } from './registry.js';
import { reportingData } from './reporting.js';
import { unitData } from './units.js';

/**
 * The data layer of one request: every feature's reads (batched by DataLoaders made for this request,
 * so their caches last one request) and writes. `childKeySecret`: the secret sectors share to derive a
 * child's key (CHILD_KEY_SECRET); `shared`: the figure cache.
 */
export function createDataLayer(
  prisma: PrismaClient,
  childKeySecret: string,
  { figureCache, figureReader }: SharedData,
) {
  const units = unitData(prisma);
  const registry = registryData(prisma);
  const plans = planData(prisma, { registry });
  return {
    units,
    registry,
    plans,
    progress: progressData(prisma, { registry, plans, units, figureCache, figureReader }),
    figureFiles: figureFileData(prisma, { registry }),
    reporting: reportingData(prisma, { plans, registry }),
    records: recordData(prisma, childKeySecret),
    referrals: referralData(prisma, childKeySecret, { units }),
    audit: auditData(prisma),
  };
}

export type DataLayer = ReturnType<typeof createDataLayer>;
