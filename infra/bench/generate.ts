/**
 * Builds the benchmark's data: one province at realistic size in four fresh PostgreSQL databases,
 * one per subgraph, with the schemas the apps' own migrations create.
 *
 *   npx tsx infra/bench/generate.ts [--province 38] [--children 1500000] [--seed 1437]
 *
 * Needs the apps built (`npx turbo run build --filter=./apps/*`) and a PostgreSQL server
 * (BENCH_DATABASE_URL, default postgresql://postgres@127.0.0.1:5432/postgres).
 */
import { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { parseArgs } from 'node:util';
import pg from 'pg';
import { from as copyFrom } from 'pg-copy-streams';

import { applyMigrations, openDatabase } from '@ecd/database';
import { createLogger, todayInVietnam, toIsoDate } from '@ecd/service-kit';
import { communeLocations, SeededRandom } from '@ecd/synthetic-data';

import { rebuildTallies } from '../../apps/health/src/data/tallies.js';
import { PrismaClient as HealthClient } from '../../apps/health/src/generated/prisma/client.js';
import { benchIssuer, benchPlanDocument, benchPlanKey } from './bench-plan.js';
import {
  adminUrl,
  AS_OF,
  benchDatabaseName,
  benchDatabaseUrl,
  DEFAULT_PROVINCE,
  migrationsDir,
  SUBGRAPH_PORTS,
  SUBGRAPHS,
  type SubgraphName,
} from './config.js';
import { itemAt } from './item-at.js';
import {
  Children,
  ENROLMENT_COUNT_COLUMNS,
  ENROLMENT_REPORT_COLUMNS,
  enrolmentRows,
  GRADE_FLOW_COLUMNS,
  GROWTH_COLUMNS,
  growthRows,
  IMMUNISATION_COLUMNS,
  immunisationRows,
  POPULATION_COUNT_COLUMNS,
  POPULATION_REPORT_COLUMNS,
  populationRows,
  REFERRAL_NETWORK_COLUMNS,
  referralNetworkRows,
  REPORTED_FIGURE_COLUMNS,
  reportedFigureRows,
  SCHOOL_SURVEY_COLUMNS,
  schoolSurveyRows,
  SERVICE_CONTACT_COLUMNS,
  serviceContactRows,
  type School,
} from './sector-records.js';
import { assertPortFree, startService, stopService, waitReady } from './services.js';
import { postGraphQL } from './slice.js';

const DAY_MS = 86_400_000;
/** Rows per chunk handed to COPY: large enough that per-chunk overhead vanishes, small enough to stream. */
const CHUNK_ROWS = 5_000;

const { values: args } = parseArgs({
  options: {
    province: { type: 'string', default: DEFAULT_PROVINCE },
    children: { type: 'string', default: '1500000' },
    seed: { type: 'string', default: '1437' },
  },
});
const childCount = Number(args.children);
const seed = Number(args.seed);
if (!Number.isInteger(childCount) || childCount < 0) throw new Error('--children must be a non-negative integer');
if (!Number.isInteger(seed)) throw new Error('--seed must be an integer');

const communes = communeLocations(args.province, AS_OF);
const [firstCommune] = communes;
if (!firstCommune) throw new Error(`province ${args.province} has no communes on ${AS_OF}`);
const locations = communes.map(({ commune, location }) => ({
  commune,
  columns: [
    location.communeCode,
    toIsoDate(location.communeValidFrom),
    location.provinceCode,
    toIsoDate(location.provinceValidFrom),
  ] as const,
}));
const LOCATION_COLUMNS = 'commune_code, commune_valid_from, province_code, province_valid_from';

/** A field in COPY's text format: the four characters it treats specially are escaped. */
const COPY_ESCAPES: Record<string, string> = { '\\': '\\\\', '\t': '\\t', '\n': '\\n', '\r': '\\r' };
function copyEscape(c: string): string {
  const escaped = COPY_ESCAPES[c];
  if (escaped === undefined) throw new Error(`no COPY escape for ${JSON.stringify(c)}`);
  return escaped;
}
const copyField = (value: string | null) => (value === null ? '\\N' : value.replace(/[\\\t\n\r]/g, copyEscape));

/** A version-4 UUID from the seeded stream, so the ids repeat with the data. */
function seededUuid(random: SeededRandom): string {
  const hex = Array.from({ length: 4 }, () =>
    Math.floor(random.next() * 0x1_0000_0000)
      .toString(16)
      .padStart(8, '0'),
  ).join('');
  const variant = ((parseInt(hex.charAt(16), 16) & 0x3) | 0x8).toString(16);
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-4${hex.slice(13, 16)}-${variant}${hex.slice(17, 20)}-${hex.slice(20)}`;
}

interface TableLoad {
  subgraph: SubgraphName;
  table: string;
  columns: string;
  /** The rows as COPY text fields, in `columns` order. */
  rows: () => Iterable<(string | null)[]>;
}

/**
 * Children per commune: communes differ in size (a ward of the provincial city is several times a
 * mountain commune), so each gets a random weight and its share of the total, which stays exact.
 */
function childrenPerCommune(random: SeededRandom): number[] {
  const weights = locations.map(() => 0.4 + 1.6 * random.next());
  const total = weights.reduce((a, b) => a + b, 0);
  const exact = weights.map((w) => (childCount * w) / total);
  const floors = exact.map(Math.floor);
  const byRemainder = exact.map((x, i) => ({ i, rest: x - Math.floor(x) })).sort((a, b) => b.rest - a.rest);
  const missing = childCount - floors.reduce((a, b) => a + b, 0);
  // The communes with the largest remainders get one child more.
  const roundedUp = new Set(byRemainder.slice(0, missing).map(({ i }) => i));
  return floors.map((n, i) => (roundedUp.has(i) ? n + 1 : n));
}

/** The rows generated so far that later tables refer to: children, each commune's station, schools. */
const children = new Children();
const stationOfCommune: string[] = [];
const schools: School[] = [];
let childrenInCommune: number[] = [];

function* childRows(random: SeededRandom): Iterable<(string | null)[]> {
  // Born within the 9 years up to today, the window childrenAged0To8Count counts, uniformly by day.
  const today = todayInVietnam();
  const nineYearsAgo = new Date(Date.UTC(today.getUTCFullYear() - 9, today.getUTCMonth(), today.getUTCDate()));
  const days = Math.round((today.getTime() - nineYearsAgo.getTime()) / DAY_MS);
  const todayDay = Math.round(today.getTime() / DAY_MS);
  childrenInCommune = childrenPerCommune(random);
  for (const [i, { columns }] of locations.entries()) {
    const count = itemAt(childrenInCommune, i, 'children per commune');
    for (let n = 0; n < count; n++) {
      const birthDay = todayDay - random.int(0, days - 1);
      const male = random.next() < 0.512;
      const id = seededUuid(random);
      children.add(id, birthDay, male, i);
      yield [id, toIsoDate(new Date(birthDay * DAY_MS)), male ? 'MALE' : 'FEMALE', ...columns];
    }
  }
}

function* stationRows(random: SeededRandom): Iterable<(string | null)[]> {
  for (const { commune, columns } of locations) {
    const openedOn = toIsoDate(new Date(Date.UTC(random.int(1985, 2015), random.int(0, 11), random.int(1, 28))));
    const id = seededUuid(random);
    stationOfCommune.push(id);
    yield [id, `Trạm Y tế ${commune.fullName}`, openedOn, ...columns];
  }
}

const SCHOOL_PREFIX = {
  PRESCHOOL: 'Trường Mầm non',
  PRIMARY: 'Trường Tiểu học',
  LOWER_SECONDARY: 'Trường THCS',
} as const;

/** Every commune has a school of each level and 0-2 more preschools or primary schools: 3-5 in all. */
function* schoolRows(random: SeededRandom): Iterable<(string | null)[]> {
  for (const [i, { commune, columns }] of locations.entries()) {
    const levels: (keyof typeof SCHOOL_PREFIX)[] = ['PRESCHOOL', 'PRIMARY', 'LOWER_SECONDARY'];
    for (let extra = random.int(0, 2); extra > 0; extra--) levels.push(random.next() < 0.5 ? 'PRESCHOOL' : 'PRIMARY');
    const seen = new Map<string, number>();
    for (const level of levels) {
      const number = (seen.get(level) ?? 0) + 1;
      seen.set(level, number);
      const id = seededUuid(random);
      schools.push({ id, level, commune: i });
      yield [id, `${SCHOOL_PREFIX[level]} ${commune.name} ${number}`, level, ...columns];
    }
  }
}

const FACILITY_KINDS = [
  { kind: 'SPORTS_GROUND', name: 'Sân thể thao' },
  { kind: 'LIBRARY', name: 'Thư viện' },
  { kind: 'CHILDREN_PLAYGROUND', name: 'Khu vui chơi trẻ em' },
  { kind: 'CULTURAL_HOUSE', name: 'Nhà văn hóa thôn' },
] as const;

/** A commune's nhà văn hóa and 1-4 other facilities: 2-5 in all. */
function* facilityRows(random: SeededRandom): Iterable<(string | null)[]> {
  for (const { commune, columns } of locations) {
    yield [
      seededUuid(random),
      `Nhà văn hóa ${commune.fullName}`,
      'CULTURAL_HOUSE',
      String(random.next() < 0.6),
      ...columns,
    ];
    for (let n = 1, others = random.int(1, 4); n <= others; n++) {
      const { kind, name } = random.pick(FACILITY_KINDS);
      const servesChildren = kind === 'CHILDREN_PLAYGROUND' || random.next() < 0.5;
      yield [seededUuid(random), `${name} ${commune.name} ${n}`, kind, String(servesChildren), ...columns];
    }
  }
}

// Each table draws from its own fork, so changing one table's generator leaves the others' data as it was.
const random = new SeededRandom(seed);
const uuidFrom = (fork: SeededRandom) => () => seededUuid(fork);
/** Children of one year of age in a commune, for the education surveys. */
const cohort = (commune: number) => Math.round(itemAt(childrenInCommune, commune, 'children per commune') / 9);
let enrolment: ReturnType<typeof enrolmentRows> | undefined;
const enrolmentOnce = () =>
  (enrolment ??= enrolmentRows(schools, cohort, random.fork('enrolment'), uuidFrom(random.fork('enrolment-ids'))));
let population: ReturnType<typeof populationRows> | undefined;
const populationOnce = () =>
  (population ??= populationRows(
    locations,
    cohort,
    random.fork('population'),
    uuidFrom(random.fork('population-ids')),
  ));
const loads: TableLoad[] = [
  {
    subgraph: 'health',
    table: 'health_station',
    columns: `id, name, opened_on, ${LOCATION_COLUMNS}`,
    rows: () => stationRows(random.fork('health_station')),
  },
  {
    subgraph: 'health',
    table: 'child_record',
    columns: `id, birth_date, sex, ${LOCATION_COLUMNS}`,
    rows: () => childRows(random.fork('child_record')),
  },
  {
    subgraph: 'education',
    table: 'school',
    columns: `id, name, level, ${LOCATION_COLUMNS}`,
    rows: () => schoolRows(random.fork('school')),
  },
  {
    subgraph: 'culture',
    table: 'cultural_facility',
    columns: `id, name, kind, serves_children, ${LOCATION_COLUMNS}`,
    rows: () => facilityRows(random.fork('cultural_facility')),
  },
  // The records behind the plan's figures, which refer to the rows above.
  {
    subgraph: 'health',
    table: 'growth_measurement',
    columns: GROWTH_COLUMNS,
    rows: () => growthRows(children, locations, random.fork('growth'), uuidFrom(random.fork('growth-ids'))),
  },
  {
    subgraph: 'health',
    table: 'immunisation',
    columns: IMMUNISATION_COLUMNS,
    rows: () =>
      immunisationRows(
        children,
        stationOfCommune,
        random.fork('immunisation'),
        uuidFrom(random.fork('immunisation-ids')),
      ),
  },
  {
    subgraph: 'health',
    table: 'health_service_contact',
    columns: SERVICE_CONTACT_COLUMNS,
    rows: () =>
      serviceContactRows(children, stationOfCommune, random.fork('service'), uuidFrom(random.fork('service-ids'))),
  },
  {
    subgraph: 'education',
    table: 'school_survey',
    columns: SCHOOL_SURVEY_COLUMNS,
    rows: () => schoolSurveyRows(schools, random.fork('survey'), uuidFrom(random.fork('survey-ids'))),
  },
  {
    subgraph: 'education',
    table: 'enrolment_report',
    columns: ENROLMENT_REPORT_COLUMNS,
    rows: () => enrolmentOnce().reports,
  },
  {
    subgraph: 'education',
    table: 'enrolment_count',
    columns: ENROLMENT_COUNT_COLUMNS,
    rows: () => enrolmentOnce().counts,
  },
  { subgraph: 'education', table: 'grade_flow', columns: GRADE_FLOW_COLUMNS, rows: () => enrolmentOnce().flows },
  {
    subgraph: 'education',
    table: 'child_population_report',
    columns: POPULATION_REPORT_COLUMNS,
    rows: () => populationOnce().reports,
  },
  {
    subgraph: 'education',
    table: 'child_population_count',
    columns: POPULATION_COUNT_COLUMNS,
    rows: () => populationOnce().counts,
  },
  {
    subgraph: 'ldtbxh',
    table: 'referral_network',
    columns: REFERRAL_NETWORK_COLUMNS,
    rows: () =>
      referralNetworkRows(locations, random.fork('referral_network'), uuidFrom(random.fork('referral_network-ids'))),
  },
  {
    subgraph: 'ldtbxh',
    table: 'indicator_value',
    columns: REPORTED_FIGURE_COLUMNS,
    rows: () =>
      reportedFigureRows(
        locations,
        (i) => itemAt(childrenInCommune, i, 'children per commune'),
        random.fork('indicator_value'),
        uuidFrom(random.fork('indicator_value-ids')),
      ),
  },
];

async function withClient<T>(url: string, use: (client: pg.Client) => Promise<T>): Promise<T> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    return await use(client);
  } finally {
    await client.end();
  }
}

async function recreateDatabases(): Promise<void> {
  await withClient(adminUrl(), async (admin) => {
    for (const subgraph of SUBGRAPHS) {
      const name = benchDatabaseName(subgraph);
      await admin.query(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`);
      await admin.query(`CREATE DATABASE "${name}"`);
    }
  });
}

/**
 * The unit lists (and the demo plans, among them the national scheme that applies to every unit)
 * are loaded by the ldtbxh subgraph itself on its first start, so the bench runs on what it loads;
 * the bench plan is then imported through its GraphQL API, as a province would, once its issuing
 * People's Committee is in the agency registry.
 */
async function loadUnitsAndPlan(): Promise<void> {
  await assertPortFree(SUBGRAPH_PORTS.ldtbxh);
  const service = startService(
    'ldtbxh',
    SUBGRAPH_PORTS.ldtbxh,
    { DATABASE_URL: benchDatabaseUrl('ldtbxh') },
    { demo: true },
  );
  try {
    await waitReady(service);
    const provinceName = await withClient(benchDatabaseUrl('ldtbxh'), async (client) => {
      const { rows } = await client.query<{ full_name: string }>(
        'SELECT full_name FROM administrative_unit WHERE code = $1 AND valid_from = $2',
        [province, AS_OF],
      );
      const [unit] = rows;
      if (!unit) throw new Error(`ldtbxh did not load province ${province} valid from ${AS_OF}`);
      // The issuing People's Committee is in the agency catalogue ldtbxh generates for every unit.
      const { rows: issuers } = await client.query('SELECT 1 FROM agency WHERE code = $1', [benchIssuer(province)]);
      if (!issuers.length) throw new Error(`ldtbxh holds no agency ${benchIssuer(province)}`);
      return unit.full_name;
    });
    await postGraphQL(
      `http://127.0.0.1:${SUBGRAPH_PORTS.ldtbxh}/graphql`,
      'mutation($d: String!) { importPlan(document: $d, format: JSON) { key numericTargets } }',
      { d: benchPlanDocument(province, provinceName) },
    );
  } finally {
    await stopService(service);
  }
}

interface LoadResult {
  table: string;
  database: string;
  rows: number;
  copySeconds: number;
  vacuumSeconds: number;
}

async function copyTable(load: TableLoad): Promise<LoadResult> {
  return withClient(benchDatabaseUrl(load.subgraph), async (client) => {
    let rows = 0;
    function* chunks(): Iterable<string> {
      let chunk: string[] = [];
      for (const row of load.rows()) {
        chunk.push(row.map(copyField).join('\t'));
        rows++;
        if (chunk.length === CHUNK_ROWS) {
          yield `${chunk.join('\n')}\n`;
          chunk = [];
        }
      }
      if (chunk.length) yield `${chunk.join('\n')}\n`;
    }
    // Generation is part of the timing: the rows are produced while COPY consumes them.
    const started = performance.now();
    await pipeline(Readable.from(chunks()), client.query(copyFrom(`COPY ${load.table} (${load.columns}) FROM STDIN`)));
    const copySeconds = (performance.now() - started) / 1000;
    // A loaded database in service has been vacuumed and analysed (autovacuum): measure that state.
    const vacuumStarted = performance.now();
    await client.query(`VACUUM ANALYZE ${load.table}`);
    return {
      table: load.table,
      database: benchDatabaseName(load.subgraph),
      rows,
      copySeconds,
      vacuumSeconds: (performance.now() - vacuumStarted) / 1000,
    };
  });
}

async function unitCounts(): Promise<{ units: number; communesInProvince: number; plans: number }> {
  return withClient(benchDatabaseUrl('ldtbxh'), async (client) => {
    const { rows } = await client.query<{ units: number; communes: number; plans: number }>(
      `SELECT (SELECT count(*)::int FROM administrative_unit) AS units,
              (SELECT count(*)::int FROM administrative_unit WHERE parent_code = $1 AND parent_valid_from = $2) AS communes,
              (SELECT count(*)::int FROM plan) AS plans`,
      [args.province, AS_OF],
    );
    // Scalar subqueries only: always one row.
    const [row] = rows;
    if (!row) throw new Error('the unit counts query returned no row');
    return { units: row.units, communesInProvince: row.communes, plans: row.plans };
  });
}

async function databaseSizes(): Promise<Map<string, number>> {
  return withClient(adminUrl(), async (admin) => {
    const names = SUBGRAPHS.map(benchDatabaseName);
    const { rows } = await admin.query<{ name: string; bytes: string }>(
      'SELECT datname AS name, pg_database_size(datname) AS bytes FROM pg_database WHERE datname = ANY($1)',
      [names],
    );
    return new Map(rows.map((r) => [r.name, Number(r.bytes)]));
  });
}

const logger = createLogger('bench-generate', 'warn');
const started = performance.now();
const province = firstCommune.location.provinceCode;
console.log(
  `Generating province ${province} (${communes.length} communes on ${AS_OF}), ${childCount} children, seed ${seed}`,
);

console.log("Recreating the bench databases and applying each app's migrations...");
await recreateDatabases();
for (const subgraph of SUBGRAPHS) await applyMigrations(benchDatabaseUrl(subgraph), migrationsDir(subgraph), logger);

console.log('Loading the official unit lists and importing the bench plan through the ldtbxh subgraph...');
const unitsStarted = performance.now();
await loadUnitsAndPlan();
const units = await unitCounts();
if (units.communesInProvince !== communes.length) {
  throw new Error(
    `ldtbxh has ${units.communesInProvince} communes directly under province ${province}, the reference data ${communes.length}`,
  );
}
console.log(
  `  ${units.units} units and ${units.plans} plans (among them ${benchPlanKey(province)}) loaded in ${((performance.now() - unitsStarted) / 1000).toFixed(1)} s`,
);

const results: LoadResult[] = [];
for (const load of loads) {
  const result = await copyTable(load);
  results.push(result);
  console.log(
    `  ${result.table.padEnd(18)} ${String(result.rows).padStart(8)} rows in ${result.copySeconds.toFixed(2)} s: ${Math.round(result.rows / result.copySeconds)} rows/s`,
  );
}

// Health keeps running totals of its indicators as records are written; a bulk load rebuilds them once,
// with health's own statements through its Prisma client, as its start-up does (no statement timeout).
const healthDatabase = await openDatabase({
  url: benchDatabaseUrl('health'),
  dataDir: '',
  migrationsDir: migrationsDir('health'),
  logger,
});
const talliesStarted = performance.now();
const health = new HealthClient({ adapter: healthDatabase.startupAdapter });
try {
  await rebuildTallies(health);
} finally {
  await health.$disconnect();
  await healthDatabase.close();
}
await withClient(benchDatabaseUrl('health'), (client) => client.query('VACUUM ANALYZE health_figure_tally'));
const talliesSeconds = (performance.now() - talliesStarted) / 1000;
console.log(`  health_figure_tally rebuilt from the health records in ${talliesSeconds.toFixed(1)} s`);

const sizes = await databaseSizes();
const mib = (bytes: number | undefined) => ((bytes ?? 0) / 1024 / 1024).toFixed(1);
console.log(`
| table | database | rows | COPY s | rows/s | VACUUM ANALYZE s |
| --- | --- | ---: | ---: | ---: | ---: |
${results
  .map(
    (r) =>
      `| ${r.table} | ${r.database} | ${r.rows} | ${r.copySeconds.toFixed(2)} | ${Math.round(r.rows / r.copySeconds)} | ${r.vacuumSeconds.toFixed(2)} |`,
  )
  .join('\n')}

| database | size MiB |
| --- | ---: |
${SUBGRAPHS.map((s) => `| ${benchDatabaseName(s)} | ${mib(sizes.get(benchDatabaseName(s)))} |`).join('\n')}

Rows loaded: ${results.reduce((n, r) => n + r.rows, 0)} in ${results.reduce((s, r) => s + r.copySeconds, 0).toFixed(1)} s of COPY (${Math.round(
  results.reduce((n, r) => n + r.rows, 0) / results.reduce((s, r) => s + r.copySeconds, 0),
)} rows/s); health's indicator totals rebuilt in ${talliesSeconds.toFixed(1)} s.
Generated in ${((performance.now() - started) / 1000).toFixed(1)} s. Next: npm run bench`);
