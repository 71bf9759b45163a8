import { randomUUID } from 'node:crypto';

import { bulkInsert } from '@ecd/database';
import { indicatorsOwnedBy } from '@ecd/reference-data';
import type { Logger } from '@ecd/service-kit';
import { communeLocations, DEMO_SEED, SeededRandom } from '@ecd/synthetic-data';

import { EDUCATION_COMPUTED } from '../data/computed-indicators.js';
import type { SchoolLevel, SchoolOwnership } from '../domain/school-level.js';
import type { PrismaClient } from '../generated/prisma/client.js';
import { demoRecords, REPORTED_LEVELS } from './records.js';
import { DEMO_UNITS } from './trajectory.js';

/** A commune's second preschool is private (tư thục), as many are: the public one comes first. */
const demoOwnership = (level: SchoolLevel, indexInCommune: number): SchoolOwnership =>
  level === 'PRESCHOOL' && indexInCommune > 0 ? 'PRIVATE' : 'PUBLIC';

/**
 * The demo's education data, once (a database that has schools is left alone), in one transaction of bulk
 * inserts:
 * - the demo province Lạng Sơn's schools, in its 2025 communes: 1-2 preschools, 1-2 primary and 1
 *   lower-secondary school each, without records (its plan sets no education target);
 * - the records of the education plans' units every year of their trajectory (records.ts, trajectory.ts):
 *   Ninh Bình (37) 2019-2025 and Bến Cát (721) 2021-2026, their schools (and Ninh Bình's independent
 *   nursery groups) with their yearly surveys, the pupil statistics of the levels each plan covers (Ninh
 *   Bình: preschool and primary), Bến Cát's universal-education surveys, and the figures education reports
 *   in aggregate.
 */
export async function seedDemo(prisma: PrismaClient, logger: Logger): Promise<void> {
  if ((await prisma.school.count()) > 0) return;
  const started = performance.now();
  const random = new SeededRandom(DEMO_SEED).fork('education');
  const langSonSchools = communeLocations().flatMap(({ commune, location }) => {
    const named = (level: SchoolLevel, prefix: string, count: number) =>
      Array.from({ length: count }, (_, i) => ({
        id: randomUUID(),
        name: `${prefix} ${commune.name}${count > 1 ? ` ${i + 1}` : ''}`,
        level,
        ownership: demoOwnership(level, i),
        ...location,
        recordedBy: 'demo-seed',
      }));
    return [
      ...named('PRESCHOOL', 'Trường Mầm non', random.int(1, 2)),
      ...named('PRIMARY', 'Trường Tiểu học', random.int(1, 2)),
      ...named('LOWER_SECONDARY', 'Trường THCS', 1),
    ];
  });

  // Every indicator education reports in aggregate has demo figures.
  const reported = [...indicatorsOwnedBy('EDUCATION')].filter((code) => !EDUCATION_COMPUTED[code]);
  const withoutFigures = reported.filter((code) => !REPORTED_LEVELS[code]);
  if (withoutFigures.length) throw new Error(`No demo trajectory for ${withoutFigures.join(', ')}`);
  const rows = demoRecords(DEMO_UNITS, DEMO_SEED);
  const generated = performance.now();

  await prisma.$transaction(async (tx) => {
    // bulkInsert takes its columns from the first row: Lạng Sơn's schools (no district, no opening day) apart.
    await bulkInsert(tx, 'school', langSonSchools);
    await bulkInsert(tx, 'school', rows.school);
    await bulkInsert(tx, 'school_survey', rows.survey);
    await bulkInsert(tx, 'enrolment_report', rows.report);
    await bulkInsert(tx, 'enrolment_count', rows.enrolment);
    await bulkInsert(tx, 'grade_flow', rows.flow);
    await bulkInsert(tx, 'child_population_report', rows.population);
    await bulkInsert(tx, 'child_population_count', rows.counts);
    await bulkInsert(tx, 'indicator_value', rows.figures);
  });
  logger.info(
    {
      schools: langSonSchools.length + rows.school.length,
      surveys: rows.survey.length,
      enrolmentRows: rows.enrolment.length,
      populationRows: rows.counts.length,
      figures: rows.figures.length,
      years: Object.fromEntries(DEMO_UNITS.map((u) => [u.code, `${u.firstYear}-${u.lastYear}`])),
      generateMs: Math.round(generated - started),
      ms: Math.round(performance.now() - started),
    },
    'demo education data seeded',
  );
}
