import { randomUUID } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import DataLoader from 'dataloader';

import { execute, loaderPerArgument, rowsByParentLoader, sql, type SqlQueryable } from '@ecd/database';
import {
  readIndicatorRegistry,
  readProvinceSuccessions,
  UNIT_LISTS,
  unitIndexFor,
  type UnitList,
} from '@ecd/reference-data';
import {
  fromIsoDate,
  keysetPage,
  problem,
  todayInVietnam,
  toIsoDate,
  unitKeyString,
  type InputProblem,
  type Logger,
  type ScopeGuard,
  type UnitKey,
} from '@ecd/service-kit';

import { catalogueFingerprint, generateAgencyCatalogue, type CatalogueSources } from '../domain/agency-catalogue.js';
import {
  agencyChange,
  agencyDocumentProblems,
  entryState,
  normalisedState,
  type AgencyChange,
  type AgencyState,
  type UnitOn,
} from '../domain/agency-document.js';
import { agencyBelongsToScope } from '../domain/agency-scope.js';
import { rejectAtPaths, zodProblems } from '../domain/document-problems.js';
import { parseDocumentText, type DocumentFormat } from '../domain/plan-documents.js';
import { AGENCY_FILE_FIELDS, agencyRegistrySchema, type AgencyEntry } from '../domain/registry-files.js';
import { assertUnitCode } from '../domain/unit-code.js';
import {
  Prisma,
  type AdministrativeUnit,
  type Agency,
  type AgencyFunction,
  type AgencyOrigin,
  type AgencyRevision,
  type Indicator,
  type PrismaClient,
  type Sector,
  type SectorFunction,
} from '../generated/prisma/client.js';
import { isoInterval, isValidOn, present, rowByKeyLoader, validOn } from './rows.js';
import { ancestorsOf, findUnits, keyOrNull, unitKeyOf, withAncestors } from './units.js';

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
  const revisions = rowsByParentLoader(
    (codes) =>
      prisma.agencyRevision.findMany({ where: { agencyCode: { in: codes } }, orderBy: [{ at: 'asc' }, { id: 'asc' }] }),
    (r: AgencyRevision) => r.agencyCode,
  );

  return {
    /** The indicator with this code, or null. */
    findIndicator: (code: string) => indicator.load(code),
    /** The indicator a stored row names (it must exist). */
    indicator: async (code: string) => present(await indicator.load(code), `Indicator ${code}`),
    /** The agency a stored row names (it must exist). */
    agency: async (code: string) => present(await agency.load(code), `Agency ${code}`),
    /** The agency with this code, or null. */
    findAgency: (code: string) => agency.load(code),
    /** The changes made to an agency through imports, oldest first, each entry as a JSON document. */
    async revisions(of: Pick<Agency, 'code'>) {
      return (await revisions.load(of.code)).map((r) => ({
        importId: r.importId,
        at: r.at.toISOString(),
        actor: r.actor,
        previous: r.previous === null ? null : JSON.stringify(r.previous),
        current: JSON.stringify(r.current),
      }));
    },
    /** Checks an agency document and, unless a dry run, adds and corrects its agencies (see importAgencies), with the agencies now held. */
    async import(text: string, options: AgencyImportOptions) {
      const summary = await importAgencies(prisma, text, options);
      const written = summary.dryRun ? [] : [...summary.created, ...summary.corrected];
      return {
        ...summary,
        agencies: written.length
          ? await prisma.agency.findMany({ where: { code: { in: written } }, orderBy: { code: 'asc' } })
          : [],
      };
    },
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

// ---------------------------------------------------------------------------------------------
// The agency catalogue: generated for every unit, data/agencies.yaml on top, imports on top of both.
// ---------------------------------------------------------------------------------------------

const AGENCY_REGISTRY = 'agencies';
const REGISTRY_FILE = 'agencies.yaml';

/** An agency entry ready to be stored: its unit by first day of validity, and where it comes from. */
interface StoredEntry {
  entry: AgencyEntry;
  unitValidFrom: string | null;
  origin: AgencyOrigin;
}

/** The sources of the generated catalogue: the official lists as the unit index reads them (read once per process). */
function catalogueSources(): CatalogueSources {
  const [before, after] = UNIT_LISTS;
  if (!before || !after) throw new Error('@ecd/reference-data holds fewer than two unit lists');
  const units = (list: UnitList) => [...unitIndexFor(list).byCode.values()];
  return {
    before: { list: before, units: units(before) },
    after: { list: after, units: units(after) },
    provinces: readProvinceSuccessions(),
  };
}

/** A finder of the unit that had a code on a day, from one query for every code a document names. */
async function unitFinder(db: Pick<PrismaClient, 'administrativeUnit'>, codes: readonly string[]): Promise<UnitOn> {
  const units = codes.length
    ? await db.administrativeUnit.findMany({
        where: { code: { in: [...new Set(codes)] } },
        select: { code: true, validFrom: true, validTo: true },
      })
    : [];
  const byCode = new Map<string, typeof units>();
  for (const unit of units) byCode.set(unit.code, [...(byCode.get(unit.code) ?? []), unit]);
  return (code, asOf) => {
    const day = fromIsoDate(asOf);
    const unit = byCode.get(code)?.find((u) => isValidOn(u, day));
    return unit ? { validFrom: toIsoDate(unit.validFrom) } : undefined;
  };
}

/** The document's agencies, or every problem of its format (each with its path). */
function parseAgencyDocument(
  text: string,
  format: DocumentFormat,
): { agencies?: AgencyEntry[]; problems: InputProblem[] } {
  const { value, problems } = parseDocumentText(text, format);
  if (problems.length) return { problems };
  const parsed = agencyRegistrySchema.safeParse(value);
  if (!parsed.success)
    return {
      problems: zodProblems(parsed.error, {
        fields: AGENCY_FILE_FIELDS,
        documentName: 'tệp danh mục cơ quan',
        input: value,
      }),
    };
  return { agencies: parsed.data.agencies, problems: [] };
}

/**
 * Stores entries in bulk, three statements whatever their number (arrays unnested, one parameter per
 * column): agencies inserted or updated in one (never one imported unless by an import: a start leaves
 * those out, and the statement refuses to touch one anyway), their functions deleted and inserted in two.
 */
async function storeEntries(tx: SqlQueryable, entries: readonly StoredEntry[]): Promise<void> {
  if (!entries.length) return;
  const column = <T>(pick: (e: StoredEntry) => T) => entries.map(pick);
  const codes = column((e) => e.entry.code);
  await execute(
    tx,
    sql`INSERT INTO agency (code, name, kind, unit_code, unit_valid_from, valid_from, valid_to, origin, updated_at)
        SELECT code, name, kind::"AgencyKind", unit_code, unit_valid_from, valid_from, valid_to, origin::"AgencyOrigin", now()
          FROM unnest(${codes}::text[], ${column((e) => e.entry.name)}::text[], ${column((e) => e.entry.kind)}::text[],
                      ${column((e) => e.entry.unit?.code ?? null)}::text[], ${column((e) => e.unitValidFrom)}::date[],
                      ${column((e) => e.entry.validFrom)}::date[], ${column((e) => e.entry.validTo)}::date[],
                      ${column((e) => e.origin)}::text[])
            AS given(code, name, kind, unit_code, unit_valid_from, valid_from, valid_to, origin)
        ON CONFLICT (code) DO UPDATE SET name = EXCLUDED.name, kind = EXCLUDED.kind, unit_code = EXCLUDED.unit_code,
               unit_valid_from = EXCLUDED.unit_valid_from, valid_from = EXCLUDED.valid_from, valid_to = EXCLUDED.valid_to,
               origin = EXCLUDED.origin, updated_at = EXCLUDED.updated_at
         WHERE agency.origin <> 'IMPORT' OR EXCLUDED.origin = 'IMPORT'`,
  );
  await execute(tx, sql`DELETE FROM agency_function WHERE agency_code = ANY(${codes}::text[])`);
  const functions = entries.flatMap(({ entry }) => entry.functions.map((f) => ({ code: entry.code, ...f })));
  await execute(
    tx,
    sql`INSERT INTO agency_function (id, agency_code, function, valid_from, valid_to)
        SELECT gen_random_uuid(), agency_code, function::"SectorFunction", valid_from, valid_to
          FROM unnest(${functions.map((f) => f.code)}::text[], ${functions.map((f) => f.function)}::text[],
                      ${functions.map((f) => f.validFrom)}::date[], ${functions.map((f) => f.validTo)}::date[])
            AS given(agency_code, function, valid_from, valid_to)`,
  );
}

/**
 * The agency catalogue a start loads: the standard agencies of every unit (generated from the official
 * lists, domain/agency-catalogue.ts), then data/agencies.yaml, whose entries add others and replace
 * generated ones of the same code. Loaded in bulk, and only when it changed since the last start (its
 * fingerprint: the rules' version, the unit lists and the file); what was imported through the API is
 * never overwritten. An invalid registry file stops the start with every problem listed.
 */
async function loadAgencyCatalogue(prisma: PrismaClient, logger: Logger): Promise<void> {
  const started = performance.now();
  const fileText = await readFile(new URL(REGISTRY_FILE, DATA_DIR), 'utf8');
  const fingerprint = catalogueFingerprint(UNIT_LISTS, fileText);
  const held = await prisma.registryVersion.findUnique({ where: { name: AGENCY_REGISTRY } });
  if (held?.fingerprint === fingerprint) {
    logger.info({ agencies: held.entries, ms: Math.round(performance.now() - started) }, 'agency catalogue unchanged');
    return;
  }

  const { agencies: fileEntries, problems } = parseAgencyDocument(fileText, 'YAML');
  const unitOn = await unitFinder(
    prisma,
    (fileEntries ?? []).flatMap((a) => (a.unit ? [a.unit.code] : [])),
  );
  const all = fileEntries ? agencyDocumentProblems(fileEntries, unitOn) : problems;
  if (!fileEntries || all.length)
    throw new Error(`data/${REGISTRY_FILE} is invalid:\n${all.map((p) => `  ${p.field}: ${p.message}`).join('\n')}`);

  const catalogue = new Map<string, StoredEntry>();
  for (const entry of generateAgencyCatalogue(catalogueSources()))
    catalogue.set(entry.code, { entry, unitValidFrom: entry.unit?.asOf ?? null, origin: 'GENERATED' });
  for (const entry of fileEntries) {
    const unitValidFrom = entry.unit ? (unitOn(entry.unit.code, entry.unit.asOf)?.validFrom ?? null) : null;
    catalogue.set(entry.code, { entry, unitValidFrom, origin: 'REGISTRY_FILE' });
  }
  const imported = new Set(
    (await prisma.agency.findMany({ where: { origin: 'IMPORT' }, select: { code: true } })).map((a) => a.code),
  );
  const entries = [...catalogue.values()].filter((e) => !imported.has(e.entry.code));
  await prisma.$transaction(async (tx) => {
    await storeEntries(tx, entries);
    const version = { fingerprint, entries: catalogue.size, loadedAt: new Date() };
    await tx.registryVersion.upsert({
      where: { name: AGENCY_REGISTRY },
      create: { name: AGENCY_REGISTRY, ...version },
      update: version,
    });
  });
  logger.info(
    {
      agencies: catalogue.size,
      fromFile: fileEntries.length,
      keptImported: imported.size,
      ms: Math.round(performance.now() - started),
    },
    'agency catalogue loaded',
  );
}

/**
 * Loads the indicator registry and the agency catalogue at start-up, each in one transaction. An
 * invalid registry file stops the start with every problem listed.
 */
export async function loadRegistries(prisma: PrismaClient, logger: Logger): Promise<void> {
  const indicators = readIndicatorRegistry();
  await prisma.$transaction(async (tx) => {
    for (const { code, ...indicator } of indicators) {
      await tx.indicator.upsert({ where: { code }, create: { code, ...indicator }, update: indicator });
    }
  });
  await loadAgencyCatalogue(prisma, logger);
  logger.info({ indicators: indicators.length }, 'registries loaded');
}

// ---------------------------------------------------------------------------------------------
// Agencies added or corrected through the API (importAgencies) or the `agencies` command.
// ---------------------------------------------------------------------------------------------

export interface AgencyImportOptions {
  format: DocumentFormat;
  dryRun: boolean;
  actor: string;
  /** Each agency's unit (old and new) must lie in the person's territory; a national body needs a national role. */
  scope: ScopeGuard;
}

export interface AgencyImportSummary {
  /** Identifies the import's revisions (and its audit row); null on a dry run. */
  id: string | null;
  dryRun: boolean;
  created: string[];
  corrected: string[];
  unchanged: string[];
}

const stateOf = (agency: Agency & { functions: AgencyFunction[] }): AgencyState =>
  normalisedState({
    code: agency.code,
    name: agency.name,
    kind: agency.kind,
    unit:
      agency.unitCode && agency.unitValidFrom
        ? { code: agency.unitCode, validFrom: toIsoDate(agency.unitValidFrom) }
        : null,
    ...isoInterval(agency),
    functions: agency.functions.map((f) => ({ function: f.function, ...isoInterval(f) })),
  });

/**
 * Adds or corrects agencies from a document in the registry file's format: checks everything first
 * (its format; that every agency, as given and as held, lies in the person's territory; then codes, units
 * on their days, periods and functions, every problem at once), then writes every agency that changes in
 * one transaction, or (dry run) nothing. A correction replaces the agency's entry and keeps the one it replaces in
 * agency_revision; nothing is deleted: an agency that ceased is given its last day (validTo).
 */
export async function importAgencies(
  prisma: PrismaClient,
  text: string,
  options: AgencyImportOptions,
): Promise<AgencyImportSummary> {
  const reject = (problems: readonly InputProblem[]): never =>
    rejectAtPaths('Tệp danh mục cơ quan', 'document', 'INVALID_AGENCY_DOCUMENT', problems);
  const { agencies, problems } = parseAgencyDocument(text, options.format);
  if (!agencies) return reject(problems);
  const unitOn = await unitFinder(
    prisma,
    agencies.flatMap((a) => (a.unit ? [a.unit.code] : [])),
  );
  const held = new Map(
    (
      await prisma.agency.findMany({
        where: { code: { in: agencies.map((a) => a.code) } },
        include: { functions: true },
      })
    ).map((a) => [a.code, a]),
  );
  const unitValidFromOf = (entry: AgencyEntry) =>
    entry.unit ? (unitOn(entry.unit.code, entry.unit.asOf)?.validFrom ?? null) : null;
  // The person's territory first, as importPlan does: an agency outside it is refused before its content
  // is discussed. Each agency as given (a unit that did not exist is left to its problem below) and as held.
  agencies.forEach((entry, i) => {
    const unitValidFrom = unitValidFromOf(entry);
    if (!entry.unit || unitValidFrom)
      options.scope.assertCoversScope(
        entry.unit && unitValidFrom ? { code: entry.unit.code, validFrom: unitValidFrom } : null,
        `document.agencies[${i}].unit`,
      );
    const before = held.get(entry.code);
    if (before)
      options.scope.assertCoversScope(
        before.unitCode && before.unitValidFrom ? { code: before.unitCode, validFrom: before.unitValidFrom } : null,
        `document.agencies[${i}].code`,
      );
  });
  const found = agencyDocumentProblems(agencies, unitOn);
  if (found.length) return reject(found);

  const changes = agencies.map((entry) => {
    const unitValidFrom = unitValidFromOf(entry);
    const before = held.get(entry.code);
    const previous = before ? stateOf(before) : undefined;
    const next = entryState(entry, unitValidFrom);
    return { entry, unitValidFrom, previous, next, change: agencyChange(previous, next) };
  });
  const codesOf = (change: AgencyChange) => changes.filter((c) => c.change === change).map((c) => c.entry.code);
  const summary = {
    dryRun: options.dryRun,
    created: codesOf('CREATED'),
    corrected: codesOf('CORRECTED'),
    unchanged: codesOf('UNCHANGED'),
  };
  if (options.dryRun) return { id: null, ...summary };

  const id = randomUUID();
  const written = changes.filter((c) => c.change !== 'UNCHANGED');
  await prisma.$transaction(async (tx) => {
    await storeEntries(
      tx,
      written.map((c) => ({ entry: c.entry, unitValidFrom: c.unitValidFrom, origin: 'IMPORT' as const })),
    );
    await tx.agencyRevision.createMany({
      data: written.map((c) => ({
        importId: id,
        agencyCode: c.entry.code,
        previous: c.previous ? { ...c.previous } : Prisma.DbNull,
        current: { ...c.next },
        actor: options.actor,
      })),
    });
  });
  return { id, ...summary };
}

// ---------------------------------------------------------------------------------------------
// A plan's agencies belong to its scope (checked by importPlan).
// ---------------------------------------------------------------------------------------------

/**
 * The agencies a plan names that do not belong to its scope (domain/agency-scope.ts), each a problem at
 * its path in the plan file (`tasks[3].coordinating[1]`). Agencies not in the registry are left to the
 * plan's own checks (UNKNOWN_AGENCY); so is a scope that names no unit.
 */
export async function agencyScopeProblems(
  prisma: PrismaClient,
  named: readonly { path: string; code: string }[],
  scope: UnitKey | null,
): Promise<InputProblem[]> {
  if (!scope || !named.length) return [];
  const agencies = new Map(
    (
      await prisma.agency.findMany({
        where: { code: { in: [...new Set(named.map((n) => n.code))] } },
        select: { code: true, name: true, unitCode: true, unitValidFrom: true },
      })
    ).map((a) => [a.code, a]),
  );
  // A unit of the scope's own list: its chain of units above, from the database (the plans of a unit list
  // name its agencies); a unit of the other list: its ground across the reform (domain/agency-scope.ts).
  const sameList = [...agencies.values()].flatMap((a) => {
    const unit = keyOrNull(a.unitCode, a.unitValidFrom);
    return unit && unit.validFrom === scope.validFrom ? [unit] : [];
  });
  const tree = await withAncestors(prisma, await findUnits(prisma, sameList));
  const within = (unit: UnitKey) => {
    if (unit.validFrom !== scope.validFrom) return agencyBelongsToScope(unit, scope);
    const found = tree.get(unitKeyString(unit));
    return (
      found !== undefined && ancestorsOf(found, tree).some((u) => unitKeyString(unitKeyOf(u)) === unitKeyString(scope))
    );
  };
  return named.flatMap(({ path, code }) => {
    const agency = agencies.get(code);
    if (!agency) return [];
    const unit = keyOrNull(agency.unitCode, agency.unitValidFrom);
    if (unit === null || within(unit)) return [];
    return [
      problem(
        path,
        'AGENCY_OUTSIDE_PLAN_SCOPE',
        `Cơ quan "${code}" (${agency.name}) không thuộc địa bàn của kế hoạch (đơn vị ${scope.code}); kế hoạch chỉ giao cho cơ quan của địa bàn, của đơn vị trong địa bàn hoặc cơ quan trung ương.`,
      ),
    ];
  });
}
