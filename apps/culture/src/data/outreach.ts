import {
  isProblem,
  locateUnitOn,
  locationColumns,
  locationOf,
  problem,
  rejectInput,
  textProblems,
  todayInVietnam,
  type InputProblem,
  type ScopeGuard,
} from '@ecd/service-kit';

import type { OutreachKind } from '../domain/labels.js';
import { unitListStart } from '../domain/location.js';
import { MAX_TOPIC_LENGTH, periodProblems, reachProblems } from '../domain/rules.js';
import type { OutreachInput } from '../generated/graphql.js';
import type { PrismaClient } from '../generated/prisma/client.js';

/** Family-life education sessions and communication campaigns, recorded at the unit that ran them. */
export function outreachData(prisma: PrismaClient) {
  return {
    /**
     * Checks the whole input, then records a family-life education session or a communication campaign at the
     * unit that ran it (commune, 2024 district or province, as valid on `from`), which must lie in the
     * person's territory (`scope`).
     */
    async record(
      kind: OutreachKind,
      input: OutreachInput,
      recordedBy: string,
      scope: ScopeGuard,
      today = todayInVietnam(),
    ) {
      const located = locateUnitOn('unitCode', input.unitCode, input.from, ['commune', 'district', 'province'], {
        beforeOldestList: 'refuse',
      });
      const location = isProblem(located) ? located : locationColumns(located);
      // The finest of its commune, district and province columns: the unit itself.
      if (!isProblem(location)) scope.assertCovers(locationOf(location, 'Outreach'), 'input.unitCode');
      const problems: InputProblem[] = [
        ...textProblems('topic', input.topic, 'Chủ đề', MAX_TOPIC_LENGTH),
        ...periodProblems(input.from, input.to, today),
        ...reachProblems(input.peopleReached, input.parentsReached),
        ...(isProblem(location) ? [location] : []),
      ];
      if (input.to.getTime() >= input.from.getTime() && unitListStart(input.from) !== unitListStart(input.to)) {
        problems.push(
          problem(
            'to',
            'PERIOD_CROSSES_UNIT_LISTS',
            'Khoảng thời gian không được vượt qua ngày 01/07/2025 (sắp xếp đơn vị hành chính): hãy ghi riêng phần trước và phần sau.',
          ),
        );
      }
      if (problems.length || isProblem(location))
        rejectInput(
          kind === 'FAMILY_EDUCATION' ? 'Buổi giáo dục đời sống gia đình' : 'Đợt truyền thông',
          'INVALID_OUTREACH',
          problems,
        );
      return prisma.outreach.create({
        data: {
          kind,
          channel: input.channel,
          topic: input.topic.trim(),
          dateFrom: input.from,
          dateTo: input.to,
          peopleReached: input.peopleReached,
          parentsReached: input.parentsReached,
          ...location,
          recordedBy,
        },
      });
    },
  };
}
