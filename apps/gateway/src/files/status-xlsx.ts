/**
 * A reporting period's status board as an Excel workbook: each expected report ("Báo cáo"), the counts
 * per sector function ("Theo lĩnh vực") and per unit ("Theo đơn vị", by official code), and the period
 * ("Thông tin").
 */
import { SUBMISSION_STATUS_LABELS } from '@ecd/service-kit';

import { submittedVersion, type GroupCounts, type ReportingPeriodInfo } from './operations.js';
import {
  addFactsSheet,
  addSheet,
  newWorkbook,
  PERCENT_FORMAT,
  planFacts,
  vietnamTime,
  xlsxBytes,
  yesNo,
  type Cell,
} from './xlsx.js';

export interface StatusWorkbookInput {
  period: ReportingPeriodInfo & { plan: { key: string; number: string | null; title: string } };
  generatedAt: Date;
}

export const STATUS_SHEETS = {
  reports: 'Báo cáo',
  bySector: 'Theo lĩnh vực',
  byUnit: 'Theo đơn vị',
  about: 'Thông tin',
};

const FREQUENCY_LABELS = { ANNUAL: 'Hằng năm', MIDTERM: 'Sơ kết', FINAL: 'Tổng kết' } as const;

const rate = (value: number | null): Cell => (value === null ? null : { value, numFmt: PERCENT_FORMAT });

const groupColumns = (code: string, label: string) => [
  { header: code, width: 22 },
  { header: label, width: 40 },
  { header: 'Phải báo cáo', width: 13, numFmt: '0' },
  { header: 'Đã báo cáo', width: 13, numFmt: '0' },
  { header: 'Đúng hạn', width: 11, numFmt: '0' },
  { header: 'Quá hạn', width: 11, numFmt: '0' },
  { header: 'Tỷ lệ đầy đủ', width: 13 },
  { header: 'Tỷ lệ đúng hạn', width: 14 },
];

const groupRow = (g: GroupCounts): Cell[] => [
  g.group,
  g.label,
  g.expected,
  g.submitted,
  g.onTime,
  g.overdue,
  rate(g.completenessRate),
  rate(g.timelinessRate),
];

/** The status board as the bytes of a .xlsx file. */
export async function reportingStatusXlsx({ period, generatedAt }: StatusWorkbookInput): Promise<Buffer> {
  const workbook = await newWorkbook(generatedAt);
  addSheet(
    workbook,
    STATUS_SHEETS.reports,
    [
      { header: 'Mã cơ quan', width: 18 },
      { header: 'Cơ quan', width: 50 },
      { header: 'Trạng thái', width: 16 },
      { header: 'Phiên bản', width: 10, numFmt: '0' },
      { header: 'Ngày gửi lần đầu', width: 18 },
      { header: 'Đúng hạn', width: 10 },
      { header: 'Quá hạn', width: 10 },
    ],
    period.expectedReports.map((report) => {
      const latest = report.versions.at(-1);
      return [
        report.reporter.code,
        report.reporter.name,
        latest ? SUBMISSION_STATUS_LABELS[latest.status] : 'Chưa báo cáo',
        latest?.version ?? null,
        report.firstSubmittedAt ? vietnamTime(report.firstSubmittedAt) : null,
        submittedVersion(report) ? yesNo(report.onTime) : null,
        yesNo(report.overdue),
      ];
    }),
  );
  addSheet(
    workbook,
    STATUS_SHEETS.bySector,
    groupColumns('Mã lĩnh vực', 'Lĩnh vực'),
    period.status.bySector.map(groupRow),
  );
  addSheet(workbook, STATUS_SHEETS.byUnit, groupColumns('Mã đơn vị', 'Đơn vị'), period.status.byUnit.map(groupRow));
  const s = period.status;
  addFactsSheet(
    workbook,
    STATUS_SHEETS.about,
    [
      ...planFacts(period.plan),
      ['Mã kỳ báo cáo', period.id],
      ['Loại báo cáo', FREQUENCY_LABELS[period.frequency]],
      ['Năm', period.year],
      ['Hạn báo cáo', period.dueOn],
      ['Cơ quan nhận báo cáo', `${period.recipient.name} (${period.recipient.code})`],
      ['Kỳ báo cáo đang mở', yesNo(period.open)],
      ['Phải báo cáo', s.expected],
      ['Đã báo cáo', s.submitted],
      ['Đúng hạn', s.onTime],
      ['Quá hạn', s.overdue],
      ['Tỷ lệ đầy đủ', rate(s.completenessRate)],
      ['Tỷ lệ đúng hạn', rate(s.timelinessRate)],
      ['Cơ quan quá hạn', s.overdueReporters.map((a) => `${a.name} (${a.code})`).join('; ') || null],
      ['Trích xuất lúc (UTC)', generatedAt.toISOString()],
    ],
    26,
  );
  return xlsxBytes(workbook);
}
