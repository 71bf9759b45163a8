import JSZip from 'jszip';

import type { CommuneRow, ProgressRow, ReportingPeriodInfo, ReportPlan } from './operations.js';

/** Test data shaped as the GraphQL answers: a province, three targets (a percentage of each kind of source). */
const province = { code: '20', validFrom: '2025-07-01', fullName: 'Tỉnh Lạng Sơn' };

const commune = (code: string, fullName: string, value: number | null, status: CommuneRow['status']): CommuneRow => ({
  unitCode: code,
  unit: { code, validFrom: '2025-07-01', fullName },
  figure: value === null ? null : { numerator: value * 10, denominator: 1000, source: 'Báo cáo xã', reported: true },
  value,
  gap: value === null ? null : value - 90,
  gapLabel:
    value === null
      ? null
      : value >= 90
        ? `Vượt ${value - 90} điểm phần trăm`
        : `Còn thiếu ${90 - value} điểm phần trăm`,
  status,
  territory: { approximate: false, note: null },
});

export const sampleProgress = (): ProgressRow[] => [
  {
    targetId: 't1',
    indicatorCode: 'ECD_SERVICE_ACCESS_0_8',
    unitCode: '20',
    year: 2025,
    target: { code: 'a1-b1', description: 'Phấn đấu 90% (2025) trẻ em đến 8 tuổi được tiếp cận dịch vụ.' },
    indicator: {
      code: 'ECD_SERVICE_ACCESS_0_8',
      name: 'Tỷ lệ trẻ em đến 8 tuổi được tiếp cận dịch vụ',
      sector: 'SOCIAL_AFFAIRS',
      kind: 'RATIO',
      factor: 100,
    },
    unit: province,
    figure: { numerator: 92_500, denominator: 100_000, source: 'Báo cáo của Sở', reported: true },
    value: 92.5,
    milestone: { year: 2025, comparator: 'GTE', comparatorLabel: '≥', value: 90 },
    gap: 2.5,
    gapLabel: 'Vượt 2,5 điểm phần trăm',
    status: 'REACHED',
    expected: 90,
    baseline: { year: 2019, value: 60 },
    territory: { approximate: false, note: null },
    bySex: [
      {
        sex: 'MALE',
        label: 'Nam',
        numerator: 47_000,
        denominator: 51_000,
        value: 92.15686,
        gap: 2.15686,
        gapLabel: 'Vượt 2,16 điểm phần trăm',
        status: 'REACHED',
      },
      {
        sex: 'FEMALE',
        label: 'Nữ',
        numerator: 45_500,
        denominator: 49_000,
        value: 92.85714,
        gap: 2.85714,
        gapLabel: 'Vượt 2,86 điểm phần trăm',
        status: 'REACHED',
      },
    ],
    communes: [commune('05977', 'Phường Đông Kinh', 95, 'REACHED'), commune('06001', 'Xã Tân Đoàn', 81.25, 'BEHIND')],
    communesBySex: [],
  },
  {
    targetId: 't2',
    indicatorCode: 'SCHOOLS_WITH_SANITATION',
    unitCode: '20',
    year: 2025,
    target: { code: 'c7', description: 'Phấn đấu 85% (2025) trường học có nước sạch và nhà vệ sinh.' },
    indicator: {
      code: 'SCHOOLS_WITH_SANITATION',
      name: 'Tỷ lệ trường học có nước sạch và nhà vệ sinh',
      sector: 'EDUCATION',
      kind: 'RATIO',
      factor: 100,
    },
    unit: province,
    figure: { numerator: 8, denominator: 11, source: 'Khảo sát trường học', reported: false },
    value: (8 / 11) * 100,
    milestone: { year: 2025, comparator: 'GTE', comparatorLabel: '≥', value: 85 },
    gap: (8 / 11) * 100 - 85,
    gapLabel: 'Còn thiếu 12,27 điểm phần trăm',
    status: 'BEHIND',
    expected: 85,
    baseline: null,
    territory: { approximate: true, note: 'Xã Tân Đoàn gồm một phần địa bàn ngoài tỉnh (xấp xỉ).' },
    bySex: null,
    communes: [commune('05977', 'Phường Đông Kinh', null, 'NO_DATA'), commune('06001', 'Xã Tân Đoàn', null, 'NO_DATA')],
    communesBySex: [],
  },
  {
    targetId: 't3',
    indicatorCode: 'ECD_PILOT_MODELS',
    unitCode: '20',
    year: 2025,
    target: { code: 'c1', description: 'Duy trì 12 mô hình thí điểm.' },
    indicator: {
      code: 'ECD_PILOT_MODELS',
      name: 'Số mô hình thí điểm',
      sector: 'SOCIAL_AFFAIRS',
      kind: 'COUNT',
      factor: 1,
    },
    unit: province,
    figure: { numerator: 1234, denominator: null, source: 'Sổ mô hình', reported: false },
    value: 1234,
    milestone: { year: 2025, comparator: 'GTE', comparatorLabel: '≥', value: 1200 },
    gap: 34,
    gapLabel: 'Vượt 34',
    status: 'REACHED',
    expected: null,
    baseline: null,
    territory: { approximate: false, note: null },
    bySex: null,
    communes: [],
    communesBySex: [],
  },
];

export const samplePeriod = (): ReportingPeriodInfo => ({
  id: '6f1f7d0e-7d1b-4b8e-9a51-2b8f8f1c9a10',
  frequency: 'ANNUAL',
  year: 2025,
  dueOn: '2025-12-05',
  open: true,
  recipient: { code: 'SYT-20', name: 'Sở Y tế tỉnh Lạng Sơn' },
  status: {
    expected: 3,
    submitted: 2,
    onTime: 1,
    overdue: 1,
    completenessRate: 2 / 3,
    timelinessRate: 1 / 3,
    bySector: [
      {
        group: 'EDUCATION',
        label: 'Giáo dục và Đào tạo',
        expected: 1,
        submitted: 1,
        onTime: 1,
        overdue: 0,
        completenessRate: 1,
        timelinessRate: 1,
      },
      {
        group: 'CULTURE',
        label: 'Văn hóa, Thể thao và Du lịch',
        expected: 1,
        submitted: 1,
        onTime: 0,
        overdue: 0,
        completenessRate: 1,
        timelinessRate: 0,
      },
      {
        group: 'FINANCE',
        label: 'Tài chính',
        expected: 1,
        submitted: 0,
        onTime: 0,
        overdue: 1,
        completenessRate: 0,
        timelinessRate: 0,
      },
    ],
    byUnit: [
      {
        group: '20',
        label: 'Tỉnh Lạng Sơn',
        expected: 3,
        submitted: 2,
        onTime: 1,
        overdue: 1,
        completenessRate: 2 / 3,
        timelinessRate: 1 / 3,
      },
    ],
    overdueReporters: [{ code: 'STC-20', name: 'Sở Tài chính tỉnh Lạng Sơn' }],
  },
  expectedReports: [
    {
      reporter: { code: 'SGDDT-20', name: 'Sở Giáo dục và Đào tạo tỉnh Lạng Sơn' },
      overdue: false,
      onTime: true,
      firstSubmittedAt: '2025-11-30T03:00:00.000Z',
      versions: [
        {
          version: 1,
          status: 'ACCEPTED',
          note: 'Đã tập huấn 300 giáo viên mầm non.',
          difficulties: 'Thiếu giáo viên ở vùng cao.',
          proposals: 'Bổ sung biên chế giáo viên mầm non.',
          submittedAt: '2025-11-30T03:00:00.000Z',
        },
      ],
    },
    {
      reporter: { code: 'SVHTTDL-20', name: 'Sở Văn hóa, Thể thao và Du lịch tỉnh Lạng Sơn' },
      overdue: false,
      onTime: false,
      firstSubmittedAt: '2025-12-20T03:00:00.000Z',
      versions: [
        {
          version: 1,
          status: 'SUBMITTED',
          note: null,
          difficulties: 'Kinh phí truyền thông còn hạn chế.',
          proposals: null,
          submittedAt: '2025-12-20T03:00:00.000Z',
        },
        {
          version: 2,
          status: 'DRAFT',
          note: 'Bản nháp chưa gửi: không được đưa vào báo cáo.',
          difficulties: 'Bản nháp chưa gửi.',
          proposals: null,
          submittedAt: null,
        },
      ],
    },
    {
      reporter: { code: 'STC-20', name: 'Sở Tài chính tỉnh Lạng Sơn' },
      overdue: true,
      onTime: null,
      firstSubmittedAt: null,
      versions: [],
    },
  ],
});

export const samplePlan = (): ReportPlan => ({
  key: 'lang-son-2019-de-an-1437',
  number: null,
  title: 'Kế hoạch triển khai thực hiện Đề án chăm sóc vì sự phát triển toàn diện trẻ em',
  issuedOn: null,
  periodStart: 2019,
  periodEnd: 2025,
  issuer: { code: 'UBND-20', name: 'Ủy ban nhân dân tỉnh Lạng Sơn' },
  scope: { code: '20', validFrom: '2019-01-01', name: 'Lạng Sơn', fullName: 'Tỉnh Lạng Sơn' },
  targets: [
    { code: 'a1-b1', description: 'Phấn đấu 90% trẻ em được tiếp cận dịch vụ.', qualitative: false, dueYear: null },
    {
      code: 'a3-b3-mo-hinh',
      description: 'Thí điểm mô hình chăm sóc phát triển toàn diện trẻ em tại gia đình và cộng đồng',
      qualitative: true,
      dueYear: 2020,
    },
  ],
  tasks: [
    {
      title: 'Tổ chức triển khai, hướng dẫn thực hiện Kế hoạch',
      description: null,
      lead: { code: 'SLDTBXH-20', name: 'Sở Lao động - Thương binh và Xã hội tỉnh Lạng Sơn' },
      coordinating: [
        { code: 'SGDDT-20', name: 'Sở Giáo dục và Đào tạo tỉnh Lạng Sơn' },
        { code: 'SYT-20', name: 'Sở Y tế tỉnh Lạng Sơn' },
      ],
    },
    {
      title: 'Hỗ trợ giáo dục sớm cho trẻ em đến 8 tuổi',
      description: null,
      lead: { code: 'SGDDT-20', name: 'Sở Giáo dục và Đào tạo tỉnh Lạng Sơn' },
      coordinating: [],
    },
    {
      title: 'Bảo đảm kinh phí',
      description: null,
      lead: { code: 'STC-20', name: 'Sở Tài chính tỉnh Lạng Sơn' },
      coordinating: [],
    },
  ],
  reportingRules: [
    { frequency: 'ANNUAL', due: '12-05', recipient: { code: 'SLDTBXH-20', name: 'Sở LĐTBXH tỉnh Lạng Sơn' } },
  ],
  progress: sampleProgress(),
  previous: [
    { targetId: 't1', value: 88, status: 'AT_RISK' },
    { targetId: 't2', value: null, status: 'NO_DATA' },
  ],
  reportingPeriods: [samplePeriod()],
});

/** The text of a .docx's body (word/document.xml), with its runs' text joined per paragraph. */
export async function docxText(bytes: Buffer): Promise<{ xml: string; paragraphs: string[]; zip: JSZip }> {
  const zip = await JSZip.loadAsync(bytes);
  const xml = await zip.file('word/document.xml')!.async('string');
  const paragraphs = [...xml.matchAll(/<w:p[ >][\s\S]*?<\/w:p>/g)].map((p) =>
    [...p[0].matchAll(/<w:t(?: [^>]*)?>([^<]*)<\/w:t>/g)].map((t) => unescapeXml(t[1]!)).join(''),
  );
  return { xml, paragraphs, zip };
}

const unescapeXml = (text: string) =>
  text
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&quot;/g, '"')
    .replace(/&apos;/g, "'")
    .replace(/&amp;/g, '&');

/** The bytes of a file as the ArrayBuffer exceljs loads. */
export const toArrayBuffer = (bytes: Buffer): ArrayBuffer =>
  bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.byteLength) as ArrayBuffer;
