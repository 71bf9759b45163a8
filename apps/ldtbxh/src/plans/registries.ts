import { readFile } from 'node:fs/promises';
import { fromIsoDate, type Logger } from '@ecd/service-kit';
import type { PrismaClient } from '../generated/prisma/client.js';
import { agencyRegistrySchema, indicatorRegistrySchema } from '../domain/registry-files.js';
import { problemsFromZod } from '../domain/plan-validation.js';
import { parseDocumentText } from './plan-documents.js';
import { unitValidFromOn } from '../units/validity.js';

export const DATA_DIR = new URL('../../data/', import.meta.url);

async function readRegistry<S extends typeof indicatorRegistrySchema | typeof agencyRegistrySchema>(file: string, schema: S) {
  const { value, problems } = parseDocumentText(await readFile(new URL(file, DATA_DIR), 'utf8'), 'YAML');
  const parsed = problems.length ? undefined : schema.safeParse(value);
  const all = parsed && !parsed.success ? problemsFromZod(parsed.error) : problems;
  if (!parsed?.success) throw new Error(`data/${file} is invalid:\n${all.map((p) => `  ${p.path}: ${p.message}`).join('\n')}`);
  return parsed.data as ReturnType<S['parse']>;
}

/**
 * Loads the indicator and agency registries from `data/` at start-up, updating what changed, in
 * one transaction. An invalid registry file stops the start with every problem listed.
 */
export async function loadRegistries(prisma: PrismaClient, logger: Logger): Promise<void> {
  const { indicators } = await readRegistry('indicators.yaml', indicatorRegistrySchema);
  const { agencies } = await readRegistry('agencies.yaml', agencyRegistrySchema);
  const units = await Promise.all(agencies.map((a) => (a.unit ? unitValidFromOn(prisma, a.unit.code, a.unit.asOf) : null)));
  const unknown = agencies.filter((a, i) => a.unit && !units[i]);
  if (unknown.length) throw new Error(`data/agencies.yaml names units that did not exist then: ${unknown.map((a) => `${a.code} → ${a.unit!.code} on ${a.unit!.asOf}`).join(', ')}`);

  await prisma.$transaction(async (tx) => {
    for (const { code, ...indicator } of indicators) {
      await tx.indicator.upsert({ where: { code }, create: { code, ...indicator }, update: indicator });
    }
    for (const [i, { code, functions, unit, validFrom, validTo, ...agency }] of agencies.entries()) {
      const data = {
        ...agency,
        unitCode: unit?.code ?? null,
        unitValidFrom: units[i] ?? null,
        validFrom: fromIsoDate(validFrom),
        validTo: validTo ? fromIsoDate(validTo) : null,
      };
      await tx.agency.upsert({ where: { code }, create: { code, ...data }, update: data });
      await tx.agencyFunction.deleteMany({ where: { agencyCode: code } });
      await tx.agencyFunction.createMany({
        data: functions.map((f) => ({ agencyCode: code, function: f.function, validFrom: fromIsoDate(f.validFrom), validTo: f.validTo ? fromIsoDate(f.validTo) : null })),
      });
    }
  });
  logger.info({ indicators: indicators.length, agencies: agencies.length }, 'registries loaded');
}
