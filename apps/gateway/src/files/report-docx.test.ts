import { describe, expect, it } from 'vitest';

import { vietnameseNumber } from '@ecd/service-kit';

import { agencyHeaderName, agencySymbol, annualReportDocx, compilingAgency } from './report-docx.js';
import { docxText, samplePlan } from './sample.test-fixture.js';

const generatedAt = new Date('2026-01-10T02:00:00Z');

describe('the annual report as a Word document', () => {
  it('has the form of an administrative document: header columns, number, place and date, title, recipients, signature', async () => {
    const { paragraphs } = await docxText(await annualReportDocx({ plan: samplePlan(), year: 2025, generatedAt }));
    const start = paragraphs.slice(0, 12);
    expect(start).toEqual(
      expect.arrayContaining([
        'UBND TỈNH LẠNG SƠN',
        'SỞ Y TẾ',
        'Số: ……/BC-SYT',
        'CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM',
        'Độc lập - Tự do - Hạnh phúc',
        'Lạng Sơn, ngày …… tháng …… năm 2026',
        'BÁO CÁO',
      ]),
    );
    expect(paragraphs).toContain('Nơi nhận:');
    expect(paragraphs).toContain('- Ủy ban nhân dân tỉnh Lạng Sơn (để báo cáo);');
    expect(paragraphs).toContain('GIÁM ĐỐC');
    expect(paragraphs.indexOf('BÁO CÁO')).toBeLessThan(paragraphs.indexOf('I. KẾT QUẢ THỰC HIỆN CÁC CHỈ TIÊU'));
  });

  it('sets A4, the decree’s margins and Times New Roman', async () => {
    const { xml, zip } = await docxText(await annualReportDocx({ plan: samplePlan(), year: 2025, generatedAt }));
    // 210 × 297 mm; top and bottom 20 mm, left 30 mm, right 15 mm (1 mm = 56.7 twips).
    expect(xml).toMatch(/<w:pgSz w:w="11906" w:h="16838"/);
    expect(xml).toMatch(/w:top="1134"[^>]*w:right="850"[^>]*w:bottom="1134"[^>]*w:left="1701"/);
    const styles = await zip.file('word/styles.xml')!.async('string');
    expect(styles).toMatch(/<w:rFonts w:ascii="Times New Roman"/);
    expect(styles).toMatch(/<w:sz w:val="28"\/>/);
  });

  it('states every numeric target’s value, milestone, change from last year and status as the progress gives them', async () => {
    const plan = samplePlan();
    const { paragraphs } = await docxText(await annualReportDocx({ plan, year: 2025, generatedAt }));
    for (const row of plan.progress) {
      const unit = row.indicator.kind === 'RATIO' ? ' %' : '';
      expect(paragraphs, row.target.code).toContain(`${vietnameseNumber(row.value!)}${unit}`);
      expect(paragraphs, row.target.code).toContain(row.gapLabel);
    }
    expect(paragraphs).toContain('92,5 %');
    expect(paragraphs).toContain('72,73 %');
    expect(paragraphs).toContain('1.234');
    expect(paragraphs).toContain('≥ 90 % (2025)');
    expect(paragraphs).toContain('88 %'); // last year
    expect(paragraphs).toContain('+4,5 điểm phần trăm');
    expect(paragraphs).toEqual(expect.arrayContaining(['Đạt', 'Chậm, không đạt']));
    // The reform's approximation, and where each figure comes from.
    expect(paragraphs.some((p) => p.includes('Xã Tân Đoàn gồm một phần địa bàn ngoài tỉnh'))).toBe(true);
    expect(paragraphs.some((p) => p.includes('tử số 92.500, mẫu số 100.000'))).toBe(true);
  });

  it('tabulates communes and sectors', async () => {
    const { paragraphs } = await docxText(await annualReportDocx({ plan: samplePlan(), year: 2025, generatedAt }));
    expect(paragraphs).toEqual(expect.arrayContaining(['05977', 'Phường Đông Kinh', '95 %', '81,25 %']));
    expect(paragraphs).toEqual(
      expect.arrayContaining(['Lao động - Thương binh và Xã hội', 'Giáo dục và Đào tạo', 'Chưa có số liệu']),
    );
  });

  it('quotes what the agencies submitted (never a draft), the overdue agencies and the completeness', async () => {
    const { paragraphs } = await docxText(await annualReportDocx({ plan: samplePlan(), year: 2025, generatedAt }));
    const text = paragraphs.join('\n');
    expect(text).toContain('Sở Giáo dục và Đào tạo tỉnh Lạng Sơn: Thiếu giáo viên ở vùng cao.');
    expect(text).toContain('Sở Văn hóa, Thể thao và Du lịch tỉnh Lạng Sơn: Kinh phí truyền thông còn hạn chế.');
    expect(text).toContain('Sở Giáo dục và Đào tạo tỉnh Lạng Sơn: Bổ sung biên chế giáo viên mầm non.');
    expect(text).toContain('Sở Giáo dục và Đào tạo tỉnh Lạng Sơn: Đã tập huấn 300 giáo viên mầm non.');
    expect(text).not.toContain('Bản nháp chưa gửi');
    expect(text).toContain('Các cơ quan quá hạn chưa gửi báo cáo (1 cơ quan):');
    expect(paragraphs).toEqual(expect.arrayContaining(['Sở Tài chính tỉnh Lạng Sơn', 'STC-20']));
    expect(text).toContain('Có 2/3 cơ quan đã gửi báo cáo (tỷ lệ đầy đủ 66,7 %)');
    expect(text).toContain('(*) Cơ quan không có trong danh sách phải báo cáo kỳ này');
    // The qualitative targets, with their due year.
    expect(text).toContain(
      '- Thí điểm mô hình chăm sóc phát triển toàn diện trẻ em tại gia đình và cộng đồng (thời hạn: năm 2020).',
    );
    // The tasks, with what their lead agencies reported.
    expect(paragraphs).toEqual(
      expect.arrayContaining([
        'Đã báo cáo ngày 30/11/2025',
        'Chưa báo cáo (quá hạn)',
        'Không thuộc diện báo cáo kỳ này (*)',
      ]),
    );
  });

  it('says when the period was not opened, and has no previous year at a plan’s first year', async () => {
    const plan = { ...samplePlan(), reportingPeriods: [], previous: null };
    const { paragraphs } = await docxText(await annualReportDocx({ plan, year: 2025, generatedAt }));
    const text = paragraphs.join('\n');
    expect(text).toContain('Kỳ báo cáo năm 2025 chưa được mở trên hệ thống');
    expect(text).toContain('(Các báo cáo đã gửi không nêu khó khăn, vướng mắc.)');
    // Without a period, the plan's rule names who compiles.
    expect(paragraphs).toContain('Số: ……/BC-SLDTBXH');
  });
});

describe('the issuing body', () => {
  it('is the annual period’s recipient, written without its unit', () => {
    const plan = samplePlan();
    const compiler = compilingAgency(plan, 2025);
    expect(compiler.code).toBe('SYT-20');
    expect(agencyHeaderName(compiler, 'Tỉnh Lạng Sơn')).toBe('SỞ Y TẾ');
    expect(agencySymbol(compiler)).toBe('SYT');
    expect(compilingAgency(plan, 2024).code).toBe('SLDTBXH-20');
  });
});
