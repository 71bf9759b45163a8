import { randomUUID } from 'node:crypto';

import { bulkInsert } from '@ecd/database';
import { rejectInput, type ScopeGuard } from '@ecd/service-kit';

import { enrolmentProblems } from '../domain/records.js';
import type { SchoolEnrolmentInput } from '../generated/graphql.js';
import type { PrismaClient } from '../generated/prisma/client.js';
import { schoolOfYearRecord } from './schools.js';
import { versioned } from './versions.js';

const sum = (values: readonly number[]) => values.reduce((a, b) => a + b, 0);

/** Pupil statistics: a school's enrolment by class group, age and sex and its grade flows, versioned per school and year. */
export function enrolmentData(prisma: PrismaClient) {
  return {
    /** Records a school's enrolment and grade flows for a school year in one transaction, after checking every field. */
    async record(input: SchoolEnrolmentInput, recordedBy: string, scope: ScopeGuard) {
      const { school, problems } = await schoolOfYearRecord(prisma, input.schoolId, input.year, scope);
      problems.push(...enrolmentProblems(school?.level ?? null, input.enrolment, input.gradeFlows));
      if (problems.length) rejectInput('Số liệu học sinh', 'INVALID_SCHOOL_ENROLMENT', problems);
      const id = randomUUID();
      const report = await versioned(() =>
        prisma.$transaction(async (tx) => {
          const latest = await tx.enrolmentReport.aggregate({
            where: { schoolId: input.schoolId, year: input.year },
            _max: { version: true },
          });
          const created = await tx.enrolmentReport.create({
            data: {
              id,
              schoolId: input.schoolId,
              year: input.year,
              version: (latest._max.version ?? 0) + 1,
              recordedBy,
            },
          });
          await bulkInsert(
            tx,
            'enrolment_count',
            input.enrolment.map((row) => ({
              id: randomUUID(),
              reportId: id,
              ...row,
              pupilsWithEcdServices: row.pupilsWithEcdServices ?? null,
            })),
          );
          await bulkInsert(
            tx,
            'grade_flow',
            input.gradeFlows.map((flow) => ({ id: randomUUID(), reportId: id, ...flow })),
          );
          return created;
        }),
      );
      return {
        id: report.id,
        schoolId: report.schoolId,
        year: report.year,
        version: report.version,
        pupils: sum(input.enrolment.map((r) => r.pupils)),
        pupilsWithDisabilities: sum(input.enrolment.map((r) => r.pupilsWithDisabilities)),
        pupilsWithEcdServices: input.enrolment.some((r) => typeof r.pupilsWithEcdServices === 'number')
          ? sum(input.enrolment.map((r) => r.pupilsWithEcdServices ?? 0))
          : null,
        dropouts: sum(input.gradeFlows.map((f) => f.droppingOut)),
        recordedBy: report.recordedBy,
        recordedAt: report.createdAt.toISOString(),
      };
    },
  };
}
