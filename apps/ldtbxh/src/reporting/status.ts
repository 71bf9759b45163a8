import type { Agency, PrismaClient, ReportingPeriod } from '../generated/prisma/client.js';
import { boardBy, boardCounts, endOfDayInVietnam, type BoardCounts, type ExpectedReportState } from '../domain/reporting-board.js';
import { validOn } from '../units/validity.js';

export const SECTOR_FUNCTION_LABELS: Record<string, string> = {
  COORDINATION: 'Điều phối (cơ quan chủ trì)',
  HEALTH: 'Y tế',
  EDUCATION: 'Giáo dục và Đào tạo',
  CULTURE: 'Văn hóa, Thể thao và Du lịch',
  SOCIAL_PROTECTION: 'Bảo trợ xã hội',
  CHILD_PROTECTION: 'Bảo vệ, chăm sóc trẻ em',
  LABOUR: 'Lao động',
  FINANCE: 'Tài chính',
  PLANNING: 'Kế hoạch và Đầu tư',
  INFORMATION: 'Thông tin và Truyền thông',
  MASS_MOBILISATION: 'Đoàn thể, tổ chức xã hội',
  NONE: 'Chưa xác định chức năng',
};

export interface GroupStatusParent extends BoardCounts {
  group: string;
  label: string;
}

export interface ReportingStatusParent extends BoardCounts {
  bySector: GroupStatusParent[];
  byUnit: GroupStatusParent[];
  overdueReporters: Agency[];
}

/** The state of each expected report of a period: who, in which sectors and unit, first submitted when. */
export async function expectedReportStates(prisma: PrismaClient, period: ReportingPeriod) {
  const expected = await prisma.expectedReport.findMany({
    where: { periodId: period.id },
    orderBy: { reporterCode: 'asc' },
  });
  const codes = expected.map((e) => e.reporterCode);
  const [agencies, functions, firstSubmissions] = await Promise.all([
    prisma.agency.findMany({ where: { code: { in: codes } } }),
    prisma.agencyFunction.findMany({ where: { agencyCode: { in: codes }, ...validOn(period.dueOn) } }),
    prisma.submission.groupBy({
      by: ['expectedReportId'],
      where: { expectedReport: { periodId: period.id }, submittedAt: { not: null } },
      _min: { submittedAt: true },
    }),
  ]);
  const firstOf = new Map(firstSubmissions.map((s) => [s.expectedReportId, s._min.submittedAt]));
  return expected.map((e) => {
    const agency = agencies.find((a) => a.code === e.reporterCode)!;
    const state: ExpectedReportState = {
      reporter: e.reporterCode,
      functions: functions.filter((f) => f.agencyCode === e.reporterCode).map((f) => f.function),
      unit: agency.unitCode,
      firstSubmittedAt: firstOf.get(e.id) ?? null,
    };
    return { expected: e, agency, state };
  });
}

/** Completeness and timeliness of a period, overall, per sector function and per unit served. */
export async function reportingStatus(prisma: PrismaClient, period: ReportingPeriod, now = new Date()): Promise<ReportingStatusParent> {
  const reports = await expectedReportStates(prisma, period);
  const states = reports.map((r) => r.state);
  const unitNames = new Map(
    (await prisma.administrativeUnit.findMany({ where: { OR: reports.filter((r) => r.agency.unitCode).map((r) => ({ code: r.agency.unitCode!, validFrom: r.agency.unitValidFrom! })) } })).map(
      (u) => [u.code, u.fullName],
    ),
  );
  const deadline = endOfDayInVietnam(period.dueOn);
  return {
    ...boardCounts(states, period.dueOn, now),
    bySector: boardBy(states, (s) => (s.functions.length ? s.functions : ['NONE']), period.dueOn, now).map((g) => ({
      ...g,
      label: SECTOR_FUNCTION_LABELS[g.group] ?? g.group,
    })),
    byUnit: boardBy(states, (s) => [s.unit ?? 'NATIONAL'], period.dueOn, now).map((g) => ({
      ...g,
      label: unitNames.get(g.group) ?? 'Trung ương',
    })),
    overdueReporters: now > deadline ? reports.filter((r) => r.state.firstSubmittedAt === null).map((r) => r.agency) : [],
  };
}
