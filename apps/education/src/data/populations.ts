import { randomUUID } from 'node:crypto';

import { bulkInsert } from '@ecd/database';
import {
  FIRST_DAY,
  fromIsoDate,
  locateCommuneOn,
  rejectInput,
  todayInVietnam,
  toIsoDate,
  type ScopeGuard,
} from '@ecd/service-kit';

import { populationProblems, schoolYearProblems } from '../domain/records.js';
import type { ChildPopulationInput } from '../generated/graphql.js';
import type { PrismaClient } from '../generated/prisma/client.js';
import { assertCommuneCovered } from './location.js';
import { versioned } from './versions.js';

/** The universal-education survey: a commune's children by age and sex, versioned per commune and year. */
export function populationData(prisma: PrismaClient) {
  return {
    /**
     * Records a commune's child population (the commune as valid on 5 September of `year − 1`, the school
     * year's opening, and in the person's territory) after checking every field.
     */
    async record(input: ChildPopulationInput, recordedBy: string, scope: ScopeGuard) {
      const years = schoolYearProblems(input.year, todayInVietnam());
      const location = locateCommuneOn(
        'communeCode',
        input.communeCode,
        years.length ? FIRST_DAY : fromIsoDate(`${input.year - 1}-09-05`),
      );
      if (!('reason' in location)) assertCommuneCovered(scope, location, 'input.communeCode');
      const problems = [
        ...years,
        ...('reason' in location ? [location] : []),
        ...populationProblems(input.source, input.counts),
      ];
      if (problems.length || 'reason' in location)
        rejectInput('Số liệu điều tra phổ cập', 'INVALID_CHILD_POPULATION', problems);
      const id = randomUUID();
      const report = await versioned(() =>
        prisma.$transaction(async (tx) => {
          const latest = await tx.childPopulationReport.aggregate({
            where: { communeCode: location.communeCode, communeValidFrom: location.communeValidFrom, year: input.year },
            _max: { version: true },
          });
          const created = await tx.childPopulationReport.create({
            data: {
              id,
              year: input.year,
              version: (latest._max.version ?? 0) + 1,
              source: input.source.trim(),
              ...location,
              recordedBy,
            },
          });
          await bulkInsert(
            tx,
            'child_population_count',
            input.counts.map((row) => ({ id: randomUUID(), reportId: id, ...row })),
          );
          return created;
        }),
      );
      return {
        // Kept for the access guard of the report's fields (locationOf), beside the commune entity.
        communeCode: report.communeCode,
        communeValidFrom: report.communeValidFrom,
        id: report.id,
        commune: { code: report.communeCode, validFrom: toIsoDate(report.communeValidFrom) },
        year: report.year,
        version: report.version,
        source: report.source,
        children: input.counts.reduce((total, row) => total + row.children, 0),
        recordedBy: report.recordedBy,
        recordedAt: report.createdAt.toISOString(),
      };
    },
  };
}
