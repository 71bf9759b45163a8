import { readFile } from 'node:fs/promises';
import DataLoader from 'dataloader';

import { loaderPerArgument, rowsByParentLoader } from '@ecd/database';
import { readIndicatorRegistry } from '@ecd/reference-data';
import {
  fromIsoDate,
  keysetPage,
  todayInVietnam,
  toIsoDate,
  unitKeyString,
  type Logger,
  type UnitKey,
} from '@ecd/service-kit';

import { parseDocumentText } from '../domain/plan-documents.js';
import { problemsFromZod } from '../domain/plan-validation.js';
import { agencyRegistrySchema } from '../domain/registry-files.js';
import { assertUnitCode } from '../domain/unit-code.js';
import type {
  AdministrativeUnit,
  Agency,
  AgencyFunction,
  Indicator,
  Prisma,
  PrismaClient,
  Sector,
  SectorFunction,
} from '../generated/prisma/client.js';
import { present, rowByKeyLoader, validOn } from './rows.js';
import { unitKeyOf, unitValidFromOn } from './units.js';

/** The app's data files: the registries, the demo's plans and the plan file's JSON Schema. */
export const DATA_DIR = new URL('../../data/', import.meta.url);

/** The indicator and agency registries: what plans and reports refer to. */
export function registryData(prisma: PrismaClient) {
  const indicator = rowByKeyLoader(
    (codes) => prisma.indicator.findMany({ where: { code: { in: codes } } }),
    (i: Indicator) => i.code,
  );
  const agency = rowByKeyLoader(
    (codes) => prisma.agency.findMany({ where: { code: { in: codes } } }),
    (a: Agency) => a.code,
  );
  // `functions(asOf, history)`: one loader per distinct argument, each a query per batch of agencies.
  const functionsFor = loaderPerArgument<DataLoader<string, AgencyFunction[]>>();
  const agenciesOfUnitOn = loaderPerArgument<DataLoader<UnitKey, Agency[], string>>();

  return {
    /** The indicator with this code, or null. */
    findIndicator: (code: string) => indicator.load(code),
    /** The indicator a stored row names (it must exist). */
    indicator: async (code: string) => present(await indicator.load(code), `Indicator ${code}`),
    /** The agency a stored row names (it must exist). */
    agency: async (code: string) => present(await agency.load(code), `Agency ${code}`),
    /** The agencies with these codes that exist in the registry, in the order given. */
    agencies: async (codes: readonly string[]) =>
      (await agency.loadMany(codes)).filter((a): a is Agency => a !== null && !(a instanceof Error)),
    /** The codes of the indicators a sector owns. */
    ownedIndicatorCodes: async (sector: Sector) =>
      new Set((await prisma.indicator.findMany({ where: { sector }, select: { code: true } })).map((i) => i.code)),
    /** Indicators, optionally of one sector, a page at a time in code order. */
    indicatorPage(args: { sector?: Sector | null; first?: number | null; after?: string | null }) {
      const where: Prisma.IndicatorWhereInput = args.sector ? { sector: args.sector } : {};
      return keysetPage({
        first: args.first,
        after: args.after,
        defaultSize: 100,
        fetch: (cursor, take) =>
          prisma.indicator.findMany({
            where: cursor ? { AND: [where, { code: { gt: cursor } }] } : where,
            orderBy: { code: 'asc' },
            take,
          }),
        count: () => prisma.indicator.count({ where }),
        sortKey: (i) => i.code,
      });
    },
    /** Agencies in force on a day, optionally of one unit code and performing one function then, a page at a time. */
    agencyPage(args: {
      unitCode?: string | null;
      sectorFunction?: SectorFunction | null;
      asOf?: Date | null;
      first?: number | null;
      after?: string | null;
    }) {
      const day = args.asOf ?? todayInVietnam();
      const where: Prisma.AgencyWhereInput = {
        ...validOn(day),
        ...(args.unitCode ? { unitCode: assertUnitCode(args.unitCode, 'unitCode') } : {}),
        ...(args.sectorFunction ? { functions: { some: { function: args.sectorFunction, ...validOn(day) } } } : {}),
      };
      return keysetPage({
        first: args.first,
        after: args.after,
        fetch: (cursor, take) =>
          prisma.agency.findMany({
            where: cursor ? { AND: [where, { code: { gt: cursor } }] } : where,
            orderBy: { code: 'asc' },
            take,
          }),
        count: () => prisma.agency.count({ where }),
        sortKey: (a) => a.code,
      });
    },
    /** The functions an agency performs on a day (today by default), or over its whole history. */
    functions(agency: Agency, asOf: Date | null | undefined, history: boolean | null | undefined) {
      const day = history && !asOf ? null : (asOf ?? todayInVietnam());
      const loader = functionsFor(day ? toIsoDate(day) : 'history', () =>
        rowsByParentLoader(
          (codes) =>
            prisma.agencyFunction.findMany({
              where: { agencyCode: { in: codes }, ...(day ? validOn(day) : {}) },
              orderBy: [{ validFrom: 'asc' }, { function: 'asc' }],
            }),
          (f) => f.agencyCode,
        ),
      );
      return loader.load(agency.code);
    },
    /** The agencies serving a unit on a day (today by default), in code order. */
    agenciesOfUnit(unit: Pick<AdministrativeUnit, 'code' | 'validFrom'>, asOf: Date | null | undefined) {
      const day = asOf ?? todayInVietnam();
      const loader = agenciesOfUnitOn(
        toIsoDate(day),
        () =>
          new DataLoader<UnitKey, Agency[], string>(
            async (keys) => {
              const rows = await prisma.agency.findMany({
                where: { unitCode: { in: [...new Set(keys.map((k) => k.code))] }, ...validOn(day) },
                orderBy: { code: 'asc' },
              });
              return keys.map((k) =>
                rows.filter(
                  (a) =>
                    a.unitCode === k.code && a.unitValidFrom !== null && toIsoDate(a.unitValidFrom) === k.validFrom,
                ),
              );
            },
            { cacheKeyFn: unitKeyString },
          ),
      );
      return loader.load(unitKeyOf(unit));
    },
  };
}

export type RegistryData = ReturnType<typeof registryData>;

async function readRegistry<S extends typeof agencyRegistrySchema>(file: string, schema: S) {
  const { value, problems } = parseDocumentText(await readFile(new URL(file, DATA_DIR), 'utf8'), 'YAML');
  const parsed = problems.length ? undefined : schema.safeParse(value);
  const all = parsed && !parsed.success ? problemsFromZod(parsed.error) : problems;
  if (!parsed?.success)
    throw new Error(`data/${file} is invalid:\n${all.map((p) => `  ${p.field}: ${p.message}`).join('\n')}`);
  return parsed.data as ReturnType<S['parse']>;
}

/**
 * Loads the indicator and agency registries from `data/` at start-up, updating what changed, in
 * one transaction. An invalid registry file stops the start with every problem listed.
 */
export async function loadRegistries(prisma: PrismaClient, logger: Logger): Promise<void> {
  const indicators = readIndicatorRegistry();
  const { agencies } = await readRegistry('agencies.yaml', agencyRegistrySchema);
  const located = await Promise.all(
    agencies.map(async (a) => ({
      agency: a,
      validFrom: a.unit ? await unitValidFromOn(prisma, a.unit.code, a.unit.asOf) : null,
    })),
  );
  const unknown = located.flatMap(({ agency, validFrom }) =>
    agency.unit && !validFrom ? [`${agency.code} → ${agency.unit.code} on ${agency.unit.asOf}`] : [],
  );
  if (unknown.length) throw new Error(`data/agencies.yaml names units that did not exist then: ${unknown.join(', ')}`);

  await prisma.$transaction(async (tx) => {
    for (const { code, ...indicator } of indicators) {
      await tx.indicator.upsert({ where: { code }, create: { code, ...indicator }, update: indicator });
    }
    for (const {
      agency: { code, functions, unit, validFrom, validTo, ...agency },
      validFrom: unitValidFrom,
    } of located) {
      const data = {
        ...agency,
        unitCode: unit?.code ?? null,
        unitValidFrom,
        validFrom: fromIsoDate(validFrom),
        validTo: validTo ? fromIsoDate(validTo) : null,
      };
      await tx.agency.upsert({ where: { code }, create: { code, ...data }, update: data });
      await tx.agencyFunction.deleteMany({ where: { agencyCode: code } });
      await tx.agencyFunction.createMany({
        data: functions.map((f) => ({
          agencyCode: code,
          function: f.function,
          validFrom: fromIsoDate(f.validFrom),
          validTo: f.validTo ? fromIsoDate(f.validTo) : null,
        })),
      });
    }
  });
  logger.info({ indicators: indicators.length, agencies: agencies.length }, 'registries loaded');
}
