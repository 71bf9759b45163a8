import { rejectInput, type ScopeGuard } from '@ecd/service-kit';

import { surveyProblems } from '../domain/records.js';
import type { SchoolSurveyInput } from '../generated/graphql.js';
import type { PrismaClient } from '../generated/prisma/client.js';
import { schoolOfYearRecord } from './schools.js';
import { versioned } from './versions.js';

/** School surveys: each submission for a school and year is the next version. */
export function surveyData(prisma: PrismaClient) {
  return {
    /** Records a school's yearly survey (a school in the person's territory), after checking every field. */
    async record(input: SchoolSurveyInput, recordedBy: string, scope: ScopeGuard) {
      const { problems } = await schoolOfYearRecord(prisma, input.schoolId, input.year, scope);
      problems.push(...surveyProblems(input));
      if (problems.length) rejectInput('Phiếu khảo sát trường học', 'INVALID_SCHOOL_SURVEY', problems);
      const survey = await versioned(() =>
        prisma.$transaction(async (tx) => {
          const latest = await tx.schoolSurvey.aggregate({
            where: { schoolId: input.schoolId, year: input.year },
            _max: { version: true },
          });
          return tx.schoolSurvey.create({ data: { ...input, version: (latest._max.version ?? 0) + 1, recordedBy } });
        }),
      );
      return { ...survey, recordedAt: survey.createdAt.toISOString() };
    },
  };
}
