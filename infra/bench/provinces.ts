/**
 * What one province's figures cost as a sector's database fills with other provinces. For each sector, the
 * figures the bench plan's progress asks of it (its indicators in the province for every year of the system
 * to PROGRESS_YEAR, and in each commune for PROGRESS_YEAR) are read with the sector's own figure loaders,
 * one statement per read, on the bench database as generated and then with the rows of its located tables
 * copied as other provinces (codes prefixed with `x<n>`, which no key can match, ids new). Everything runs
 * in one transaction, rolled back at the end (and the tables vacuumed): the bench databases are left as they were.
 *
 *   npm run bench:provinces [-- --copies 0,5,20] [--reads 12]
 *
 * Only the located tables are copied: education's copied schools have no surveys or pupil counts, so its
 * statements would spend more on the other provinces with real records than shown here.
 */
import { parseArgs } from 'node:util';
import pg from 'pg';

import { createFigureLoaders, pgQueryable, type ComputedIndicators, type IndicatorValueKey } from '@ecd/database';
import { indicatorsOwnedBy, territoryCommunes, type IndicatorSector } from '@ecd/reference-data';
import { FIRST_YEAR } from '@ecd/service-kit';

import { EDUCATION_COMPUTED } from '../../apps/education/src/data/computed-indicators.js';
import { HEALTH_COMPUTED } from '../../apps/health/src/data/tallies.js';
import { SOCIAL_AFFAIRS_COMPUTED } from '../../apps/ldtbxh/src/data/computed-indicators.js';
import { benchPlanDocument } from './bench-plan.js';
import { AS_OF, benchDatabaseUrl, DEFAULT_PROVINCE, type SubgraphName } from './config.js';
import { percentile } from './measure.js';
import { PROGRESS_YEAR } from './sector-records.js';

const args = parseArgs({
  options: { copies: { type: 'string', default: '0,5,20' }, reads: { type: 'string', default: '12' } },
}).values;
const copyCounts = args.copies.split(',').map(Number);
const reads = Number(args.reads);
if (copyCounts.some((n, i) => !Number.isInteger(n) || n < (copyCounts[i - 1] ?? 0)) || !(reads >= 3))
  throw new Error('--copies: ascending whole numbers (e.g. 0,5,20); --reads: 3 or more');

interface Sector {
  subgraph: SubgraphName;
  owner: IndicatorSector;
  computed: ComputedIndicators;
  /** Whether it also sums reported figures (`indicator_value`). */
  reported: boolean;
  /** The tables its figure statements read by location. */
  located: string[];
}

const SECTORS: Sector[] = [
  { subgraph: 'health', owner: 'HEALTH', computed: HEALTH_COMPUTED, reported: false, located: ['health_figure_tally'] },
  {
    subgraph: 'education',
    owner: 'EDUCATION',
    computed: EDUCATION_COMPUTED,
    reported: true,
    located: ['school', 'child_population_report', 'indicator_value'],
  },
  {
    subgraph: 'ldtbxh',
    owner: 'SOCIAL_AFFAIRS',
    computed: SOCIAL_AFFAIRS_COMPUTED,
    reported: true,
    located: ['indicator_value', 'referral_network', 'parenting_session', 'pilot_model'],
  },
];

const planIndicators = (
  JSON.parse(benchPlanDocument(DEFAULT_PROVINCE, '')) as { targets: { indicator: string }[] }
).targets.map((target) => target.indicator);

/** The keys a progress of the bench plan asks of a sector, as its figure loader gets them. */
function progressKeys(owner: IndicatorSector): IndicatorValueKey[] {
  const owned = indicatorsOwnedBy(owner);
  const province = { code: DEFAULT_PROVINCE, validFrom: AS_OF };
  const years = Array.from({ length: PROGRESS_YEAR - FIRST_YEAR + 1 }, (_, i) => FIRST_YEAR + i);
  return planIndicators
    .filter((code) => owned.has(code))
    .flatMap((indicatorCode) => [
      ...years.map((year) => ({ indicatorCode, year, unit: province })),
      ...territoryCommunes(province, PROGRESS_YEAR).map((unit) => ({ indicatorCode, year: PROGRESS_YEAR, unit })),
    ]);
}

const LOCATION_COLUMNS = ['unit_code', 'commune_code', 'district_code', 'province_code'];

/** Adds copies `from`..`to` of a table's own rows, each as another province. */
async function copyAsProvinces(client: pg.Client, table: string, from: number, to: number): Promise<void> {
  const { rows } = await client.query<{ column_name: string }>(
    'SELECT column_name FROM information_schema.columns WHERE table_schema = current_schema() AND table_name = $1 ORDER BY ordinal_position',
    [table],
  );
  const columns = rows.map((row) => row.column_name);
  for (let n = from; n <= to; n++) {
    const values = columns.map((name) =>
      name === 'id' ? 'gen_random_uuid()' : LOCATION_COLUMNS.includes(name) ? `'x${n}' || "${name}"` : `"${name}"`,
    );
    await client.query(
      `INSERT INTO "${table}" (${columns.map((name) => `"${name}"`).join(', ')})
       SELECT ${values.join(', ')} FROM "${table}" WHERE province_code NOT LIKE 'x%'`,
    );
  }
  await client.query(`ANALYZE "${table}"`);
}

/** The median time of one read of every key, each with new loaders (one statement), after two unmeasured. */
async function timeReads(client: pg.Client, sector: Sector, keys: readonly IndicatorValueKey[]): Promise<number> {
  const db = pgQueryable(client, { prepared: true });
  const times: number[] = [];
  for (let i = 0; i < reads + 2; i++) {
    const { values } = createFigureLoaders(db, sector.computed, { reported: sector.reported });
    const started = performance.now();
    const figures = await values.loadMany(keys);
    if (i >= 2) times.push(performance.now() - started);
    const failed = figures.find((figure) => figure instanceof Error);
    if (failed) throw failed;
  }
  return percentile(times, 50);
}

const rowsIn = async (client: pg.Client, tables: readonly string[]) => {
  let total = 0;
  for (const table of tables)
    total += Number((await client.query<{ n: string }>(`SELECT count(*) AS n FROM "${table}"`)).rows[0]?.n ?? 0);
  return total;
};

const lines = [
  `| sector | keys | ${copyCounts.map((n) => `+${n} provinces: rows, ms`).join(' | ')} |`,
  `| --- | ---: | ${copyCounts.map(() => '---:').join(' | ')} |`,
];
for (const sector of SECTORS) {
  const client = new pg.Client({ connectionString: benchDatabaseUrl(sector.subgraph) });
  await client.connect();
  const keys = progressKeys(sector.owner);
  const cells: string[] = [];
  try {
    await client.query('BEGIN');
    let copied = 0;
    for (const count of copyCounts) {
      for (const table of sector.located) await copyAsProvinces(client, table, copied + 1, count);
      copied = count;
      const ms = await timeReads(client, sector, keys);
      cells.push(`${(await rowsIn(client, sector.located)).toLocaleString('en')}, ${ms.toFixed(1)}`);
      console.log(`${sector.subgraph}: +${count} provinces measured`);
    }
  } finally {
    await client.query('ROLLBACK');
    // The copies rolled back are dead rows until a vacuum: the next benchmark must find the tables as generated.
    for (const table of sector.located) await client.query(`VACUUM ANALYZE "${table}"`);
    await client.end();
  }
  lines.push(`| ${sector.subgraph} | ${keys.length} | ${cells.join(' | ')} |`);
}
console.log(
  `\nOne read of the bench plan's figures per sector (median of ${reads}), its located tables copied as other provinces:\n`,
);
console.log(lines.join('\n'));
