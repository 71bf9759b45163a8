/**
 * The annual report on a plan as a Word document, in the form of an administrative document (Nghị định
 * 30/2020/NĐ-CP, Phụ lục I): the two header columns (issuing body; national emblem lines), number and
 * symbol, place and date, the title "BÁO CÁO", Times New Roman 14 pt on A4 with the decree's margins,
 * "Nơi nhận" and the signature block. Every figure comes from the progress API; the officer fills only
 * the number, the day and the signature, and edits the prose.
 *
 * Pure: data in, document out (no I/O); `annualReportDocx` packs it.
 */
import {
  AlignmentType,
  BorderStyle,
  Document,
  Header,
  Packer,
  PageNumber,
  Paragraph,
  ShadingType,
  Table,
  TableCell,
  TableRow,
  TextRun,
  VerticalAlignTable,
  WidthType,
  type IBorderOptions,
  type ParagraphChild,
} from 'docx';

import { INDICATOR_SECTOR_LABELS, PROGRESS_STATUS_LABELS, type ProgressStatusName } from '@ecd/service-kit';

import {
  formatChange,
  formatDay,
  formatMilestone,
  formatRate,
  formatValue,
  statusLabel,
  vietnamDay,
} from './format.js';
import {
  submittedVersion,
  type AgencyRef,
  type ProgressRow,
  type ReportingPeriodInfo,
  type ReportPlan,
  type SectorName,
} from './operations.js';

export interface AnnualReportInput {
  plan: ReportPlan;
  year: number;
  /** When the figures were read (the report says so). */
  generatedAt: Date;
}

const FONT = 'Times New Roman';
/** Half-points: 14 pt body text, 13 and 12 pt for the header lines, 11 pt for tables and the list of recipients. */
const BODY = 28;
const SIZE_13 = 26;
const SIZE_12 = 24;
const SIZE_11 = 22;
/** A4, with the margins of Nghị định 30/2020: top and bottom 20 mm, left 30 mm, right 15 mm. */
const PAGE = { width: 210, height: 297, top: 20, bottom: 20, left: 30, right: 15 };
const TEXT_WIDTH_MM = PAGE.width - PAGE.left - PAGE.right;
/** Millimetres in twips (1/1440 inch), rounded: 210 mm → 11906, as Word writes A4. */
const twip = (mm: number) => Math.round((mm * 1440) / 25.4);

const NONE: IBorderOptions = { style: BorderStyle.NONE, size: 0, color: 'FFFFFF' };
const LINE: IBorderOptions = { style: BorderStyle.SINGLE, size: 4, color: '000000' };
const NO_BORDERS = { top: NONE, bottom: NONE, left: NONE, right: NONE, insideHorizontal: NONE, insideVertical: NONE };
const GRID = { top: LINE, bottom: LINE, left: LINE, right: LINE, insideHorizontal: LINE, insideVertical: LINE };

interface RunStyle {
  bold?: boolean;
  italics?: boolean;
  size?: number;
}

const run = (text: string, style: RunStyle = {}) => new TextRun({ text, font: FONT, size: BODY, ...style });

/** A paragraph of body text: justified, first line indented 10 mm, 6 pt after (the decree's usual layout). */
function para(children: ParagraphChild[] | string, options: { indent?: boolean; after?: number } = {}) {
  return new Paragraph({
    children: typeof children === 'string' ? [run(children)] : children,
    alignment: AlignmentType.JUSTIFIED,
    indent: options.indent === false ? undefined : { firstLine: twip(10) },
    spacing: { after: options.after ?? 120, line: 300 },
  });
}

const centred = (children: ParagraphChild[], after = 0) =>
  new Paragraph({ children, alignment: AlignmentType.CENTER, spacing: { after } });

/** A short line under a centred heading (the decree's rule under the issuing body and the motto). */
const rule = (indentMm: number) =>
  new Paragraph({
    children: [],
    border: { top: { style: BorderStyle.SINGLE, size: 6, color: '000000', space: 1 } },
    indent: { left: twip(indentMm), right: twip(indentMm) },
    spacing: { after: 120 },
  });

const heading = (text: string) =>
  new Paragraph({ children: [run(text, { bold: true })], spacing: { before: 200, after: 120 } });
const subheading = (text: string) =>
  new Paragraph({
    children: [run(text, { bold: true, italics: true })],
    spacing: { before: 120, after: 120 },
    indent: { firstLine: twip(10) },
  });

/** A cell's text: lines of runs, 11 pt. */
function cellParagraphs(content: string | string[], style: RunStyle & { align?: 'left' | 'center' | 'right' } = {}) {
  const lines = Array.isArray(content) ? content : [content];
  const alignment =
    style.align === 'center'
      ? AlignmentType.CENTER
      : style.align === 'right'
        ? AlignmentType.RIGHT
        : AlignmentType.LEFT;
  return lines.map(
    (line) =>
      new Paragraph({
        alignment,
        children: [run(line, { size: SIZE_11, bold: style.bold ?? false, italics: style.italics ?? false })],
      }),
  );
}

interface Column {
  header: string;
  /** Share of the text width, in millimetres. */
  width: number;
  align?: 'left' | 'center' | 'right';
}

/** A bordered table with a header row repeated on each page. */
function table(columns: Column[], rows: (string | string[])[][]) {
  const total = columns.reduce((sum, c) => sum + c.width, 0);
  const widths = columns.map((c) => twip((c.width / total) * TEXT_WIDTH_MM));
  const header = new TableRow({
    tableHeader: true,
    cantSplit: true,
    children: columns.map(
      (c, i) =>
        new TableCell({
          width: { size: widths[i] ?? 0, type: WidthType.DXA },
          shading: { type: ShadingType.CLEAR, fill: 'E7E6E6', color: 'auto' },
          verticalAlign: VerticalAlignTable.CENTER,
          children: cellParagraphs(c.header, { bold: true, align: 'center' }),
        }),
    ),
  });
  const body = rows.map(
    (cells) =>
      new TableRow({
        cantSplit: true,
        children: cells.map(
          (cell, i) =>
            new TableCell({
              width: { size: widths[i] ?? 0, type: WidthType.DXA },
              verticalAlign: VerticalAlignTable.CENTER,
              children: cellParagraphs(cell, { align: columns[i]?.align ?? 'left' }),
            }),
        ),
      }),
  );
  return new Table({
    rows: [header, ...body],
    width: { size: twip(TEXT_WIDTH_MM), type: WidthType.DXA },
    columnWidths: widths,
    borders: GRID,
  });
}

/** Space after a table (Word joins two consecutive tables otherwise). */
const gap = () => new Paragraph({ children: [], spacing: { after: 120 } });

/**
 * Two blocks side by side without borders across the text width, the left one `leftMm` wide: the layout
 * of an administrative document's header and of its signature block.
 */
function sideBySide(
  leftMm: number,
  left: Paragraph[],
  right: Paragraph[],
  rowOptions: { cantSplit?: boolean } = {},
): Table {
  const widths = [twip(leftMm), twip(TEXT_WIDTH_MM - leftMm)];
  return new Table({
    width: { size: twip(TEXT_WIDTH_MM), type: WidthType.DXA },
    columnWidths: widths,
    borders: NO_BORDERS,
    rows: [
      new TableRow({
        ...rowOptions,
        children: [
          new TableCell({ width: { size: widths[0] ?? 0, type: WidthType.DXA }, borders: NO_BORDERS, children: left }),
          new TableCell({ width: { size: widths[1] ?? 0, type: WidthType.DXA }, borders: NO_BORDERS, children: right }),
        ],
      }),
    ],
  });
}

/** The annual period of the year, if the lead agency opened it. */
export const annualPeriod = (plan: ReportPlan, year: number): ReportingPeriodInfo | null =>
  plan.reportingPeriods.find((p) => p.frequency === 'ANNUAL' && p.year === year) ?? null;

/** The agency that compiles the report: the annual period's recipient, else the plan's rule's, else the issuer. */
export function compilingAgency(plan: ReportPlan, year: number): AgencyRef {
  return (
    annualPeriod(plan, year)?.recipient ??
    plan.reportingRules.find((r) => r.frequency === 'ANNUAL')?.recipient ??
    plan.issuer
  );
}

/** The symbol of an agency's documents: its code's letters (SYT-20 → SYT, UBND-20 → UBND). */
export const agencySymbol = (agency: AgencyRef) => agency.code.split('-')[0] ?? agency.code;

const isPeoplesCommittee = (agency: AgencyRef) => agency.code.startsWith('UBND-');

/** "Sở Y tế tỉnh Lạng Sơn" → "SỞ Y TẾ": the agency's name without its unit, as the header writes it. */
export function agencyHeaderName(agency: AgencyRef, unitFullName: string | null): string {
  const unitSuffix = unitFullName ? new RegExp(`\\s+${escapeRegExp(unitFullName)}$`, 'iu') : null;
  const name = unitSuffix ? agency.name.replace(unitSuffix, '') : agency.name;
  return name.toLocaleUpperCase('vi');
}

const escapeRegExp = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/** The place of the date line: the unit's name without its unit word (Tỉnh Lạng Sơn → Lạng Sơn). */
const placeName = (plan: ReportPlan) => plan.scope?.name ?? 'Hà Nội';

function documentHeader(plan: ReportPlan, compiler: AgencyRef, generatedAt: Date) {
  const scope = plan.scope;
  const left: Paragraph[] = isPeoplesCommittee(compiler)
    ? [
        centred([run('ỦY BAN NHÂN DÂN', { bold: true, size: SIZE_13 })]),
        centred([run((scope?.fullName ?? '').toLocaleUpperCase('vi'), { bold: true, size: SIZE_13 })]),
      ]
    : [
        centred([
          run(scope ? `UBND ${scope.fullName.toLocaleUpperCase('vi')}` : 'CƠ QUAN CHỦ QUẢN', { size: SIZE_13 }),
        ]),
        centred([run(agencyHeaderName(compiler, scope?.fullName ?? null), { bold: true, size: SIZE_13 })]),
      ];
  left.push(rule(18), centred([run(`Số: ……/BC-${agencySymbol(compiler)}`, { size: SIZE_13 })]));
  const right = [
    centred([run('CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM', { bold: true, size: SIZE_12 })]),
    centred([run('Độc lập - Tự do - Hạnh phúc', { bold: true, size: SIZE_13 })]),
    rule(22),
    centred([
      run(`${placeName(plan)}, ngày …… tháng …… năm ${vietnamDay(generatedAt).slice(0, 4)}`, {
        italics: true,
        size: SIZE_13,
      }),
    ]),
  ];
  return sideBySide(65, left, right);
}

/** Part I.1: each numeric target's value, milestone, status and change from last year. */
function targetsTable(progress: ProgressRow[], previous: Map<string, number | null>, year: number) {
  return table(
    [
      { header: 'TT', width: 10, align: 'center' },
      { header: 'Chỉ tiêu', width: 52 },
      { header: 'Mục tiêu', width: 22, align: 'center' },
      { header: `Kết quả năm ${year}`, width: 20, align: 'center' },
      { header: `Năm ${year - 1}`, width: 18, align: 'center' },
      { header: 'Thay đổi so với năm trước', width: 22, align: 'center' },
      { header: 'Đánh giá', width: 30 },
    ],
    progress.map((row, i) => [
      String(i + 1),
      [`${row.target.code}. ${row.indicator.name}`],
      formatMilestone(row.milestone, row.indicator),
      formatValue(row.value, row.indicator),
      previous.has(row.targetId) ? formatValue(previous.get(row.targetId) ?? null, row.indicator) : '—',
      formatChange(row.value, previous.get(row.targetId), row.indicator),
      [statusLabel(row.status), ...(row.gapLabel ? [row.gapLabel] : [])],
    ]),
  );
}

/** Where each figure comes from, and the territory notes of the 2025 reform. */
function targetNotes(progress: ProgressRow[]): Paragraph[] {
  return progress.flatMap((row) => {
    const figure = row.figure;
    const source = figure
      ? `${figure.reported ? 'số liệu tổng hợp do ngành báo cáo' : 'tính từ dữ liệu gốc của ngành'} ${
          INDICATOR_SECTOR_LABELS[row.indicator.sector]
        } (${figure.source})${
          figure.denominator !== null
            ? `: tử số ${formatValue(figure.numerator, { kind: 'COUNT', factor: 1 })}, mẫu số ${formatValue(figure.denominator, { kind: 'COUNT', factor: 1 })}`
            : ''
        }`
      : `ngành ${INDICATOR_SECTOR_LABELS[row.indicator.sector]} chưa có số liệu`;
    const territory = row.territory.approximate && row.territory.note ? ` Địa bàn: ${row.territory.note}` : '';
    return [
      para(
        [
          run(`Chỉ tiêu ${row.target.code}: `, { italics: true }),
          run(`${source}.${territory}`, { italics: true, size: SIZE_13 }),
        ],
        { after: 60 },
      ),
    ];
  });
}

const STATUS_ORDER: ProgressStatusName[] = ['REACHED', 'ON_TRACK', 'AT_RISK', 'BEHIND', 'NO_DATA'];
const SECTOR_ORDER: SectorName[] = ['SOCIAL_AFFAIRS', 'HEALTH', 'EDUCATION', 'CULTURE'];

/** Part I.2: the targets of each sector by status. */
function sectorTable(progress: ProgressRow[]) {
  const sectors = SECTOR_ORDER.filter((s) => progress.some((row) => row.indicator.sector === s));
  return table(
    [
      { header: 'Ngành', width: 40 },
      { header: 'Số chỉ tiêu', width: 14, align: 'center' },
      ...STATUS_ORDER.map((s) => ({ header: PROGRESS_STATUS_LABELS[s], width: 16, align: 'center' as const })),
    ],
    sectors.map((sector) => {
      const rows = progress.filter((row) => row.indicator.sector === sector);
      return [
        INDICATOR_SECTOR_LABELS[sector],
        String(rows.length),
        ...STATUS_ORDER.map((s) => String(rows.filter((row) => (row.status ?? 'NO_DATA') === s).length)),
      ];
    }),
  );
}

/** Part I.3: each commune's value of every target, at most four targets per table. */
function communeTables(progress: ProgressRow[]): (Table | Paragraph)[] {
  const withCommunes = progress.filter((row) => row.communes && row.communes.length > 0);
  const first = withCommunes[0];
  if (!first) return [para('Đơn vị báo cáo không có xã, phường trực thuộc.')];
  const out: (Table | Paragraph)[] = [];
  for (let start = 0; start < withCommunes.length; start += 4) {
    const chunk = withCommunes.slice(start, start + 4);
    const communes = chunk[0]?.communes ?? [];
    out.push(
      table(
        [
          { header: 'TT', width: 10, align: 'center' },
          { header: 'Mã', width: 12, align: 'center' },
          { header: 'Xã, phường', width: 40 },
          ...chunk.map((row) => ({ header: `Chỉ tiêu ${row.target.code}`, width: 28, align: 'center' as const })),
        ],
        communes.map((commune, i) => [
          String(i + 1),
          commune.unitCode,
          commune.unit.fullName,
          ...chunk.map((row) => {
            const cell = row.communes?.find((c) => c.unitCode === commune.unitCode);
            return cell ? [formatValue(cell.value, row.indicator), statusLabel(cell.status)] : '—';
          }),
        ]),
      ),
      gap(),
    );
  }
  return out;
}

function listAgencies(agencies: AgencyRef[], max = 4): string {
  if (agencies.length === 0) return '—';
  const named = agencies.slice(0, max).map((a) => a.name);
  return agencies.length > max ? `${named.join('; ')} và ${agencies.length - max} cơ quan khác` : named.join('; ');
}

const NOT_REPORTING = 'Không thuộc diện báo cáo kỳ này';

/** What the task's lead agency reported this year, in a few words. */
function leadReport(lead: AgencyRef, period: ReportingPeriodInfo | null): string {
  if (!period) return 'Chưa mở kỳ báo cáo';
  if (lead.code === period.recipient.code) return 'Cơ quan tổng hợp báo cáo';
  const report = period.expectedReports.find((r) => r.reporter.code === lead.code);
  if (!report) return `${NOT_REPORTING} (*)`;
  const submitted = submittedVersion(report);
  if (submitted) return `Đã báo cáo ngày ${formatDay(submitted.submittedAt)}${report.onTime ? '' : ' (sau hạn)'}`;
  return report.overdue ? 'Chưa báo cáo (quá hạn)' : 'Chưa báo cáo';
}

/** What the agencies wrote, each under its name: results (note), difficulties or proposals. */
function agencyTexts(period: ReportingPeriodInfo | null, field: 'note' | 'difficulties' | 'proposals'): Paragraph[] {
  if (!period) return [];
  return period.expectedReports.flatMap((report) => {
    const text = submittedVersion(report)?.[field]?.trim();
    if (!text) return [];
    const [firstLine = '', ...more] = text.split(/\r?\n/);
    return [
      para([run(`${report.reporter.name}: `, { bold: true }), run(firstLine)]),
      ...more.filter((line) => line.trim()).map((line) => para(line)),
    ];
  });
}

function reportingSection(period: ReportingPeriodInfo | null, year: number): (Table | Paragraph)[] {
  if (!period)
    return [
      para(
        `Kỳ báo cáo năm ${year} chưa được mở trên hệ thống, nên chưa có số liệu về tính đầy đủ và kịp thời của báo cáo các cơ quan.`,
      ),
    ];
  const s = period.status;
  const out: (Table | Paragraph)[] = [
    para(
      `Hạn báo cáo năm ${year}: ngày ${formatDay(period.dueOn)}. Có ${s.submitted}/${s.expected} cơ quan đã gửi báo cáo ` +
        `(tỷ lệ đầy đủ ${formatRate(s.completenessRate)}), trong đó ${s.onTime} cơ quan gửi đúng hạn ` +
        `(tỷ lệ đúng hạn ${formatRate(s.timelinessRate)}); ${s.overdue} cơ quan quá hạn chưa gửi báo cáo.`,
    ),
    table(
      [
        { header: 'Lĩnh vực', width: 44 },
        { header: 'Phải báo cáo', width: 16, align: 'center' },
        { header: 'Đã báo cáo', width: 16, align: 'center' },
        { header: 'Đúng hạn', width: 16, align: 'center' },
        { header: 'Quá hạn', width: 16, align: 'center' },
        { header: 'Tỷ lệ đầy đủ', width: 18, align: 'center' },
        { header: 'Tỷ lệ đúng hạn', width: 18, align: 'center' },
      ],
      s.bySector.map((g) => [
        g.label,
        String(g.expected),
        String(g.submitted),
        String(g.onTime),
        String(g.overdue),
        formatRate(g.completenessRate),
        formatRate(g.timelinessRate),
      ]),
    ),
    gap(),
  ];
  if (s.overdueReporters.length) {
    out.push(para(`Các cơ quan quá hạn chưa gửi báo cáo (${s.overdueReporters.length} cơ quan):`));
    out.push(
      table(
        [
          { header: 'TT', width: 10, align: 'center' },
          { header: 'Cơ quan', width: 110 },
          { header: 'Mã cơ quan', width: 40 },
        ],
        s.overdueReporters.map((a, i) => [String(i + 1), a.name, a.code]),
      ),
      gap(),
    );
  } else {
    out.push(para('Không có cơ quan nào quá hạn chưa gửi báo cáo.'));
  }
  return out;
}

function signature(plan: ReportPlan, compiler: AgencyRef): Table {
  const recipients = [
    ...(plan.issuer.code !== compiler.code ? [`- ${plan.issuer.name} (để báo cáo);`] : []),
    '- Các cơ quan thực hiện Kế hoạch;',
    `- Lưu: VT, ${agencySymbol(compiler)}.`,
  ];
  const left = [
    new Paragraph({ children: [run('Nơi nhận:', { bold: true, italics: true, size: SIZE_12 })] }),
    ...recipients.map((line) => new Paragraph({ children: [run(line, { size: SIZE_11 })] })),
  ];
  const right = [
    ...(isPeoplesCommittee(compiler)
      ? [centred([run('TM. ỦY BAN NHÂN DÂN', { bold: true })]), centred([run('CHỦ TỊCH', { bold: true })])]
      : [centred([run('GIÁM ĐỐC', { bold: true })])]),
    centred([run('(Ký, ghi rõ họ tên và đóng dấu)', { italics: true, size: SIZE_13 })], 1600),
  ];
  return sideBySide(85, left, right, { cantSplit: true });
}

/** The plan as the report names it: its number and issuer, or its title. */
const planReference = (plan: ReportPlan) =>
  plan.number ? `Kế hoạch số ${plan.number} của ${plan.issuer.name}` : `${plan.title} của ${plan.issuer.name}`;

const lowerFirst = (text: string) => text.charAt(0).toLocaleLowerCase('vi') + text.slice(1);

/** The annual report as a docx Document. */
export function annualReportDocument({ plan, year, generatedAt }: AnnualReportInput): Document {
  const compiler = compilingAgency(plan, year);
  const period = annualPeriod(plan, year);
  const unit = plan.progress[0]?.unit ?? plan.scope;
  const previous = new Map((plan.previous ?? []).map((p) => [p.targetId, p.value]));
  const qualitative = plan.targets.filter((t) => t.qualitative);
  const noText = (what: string) => [para(`(Các báo cáo đã gửi không nêu ${what}.)`)];
  const difficulties = agencyTexts(period, 'difficulties');
  const proposals = agencyTexts(period, 'proposals');
  const results = agencyTexts(period, 'note');

  const children: (Paragraph | Table)[] = [
    documentHeader(plan, compiler, generatedAt),
    new Paragraph({
      children: [run('BÁO CÁO', { bold: true })],
      alignment: AlignmentType.CENTER,
      spacing: { before: 360, after: 0 },
    }),
    centred([run(`Kết quả thực hiện ${lowerFirst(plan.title)} năm ${year}`, { bold: true })], 60),
    rule(55),
    para(
      `Thực hiện ${planReference(plan)}, ${compiler.name} báo cáo kết quả thực hiện năm ${year} trên địa bàn ` +
        `${unit?.fullName ?? 'toàn quốc'} như sau:`,
    ),
    para(
      [
        run(
          `Số liệu tại Phần I được lấy từ dữ liệu các ngành trên hệ thống theo dõi (trích xuất ngày ${formatDay(
            generatedAt.toISOString(),
          )}), không nhập tay.`,
          { italics: true },
        ),
      ],
      { after: 120 },
    ),

    heading('I. KẾT QUẢ THỰC HIỆN CÁC CHỈ TIÊU'),
    subheading('1. Kết quả theo từng chỉ tiêu'),
    ...(plan.progress.length
      ? [targetsTable(plan.progress, previous, year), gap(), ...targetNotes(plan.progress)]
      : [para('Kế hoạch không có chỉ tiêu định lượng.')]),
    subheading('2. Kết quả theo ngành'),
    ...(plan.progress.length ? [sectorTable(plan.progress), gap()] : []),
    subheading('3. Kết quả theo xã, phường'),
    ...communeTables(plan.progress),

    heading('II. CÁC MỤC TIÊU ĐỊNH TÍNH'),
    ...(qualitative.length
      ? qualitative.map((t) =>
          para(`- ${t.description}${t.dueYear ? ` (thời hạn: năm ${t.dueYear})` : ''}. Kết quả: ……………………`),
        )
      : [para('Kế hoạch không có mục tiêu định tính.')]),

    heading('III. THỰC HIỆN CÁC NHIỆM VỤ'),
    subheading('1. Nhiệm vụ và cơ quan thực hiện'),
    ...(plan.tasks.length
      ? [
          table(
            [
              { header: 'TT', width: 10, align: 'center' },
              { header: 'Nhiệm vụ', width: 58 },
              { header: 'Chủ trì', width: 36 },
              { header: 'Phối hợp', width: 38 },
              { header: 'Báo cáo của cơ quan chủ trì', width: 32 },
            ],
            plan.tasks.map((task, i) => [
              String(i + 1),
              task.title,
              task.lead.name,
              listAgencies(task.coordinating),
              leadReport(task.lead, period),
            ]),
          ),
          ...(period && plan.tasks.some((task) => leadReport(task.lead, period).startsWith(NOT_REPORTING))
            ? [
                para(
                  [
                    run(
                      '(*) Cơ quan không có trong danh sách phải báo cáo kỳ này: đã giải thể, hoặc chức năng đã chuyển cho cơ quan khác theo sắp xếp tổ chức năm 2025.',
                      { italics: true, size: SIZE_12 },
                    ),
                  ],
                  { indent: false },
                ),
              ]
            : [gap()]),
        ]
      : [para('Kế hoạch chưa giao nhiệm vụ.')]),
    subheading('2. Kết quả các cơ quan báo cáo'),
    ...(results.length ? results : noText('kết quả thực hiện')),

    heading('IV. TÌNH HÌNH BÁO CÁO CỦA CÁC CƠ QUAN'),
    ...reportingSection(period, year),

    heading('V. KHÓ KHĂN, VƯỚNG MẮC'),
    ...(difficulties.length ? difficulties : noText('khó khăn, vướng mắc')),

    heading('VI. ĐỀ XUẤT, KIẾN NGHỊ'),
    ...(proposals.length ? proposals : noText('đề xuất, kiến nghị')),

    new Paragraph({
      children: [
        run(
          `Trên đây là báo cáo kết quả thực hiện năm ${year} của ${compiler.name}${
            plan.issuer.code !== compiler.code ? `, kính báo cáo ${plan.issuer.name}` : ''
          }./.`,
        ),
      ],
      alignment: AlignmentType.JUSTIFIED,
      indent: { firstLine: twip(10) },
      spacing: { after: 240, line: 300 },
      keepNext: true,
    }),
    signature(plan, compiler),
  ];

  return new Document({
    creator: compiler.name,
    title: `Báo cáo kết quả thực hiện năm ${year}`,
    description: `${plan.key}, ${unit?.code ?? ''}, ${year}`,
    styles: { default: { document: { run: { font: FONT, size: BODY } } } },
    sections: [
      {
        properties: {
          titlePage: true,
          page: {
            size: { width: twip(PAGE.width), height: twip(PAGE.height) },
            margin: { top: twip(PAGE.top), bottom: twip(PAGE.bottom), left: twip(PAGE.left), right: twip(PAGE.right) },
          },
        },
        // The decree numbers pages from the second, centred in the top margin.
        headers: {
          first: new Header({ children: [] }),
          default: new Header({
            children: [
              new Paragraph({
                alignment: AlignmentType.CENTER,
                children: [new TextRun({ children: [PageNumber.CURRENT], font: FONT, size: SIZE_13 })],
              }),
            ],
          }),
        },
        children,
      },
    ],
  });
}

/** The annual report as the bytes of a .docx file. */
export const annualReportDocx = (input: AnnualReportInput): Promise<Buffer> =>
  Packer.toBuffer(annualReportDocument(input));
