import { randomUUID } from 'node:crypto';

import { bulkInsert, type SubgraphEnv } from '@ecd/database';
import type { Logger } from '@ecd/service-kit';
import { communeLocations, DEMO_AS_OF, DEMO_SEED, SeededRandom } from '@ecd/synthetic-data';

import { rebuildTallies } from '../data/tallies.js';
import { growthScores, type MeasurementValues } from '../domain/growth-measurement.js';
import {
  ageDaysBetween,
  checkPlausibility,
  PLAUSIBLE_LIMITS,
  zScore,
  type ZScoreResult,
} from '../domain/who-growth.js';
import type { PrismaClient } from '../generated/prisma/client.js';
import { demoChildKeys, demoImmunisations, demoPregnancies, demoServiceContacts } from './records.js';

/** Children registered per commune in the demo: enough to aggregate, small enough to seed in seconds. */
const DEMO_CHILDREN_PER_COMMUNE = { min: 120, max: 320 };
const DAY_MS = 86_400_000;
/**
 * The demo's growth campaign measures the children under 5 in the six months from DEMO_AS_OF, all in
 * the post-reform communes. Z-scores are drawn as normal distributions shifted down so that about one
 * child in five is stunted and one in twenty wasted, the order of magnitude of Vietnam's recent surveys.
 */
const CAMPAIGN_DAYS = 183;
const DEMO_Z = { lengthHeightForAge: { mean: -1.0, sd: 1.1 }, weightForLengthHeight: { mean: -0.4, sd: 1.0 } };
const OEDEMA_SHARE = 0.002;
/** Within the plausibility limits, so every demo measurement could have been recorded through the API. */
const LIMITS = {
  lengthHeightCm: [PLAUSIBLE_LIMITS.minLengthHeightCm, PLAUSIBLE_LIMITS.maxLengthHeightCm],
  weightKg: [0.5, PLAUSIBLE_LIMITS.maxWeightKg],
} as const;
/** Recumbent length is the standard under 731 days; older children are measured standing. */
const STANDING_FROM_AGE_DAYS = 731;

/**
 * One trạm y tế per commune of the demo province, the children 0-8 its station follows, and one growth
 * measurement of each of them under 5; their immunisations and health services, some children's federation
 * keys, and pregnancies with antenatal visits (records.ts). Runs once: a database that already has the demo stations is left as it is.
 */
export async function seedDemo(
  prisma: PrismaClient,
  logger: Logger,
  { CHILD_KEY_SECRET: childKeySecret }: Pick<SubgraphEnv, 'CHILD_KEY_SECRET'>,
): Promise<void> {
  const started = Date.now();
  const communes = communeLocations();
  const [first] = communes;
  if (!first) throw new Error('the demo province has no communes');
  if ((await prisma.healthStation.count({ where: { provinceCode: first.location.provinceCode } })) > 0) return;
  const random = new SeededRandom(DEMO_SEED).fork('health');
  const asOf = new Date(`${DEMO_AS_OF}T00:00:00Z`).getTime();
  const stations = communes.map(({ commune, location }) => ({
    id: randomUUID(),
    name: `Trạm Y tế ${commune.fullName}`,
    ...location,
    openedOn: new Date(Date.UTC(random.int(1985, 2015), random.int(0, 11), random.int(1, 28))),
  }));
  const children = communes.flatMap(({ location }) =>
    Array.from({ length: random.int(DEMO_CHILDREN_PER_COMMUNE.min, DEMO_CHILDREN_PER_COMMUNE.max) }, () => ({
      id: randomUUID(),
      birthDate: new Date(asOf - random.int(0, 9 * 365) * DAY_MS),
      sex: random.next() < 0.512 ? ('MALE' as const) : ('FEMALE' as const),
      ...location,
    })),
  );
  const growth = random.fork('growth');
  const measurements = children.flatMap((child) => {
    const measuredOn = new Date(asOf + growth.int(0, CAMPAIGN_DAYS - 1) * DAY_MS);
    const values = demoMeasurement(growth, child, measuredOn);
    if (!values) return [];
    const { communeCode, communeValidFrom, provinceCode, provinceValidFrom } = child;
    return [
      {
        ...values,
        ...growthScores(values),
        childRecordId: child.id,
        communeCode,
        communeValidFrom,
        provinceCode,
        provinceValidFrom,
        recordedBy: 'demo-seed',
      },
    ];
  });
  const childKeys = demoChildKeys(random.fork('child-keys'), children, childKeySecret);
  const stationByCommune = new Map(stations.map((s) => [s.communeCode, s.id]));
  const stationOf = (communeCode: string) => {
    const stationId = stationByCommune.get(communeCode);
    if (!stationId) throw new Error(`no demo station in commune ${communeCode}`);
    return stationId;
  };
  const immunisations = demoImmunisations(random.fork('immunisation'), children, stationOf);
  const contacts = demoServiceContacts(random.fork('services'), children, stationOf);
  const { pregnancies, visits } = demoPregnancies(random.fork('antenatal'));
  await prisma.$transaction(async (tx) => {
    await bulkInsert(tx, 'health_station', stations);
    await bulkInsert(
      tx,
      'child_record',
      children.map((c) => ({ ...c, childKey: childKeys.get(c.id) ?? null, recordedBy: 'demo-seed' })),
    );
    await bulkInsert(
      tx,
      'growth_measurement',
      measurements.map((m) => ({ id: randomUUID(), ...m })),
    );
    await bulkInsert(tx, 'immunisation', immunisations);
    await bulkInsert(tx, 'health_service_contact', contacts);
    await bulkInsert(tx, 'pregnancy', pregnancies);
    await bulkInsert(tx, 'antenatal_visit', visits);
    await rebuildTallies(tx);
  });
  logger.info(
    {
      stations: stations.length,
      children: children.length,
      childKeys: childKeys.size,
      growthMeasurements: measurements.length,
      immunisations: immunisations.length,
      serviceContacts: contacts.length,
      pregnancies: pregnancies.length,
      antenatalVisits: visits.length,
      ms: Date.now() - started,
    },
    'demo health records seeded',
  );
}

/** A plausible measurement of a child under 5 on `measuredOn`, or null for an older child. */
function demoMeasurement(
  random: SeededRandom,
  child: Pick<MeasurementValues, 'sex' | 'birthDate'>,
  measuredOn: Date,
): MeasurementValues | null {
  if (checkPlausibility({ birthDate: child.birthDate, measuredOn }).length) return null;
  const ageDays = ageDaysBetween(child.birthDate, measuredOn);
  const measured = ageDays < STANDING_FROM_AGE_DAYS ? ('LYING' as const) : ('STANDING' as const);
  const scored = { sex: child.sex, ageDays, measured };
  const lengthZ = normal(random, DEMO_Z.lengthHeightForAge);
  const lengthHeightCm = round(
    valueAtZ(
      (cm) => zScore('LENGTH_HEIGHT_FOR_AGE', { ...scored, lengthHeightCm: cm }),
      lengthZ,
      LIMITS.lengthHeightCm,
    ),
    1,
  );
  // Weight follows weight-for-length/height, or weight-for-age for the rare length outside that standard.
  const indicator = zScore('WEIGHT_FOR_LENGTH_HEIGHT', { ...scored, lengthHeightCm, weightKg: 10 }).ok
    ? 'WEIGHT_FOR_LENGTH_HEIGHT'
    : 'WEIGHT_FOR_AGE';
  const weightZ = normal(random, DEMO_Z.weightForLengthHeight);
  const weightKg = round(
    valueAtZ((kg) => zScore(indicator, { ...scored, lengthHeightCm, weightKg: kg }), weightZ, LIMITS.weightKg),
    2,
  );
  return {
    sex: child.sex,
    birthDate: child.birthDate,
    measuredOn,
    weightKg,
    lengthHeightCm,
    measured,
    oedema: random.next() < OEDEMA_SHARE,
  };
}

function normal(random: SeededRandom, { mean, sd }: { mean: number; sd: number }): number {
  // Box-Muller; 1 - next() is in (0, 1], so the logarithm is finite.
  return mean + sd * Math.sqrt(-2 * Math.log(1 - random.next())) * Math.cos(2 * Math.PI * random.next());
}

/** The measurement whose z-score is `z`, by bisection: z-scores grow with the measurement. */
function valueAtZ(score: (value: number) => ZScoreResult, z: number, [low, high]: readonly [number, number]): number {
  // 20 halvings narrow the range a million-fold (under 0.001 mm and 0.1 g): far below the rounding that follows.
  for (let i = 0; i < 20; i++) {
    const middle = (low + high) / 2;
    const result = score(middle);
    if (!result.ok) throw new Error(`demo measurement not scored: ${result.reason}`);
    if (result.z < z) low = middle;
    else high = middle;
  }
  return (low + high) / 2;
}

const round = (value: number, decimals: number) => Number(value.toFixed(decimals));
