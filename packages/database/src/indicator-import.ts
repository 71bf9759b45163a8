import { randomUUID } from 'node:crypto';
import { z } from 'zod';

import { readIndicatorRegistry, unitIndexFor, unitListFor, type IndicatorSector } from '@ecd/reference-data';
import {
  acceptedImport,
  badInput,
  buildTemplate,
  FIRST_YEAR,
  ImportProblems,
  MAX_SOURCE_LENGTH,
  POLICIES,
  problem,
  readDataSheets,
  refusedImport,
  templateIdentityOf,
  type ImportResult,
  type Located,
  type RowReader,
  type TemplateColumn,
  type Upload,
} from '@ecd/service-kit';

import { bulkInsert } from './bulk-insert.js';
import type { TransactionalClient } from './idempotency.js';
import { subgraphImportRoute, subgraphTemplateRoute } from './import-routes.js';
import {
  figureUnit,
  indicatorValueProblems,
  latestFigureVersion,
  type ComputedIndicators,
  type IndicatorValueInput,
  type IndicatorValueRules,
} from './indicator-values.js';
import type { SubgraphRouteTools } from './start-subgraph.js';
import { execute, queryRows, sql, type SqlQueryable } from './typed-sql.js';

/**
 * Aggregate figures from Excel (item 3 of the reporting issue): a template per sector, unit and year
 * listing the indicators the sector records (not those it computes) for the unit and each unit below it,
 * and the import of the filled template (or any CSV/XLSX with its columns), checked row by row with the
 * rules of `recordIndicatorValue`, then written whole in one transaction or not at all. A row whose
 * figure is held already as it is writes nothing (a file imported twice changes nothing); a changed
 * figure (same indicator, unit, year and source) becomes its next version.
 */
export const INDICATOR_IMPORT_KIND = 'indicator-values';
/** The template's version: an upload of another version is refused, so columns can change safely. */
export const INDICATOR_TEMPLATE_VERSION = '1';

export const INDICATOR_COLUMNS: readonly TemplateColumn[] = [
  { field: 'unitCode', label: 'Mã đơn vị', required: true, prefilled: true, width: 12 },
  { field: 'unitName', label: 'Tên đơn vị', prefilled: true, width: 32 },
  { field: 'indicatorCode', label: 'Mã chỉ số', required: true, prefilled: true, width: 36 },
  { field: 'indicatorName', label: 'Tên chỉ số', prefilled: true, width: 70 },
  { field: 'year', label: 'Năm', required: true, prefilled: true, width: 8 },
  {
    field: 'numerator',
    label: 'Tử số hoặc giá trị',
    validation: { type: 'decimal', min: 0 },
    width: 18,
    note: 'Chỉ số tỷ lệ: tử số; chỉ số đếm: số lượng; chỉ số có/không: 1 (có) hoặc 0 (không). Để trống nếu chưa có số liệu.',
  },
  {
    field: 'denominator',
    label: 'Mẫu số',
    validation: { type: 'decimal', min: 0 },
    width: 12,
    note: 'Chỉ ghi cho chỉ số tỷ lệ; lớn hơn 0 và không nhỏ hơn tử số.',
  },
  {
    field: 'source',
    label: 'Nguồn số liệu',
    width: 32,
    note: 'Số hiệu báo cáo. Sửa số liệu đã nhập: giữ nguyên nguồn, số mới trở thành phiên bản mới.',
  },
];

/** Decimals `indicator_value` keeps (numeric(18, 4)): a figure compares equal to what was stored. */
const stored = (value: number | null) => (value === null ? null : Math.round(value * 10_000) / 10_000);

interface FigureRow extends IndicatorValueInput {
  sheet: string;
  row: number;
  denominator: number | null;
  location: NonNullable<ReturnType<typeof indicatorValueProblems>['location']>;
}

const figureKey = (f: Pick<FigureRow, 'indicatorCode' | 'year' | 'unitCode' | 'source'>) =>
  `${f.indicatorCode}|${f.year}|${f.unitCode}|${f.source}`;

const latestRow = z.object({
  indicator_code: z.string(),
  year: z.number(),
  unit_code: z.string(),
  source: z.string(),
  version: z.number(),
  numerator: z.number(),
  denominator: z.number().nullable(),
});

/** The latest version of each figure the rows name, by figureKey. */
async function latestVersions(db: TransactionalClient, rows: readonly FigureRow[]) {
  if (!rows.length) return new Map<string, z.output<typeof latestRow>>();
  const codes = [...new Set(rows.map((r) => r.indicatorCode))];
  const years = [...new Set(rows.map((r) => r.year))];
  const provinces = [...new Set(rows.map((r) => r.location.provinceCode))];
  const found = await queryRows(
    db,
    latestRow,
    sql`SELECT t.indicator_code, t.year, coalesce(t.commune_code, t.district_code, t.province_code) AS unit_code,
               t.source, t.version, t.numerator::float8 AS numerator, t.denominator::float8 AS denominator
          FROM indicator_value t
         WHERE t.indicator_code = ANY(${codes}::text[]) AND t.year = ANY(${years}::int[])
           AND t.province_code = ANY(${provinces}::text[]) AND ${latestFigureVersion('t')}`,
  );
  return new Map(found.map((r) => [figureKey({ ...r, indicatorCode: r.indicator_code, unitCode: r.unit_code }), r]));
}

export interface IndicatorImportOptions {
  sector: IndicatorSector;
  rules: IndicatorValueRules;
  importer: { userId: string; covers(unit: Located): boolean };
}

/** Checks a file of aggregate figures and, unless a dry run or anything is wrong, writes it in one transaction. */
export async function importIndicatorValues(
  db: TransactionalClient,
  upload: Upload,
  { sector, rules, importer }: IndicatorImportOptions,
): Promise<{ result: ImportResult; written: number }> {
  const { dryRun } = upload;
  const problems = new ImportProblems();
  const refused = (rows: number) => ({ result: refusedImport(dryRun, rows, problems), written: 0 });
  const identity = templateIdentityOf(upload.sheets);
  if (
    identity &&
    (identity.kind !== INDICATOR_IMPORT_KIND ||
      identity.sector !== sector ||
      identity.version !== INDICATOR_TEMPLATE_VERSION)
  ) {
    problems.file(
      'TEMPLATE_MISMATCH',
      identity.kind !== INDICATOR_IMPORT_KIND || identity.sector !== sector
        ? `Tệp này là mẫu "${identity.kind ?? '?'}" của ngành ${identity.sector ?? '?'}, không phải mẫu số liệu tổng hợp của ngành ${sector}.`
        : `Mẫu này là phiên bản ${identity.version ?? '?'}; vui lòng tải mẫu mới (phiên bản ${INDICATOR_TEMPLATE_VERSION}).`,
    );
    return refused(0);
  }
  const data = readDataSheets(upload.sheets, INDICATOR_COLUMNS, problems);
  if (!data) return refused(0);
  const { sheets, readers } = data;
  if (problems.any) return refused(0);

  const figures: FigureRow[] = [];
  const firstRowOf = new Map<string, FigureRow>();
  let filled = 0;
  for (const sheet of sheets) {
    const reader = readers.get(sheet.name) as RowReader;
    for (const row of sheet.rows) {
      reader.at(row);
      // The template lists every unit and indicator: a row without a figure is one not filled in.
      if (reader.cell('numerator') === null && reader.cell('denominator') === null && reader.cell('source') === null)
        continue;
      filled++;
      const before = problems.count;
      const unitCode = reader.code('unitCode', { required: true, digits: [2, 3, 5] });
      const indicatorCode = reader.text('indicatorCode', { required: true });
      const year = reader.number('year', { required: true, integer: true });
      const numerator = reader.number('numerator', { required: true });
      const denominator = reader.number('denominator');
      const source = reader.text('source', { required: true, maxLength: MAX_SOURCE_LENGTH });
      if (problems.count > before || !unitCode || !indicatorCode || year === null || numerator === null || !source)
        continue;
      const input = { indicatorCode, unitCode, year, numerator, denominator, source: source.trim() };
      const checked = indicatorValueProblems(input, rules);
      for (const found of checked.problems) reader.add(found);
      if (!checked.location || checked.problems.length) continue;
      if (!importer.covers(figureUnit(input, checked.location))) {
        reader.add(problem('unitCode', 'OUTSIDE_SCOPE', `Đơn vị ${unitCode} nằm ngoài địa bàn bạn phụ trách.`));
        continue;
      }
      const figure: FigureRow = { ...input, sheet: sheet.name, row: row.row, location: checked.location };
      const first = firstRowOf.get(figureKey(figure));
      if (first) {
        reader.add(
          problem(
            'numerator',
            'DUPLICATE_VALUE',
            `Số liệu của chỉ số ${indicatorCode} cho đơn vị ${unitCode} năm ${year} từ nguồn này đã ghi ở dòng ${first.row}.`,
          ),
        );
        continue;
      }
      firstRowOf.set(figureKey(figure), figure);
      figures.push(figure);
    }
  }
  if (problems.any) return refused(filled);
  if (!filled) {
    problems.file('NO_ROWS', 'Tệp chưa có số liệu nào: hãy ghi tử số (hoặc giá trị) và nguồn số liệu.', {
      sheet: sheets[0]?.name ?? null,
    });
    return refused(0);
  }

  /** The figures that differ from their latest version (or are new), each with its version. */
  const changes = (latest: Awaited<ReturnType<typeof latestVersions>>) =>
    figures.flatMap((figure) => {
      const held = latest.get(figureKey(figure));
      if (held && held.numerator === stored(figure.numerator) && held.denominator === stored(figure.denominator))
        return [];
      return [{ figure, version: (held?.version ?? 0) + 1 }];
    });

  if (dryRun) {
    const toWrite = changes(await latestVersions(db, figures)).length;
    return { result: acceptedImport(true, filled, toWrite, filled - toWrite), written: 0 };
  }
  const written = await db.$transaction(async (tx) => {
    // One writer of figures at a time, so the versions read are still the latest when the new ones are written.
    await execute(tx, sql`LOCK TABLE indicator_value IN SHARE ROW EXCLUSIVE MODE`);
    const rows = changes(await latestVersions(tx, figures));
    await bulkInsert(
      tx,
      'indicator_value',
      rows.map(({ figure, version }) => ({
        id: randomUUID(),
        indicatorCode: figure.indicatorCode,
        year: figure.year,
        numerator: figure.numerator,
        denominator: figure.denominator,
        source: figure.source,
        ...figure.location,
        recordedBy: importer.userId,
        version,
      })),
    );
    return rows.length;
  });
  return { result: acceptedImport(false, filled, written, filled - written), written };
}

/** A unit and the units below it in the list valid at the end of `year`: the rows of its template. */
function unitsOfTemplate(unitCode: string, year: number) {
  const index = unitIndexFor(unitListFor(`${year}-12-31`));
  const unit = index.byCode.get(unitCode);
  if (!unit) return [];
  const below = (code: string): (typeof unit)[] =>
    (index.childrenOf.get(code) ?? []).flatMap((child) => [child, ...below(child.code)]);
  return [unit, ...below(unit.code)];
}

/** A figure a sector holds, as its template shows it filled in: the latest version of one source's figure. */
export interface HeldFigure {
  unitCode: string;
  indicatorCode: string;
  numerator: number;
  denominator: number | null;
  source: string;
}

const heldRow = z.object({
  unit_code: z.string(),
  indicator_code: z.string(),
  numerator: z.number(),
  denominator: z.number().nullable(),
  source: z.string(),
});

/**
 * The figures held for units of one list and a year (the latest version of each: what the import compares
 * with and the progress sums), by unit, indicator and source: what a filled template shows.
 */
export async function heldFigures(
  db: SqlQueryable,
  of: { unitCodes: readonly string[]; validFrom: string; year: number; indicatorCodes: readonly string[] },
): Promise<HeldFigure[]> {
  if (!of.unitCodes.length || !of.indicatorCodes.length) return [];
  const rows = await queryRows(
    db,
    heldRow,
    sql`SELECT coalesce(t.commune_code, t.district_code, t.province_code) AS unit_code, t.indicator_code,
               t.numerator::float8 AS numerator, t.denominator::float8 AS denominator, t.source
          FROM indicator_value t
         WHERE t.year = ${of.year}::int AND t.indicator_code = ANY(${[...of.indicatorCodes]}::text[])
           AND t.province_valid_from = ${of.validFrom}::date
           AND coalesce(t.commune_code, t.district_code, t.province_code) = ANY(${[...of.unitCodes]}::text[])
           AND ${latestFigureVersion('t')}
         ORDER BY 1, 2, t.source`,
  );
  return rows.map((r) => ({
    unitCode: r.unit_code,
    indicatorCode: r.indicator_code,
    numerator: r.numerator,
    denominator: r.denominator,
    source: r.source,
  }));
}

/**
 * The template of a sector's aggregate figures for a unit and year: one row per unit (the unit and every
 * unit below it, with official codes and Vietnamese names of the list valid at the end of the year) and
 * indicator the sector records (not those it computes). Undefined when the unit does not exist then.
 *
 * With `filledFrom` (the sector's database) the template comes filled with the figures the sector holds:
 * a row per figure held (each source's latest version: numbers as numbers, codes as text), an empty row
 * for a unit and indicator without one. Uploaded unchanged it writes nothing; a number changed in it is
 * that figure's next version.
 */
export async function indicatorTemplate(options: {
  sector: IndicatorSector;
  sectorLabel: string;
  unitCode: string;
  year: number;
  computed: ReadonlySet<string>;
  filledFrom?: SqlQueryable;
}): Promise<{ fileName: string; body: Buffer } | undefined> {
  const units = unitsOfTemplate(options.unitCode, options.year);
  const [unit] = units;
  if (!unit) return undefined;
  const indicators = readIndicatorRegistry().filter(
    (i) => i.sector === options.sector && !options.computed.has(i.code),
  );
  const held = new Map<string, HeldFigure[]>();
  if (options.filledFrom) {
    const figures = await heldFigures(options.filledFrom, {
      unitCodes: units.map((u) => u.code),
      validFrom: unitListFor(`${options.year}-12-31`).validFrom,
      year: options.year,
      indicatorCodes: indicators.map((i) => i.code),
    });
    for (const figure of figures) {
      const key = `${figure.unitCode}|${figure.indicatorCode}`;
      held.set(key, [...(held.get(key) ?? []), figure]);
    }
  }
  const rows = units.flatMap((u) =>
    indicators.flatMap((i) => {
      const row = {
        unitCode: u.code,
        unitName: u.fullName,
        indicatorCode: i.code,
        indicatorName: `${i.name} (${i.kind === 'RATIO' ? 'tỷ lệ' : i.kind === 'COUNT' ? 'số lượng' : 'có/không'})`,
        year: options.year,
      };
      const figures = held.get(`${u.code}|${i.code}`);
      if (!figures) return [row];
      return figures.map((f) => ({ ...row, numerator: f.numerator, denominator: f.denominator, source: f.source }));
    }),
  );
  const filled = options.filledFrom !== undefined;
  const body = await buildTemplate({
    sheetName: 'Số liệu',
    columns: INDICATOR_COLUMNS,
    rows,
    identity: {
      kind: INDICATOR_IMPORT_KIND,
      sector: options.sector,
      unit: unit.code,
      year: String(options.year),
      version: INDICATOR_TEMPLATE_VERSION,
    },
    instructions: [
      `Mẫu nhập số liệu tổng hợp ngành ${options.sectorLabel}: ${unit.fullName}, năm ${options.year}`,
      ...(filled
        ? [
            `Mẫu đã ghi sẵn ${[...held.values()].reduce((n, f) => n + f.length, 0)} số liệu ngành đang lưu (phiên bản mới nhất của mỗi nguồn, lúc tải về). Nhập lại nguyên tệp không ghi gì; sửa một số (giữ nguyên nguồn) tạo phiên bản mới của số liệu đó.`,
          ]
        : []),
      'Mỗi dòng là một chỉ số của một đơn vị. Ghi tử số (hoặc giá trị), mẫu số (chỉ số tỷ lệ) và nguồn số liệu (số hiệu báo cáo) cho các dòng có số liệu; để trống các dòng chưa có.',
      'Không sửa các cột mã đơn vị, mã chỉ số và năm. Chỉ có các chỉ số ngành ghi nhận dưới dạng số liệu tổng hợp; các chỉ số tính từ dữ liệu gốc không có trong mẫu.',
      'Tệp được kiểm tra toàn bộ trước khi ghi: nếu có lỗi, không dòng nào được ghi và danh sách lỗi ghi rõ trang, dòng, cột và lý do.',
      'Nhập lại cùng một tệp không ghi thêm gì. Sửa một số liệu đã nhập (giữ nguyên nguồn) tạo phiên bản mới; phiên bản cũ được giữ lại.',
    ],
  });
  return {
    fileName: `${filled ? 'so-lieu' : 'mau-so-lieu'}-${options.sector.toLowerCase()}-${unit.code}-${options.year}.xlsx`,
    body,
  };
}

/** What a sector's data layer offers the figure routes. */
export interface FigureFiles {
  importValues(upload: Upload, importer: IndicatorImportOptions['importer']): Promise<{ result: ImportResult }>;
  /** The template of a unit and year; `filled`: with the figures the sector holds. */
  template(
    unitCode: string,
    year: number,
    options?: { filled?: boolean },
  ): Promise<{ fileName: string; body: Buffer } | undefined>;
}

/**
 * A sector's aggregate figures as files, over its database: the import with the rules of its
 * record<Sector>IndicatorValue (the indicators it owns, not those it computes) and the template, empty or
 * filled with the figures held.
 */
export function sectorFigureFiles(
  db: TransactionalClient,
  options: {
    sector: IndicatorSector;
    sectorLabel: string;
    computed: ComputedIndicators;
    /** The indicators the sector owns, read at each import. */
    ownedIndicators: () => ReadonlySet<string> | Promise<ReadonlySet<string>>;
  },
): FigureFiles {
  return {
    importValues: async (upload, importer) =>
      importIndicatorValues(db, upload, {
        sector: options.sector,
        rules: { ownedIndicators: await options.ownedIndicators(), computed: options.computed },
        importer,
      }),
    template: (unitCode, year, { filled = false } = {}) =>
      indicatorTemplate({
        sector: options.sector,
        sectorLabel: options.sectorLabel,
        unitCode,
        year,
        computed: new Set(Object.keys(options.computed)),
        filledFrom: filled ? db : undefined,
      }),
  };
}

/**
 * A sector's figure routes beside /graphql, reached through the gateway's /files/…:
 * `POST /imports/indicator-values` (the filled template, or any CSV/XLSX with its columns; `?dryRun=true`)
 * and `GET /templates/indicators.xlsx?unit=<code>&year=<year>[&filled=true]` (filled: with the figures held). The policy of `record<Sector>IndicatorValue`
 * (figure:write: sector officers of the sector) refuses a caller first; every unit must lie in their territory.
 */
export function indicatorRoutes<Data>(
  app: Parameters<typeof subgraphImportRoute>[0],
  tools: SubgraphRouteTools<Data>,
  figuresOf: (data: Data) => FigureFiles,
): void {
  subgraphImportRoute(app, tools, {
    kind: INDICATOR_IMPORT_KIND,
    entityType: 'RecordedIndicatorValue',
    policy: POLICIES['figure:write'],
    run: (upload, context) =>
      figuresOf(context.data).importValues(upload, {
        userId: context.identity.userId,
        covers: (unit) => context.access.covers(unit),
      }),
  });
  subgraphTemplateRoute(app, tools, {
    file: 'indicators.xlsx',
    policy: POLICIES['figure:write'],
    async build(context, req) {
      const unitCode = typeof req.query.unit === 'string' ? req.query.unit : '';
      const filledText = req.query.filled ?? 'false';
      if (filledText !== 'true' && filledText !== 'false')
        throw badInput('Tham số filled chỉ nhận true hoặc false.', { field: 'filled', reason: 'VALUE_NOT_ALLOWED' });
      const yearText = typeof req.query.year === 'string' ? req.query.year : '';
      const year = Number(yearText);
      const currentYear = new Date().getUTCFullYear();
      if (!/^(\d{2}|\d{3}|\d{5})$/.test(unitCode))
        throw badInput('Mã đơn vị hành chính (unit) phải gồm 2, 3 hoặc 5 chữ số.', {
          field: 'unit',
          reason: 'MALFORMED_UNIT_CODE',
        });
      if (!/^\d{4}$/.test(yearText) || year < FIRST_YEAR || year > currentYear)
        throw badInput(`Năm (year) phải từ ${FIRST_YEAR} đến ${currentYear}.`, {
          field: 'year',
          reason: 'YEAR_OUT_OF_RANGE',
        });
      const list = unitListFor(`${year}-12-31`);
      if (!unitIndexFor(list).byCode.has(unitCode))
        throw badInput(`Không có đơn vị hành chính mã ${unitCode} vào cuối năm ${year}.`, {
          field: 'unit',
          reason: 'UNKNOWN_UNIT_CODE',
        });
      context.access.assertCovers({ code: unitCode, validFrom: list.validFrom }, 'unit');
      const template = await figuresOf(context.data).template(unitCode, year, { filled: filledText === 'true' });
      if (!template) throw new Error(`no template for unit ${unitCode} in ${year}`);
      return template;
    },
  });
}
