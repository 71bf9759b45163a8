import { locationOf, todayInVietnam, type ScopeGuard } from '@ecd/service-kit';
import type { PrismaClient } from '../generated/prisma/client.js';
import { isProblem, locate, unitListStart } from '../domain/location.js';
import { MAX_TOPIC_LENGTH, periodProblems, reachProblems, textProblems, type InputProblem } from '../domain/rules.js';
import type { OutreachChannel, OutreachKind } from '../domain/labels.js';
import { rejectInput } from './reject.js';

export interface OutreachInput {
  unitCode: string;
  from: Date;
  to: Date;
  channel: OutreachChannel;
  topic: string;
  peopleReached: number;
  parentsReached: number;
}

/**
 * Checks the whole input, then records a family-life education session or a communication campaign at the
 * unit that ran it (commune, 2024 district or province, as valid on `from`), which must lie in the
 * person's territory (`scope`).
 */
export async function recordOutreach(prisma: PrismaClient, kind: OutreachKind, input: OutreachInput, recordedBy: string, scope: ScopeGuard, today = todayInVietnam()) {
  const location = locate(input.unitCode, input.from, ['commune', 'district', 'province'], 'unitCode');
  // The finest of its commune, district and province columns: the unit itself.
  if (!isProblem(location)) scope.assertCovers(locationOf(location, 'Outreach'), 'input.unitCode');
  const problems: InputProblem[] = [
    ...textProblems('topic', input.topic, 'Chủ đề', MAX_TOPIC_LENGTH),
    ...periodProblems(input.from, input.to, today),
    ...reachProblems(input.peopleReached, input.parentsReached),
    ...(isProblem(location) ? [location] : []),
  ];
  if (input.to.getTime() >= input.from.getTime() && unitListStart(input.from) !== unitListStart(input.to)) {
    problems.push({
      field: 'to',
      reason: 'PERIOD_CROSSES_UNIT_LISTS',
      message: 'Khoảng thời gian không được vượt qua ngày 01/07/2025 (sắp xếp đơn vị hành chính): hãy ghi riêng phần trước và phần sau.',
    });
  }
  if (problems.length || isProblem(location)) rejectInput(kind === 'FAMILY_EDUCATION' ? 'Buổi giáo dục đời sống gia đình' : 'Đợt truyền thông', 'INVALID_OUTREACH', problems);
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
}
