import { indicatorRoutes, subgraphImportRoute, subgraphTemplateRoute, type SubgraphRouteTools } from '@ecd/database';
import { buildTemplate, POLICIES } from '@ecd/service-kit';

import type { DataLayer } from './data/index.js';
import { ENROLMENT_COLUMNS, ENROLMENT_IMPORT_KIND, ENROLMENT_TEMPLATE_VERSION } from './domain/enrolment-import.js';

/**
 * Education's file routes beside /graphql, reached through the gateway's /files/…: the aggregate figures
 * (the template, filled or empty, and its import), and schools' enrolment (`POST /imports/school-enrolment`,
 * CSV or XLSX, `?dryRun=true`) with its template. The policy of `recordSchoolEnrolment` (records:write:
 * staff of the education sector) refuses a caller before the file is read; every row's school must lie in
 * their territory.
 */
export function educationRoutes(
  app: Parameters<typeof subgraphImportRoute>[0],
  tools: SubgraphRouteTools<DataLayer>,
): void {
  indicatorRoutes(app, tools, (data) => data.figureFiles);
  subgraphImportRoute(app, tools, {
    kind: ENROLMENT_IMPORT_KIND,
    entityType: 'EnrolmentReport',
    policy: POLICIES['records:write'],
    run: (upload, context) => context.data.enrolmentImports.run(upload, context),
  });
  subgraphTemplateRoute(app, tools, {
    file: `${ENROLMENT_IMPORT_KIND}.xlsx`,
    policy: POLICIES['records:write'],
    build: async () => ({
      fileName: 'mau-so-lieu-hoc-sinh.xlsx',
      body: await buildTemplate({
        sheetName: 'Học sinh',
        columns: ENROLMENT_COLUMNS,
        rows: [],
        spareRows: 500,
        identity: { kind: ENROLMENT_IMPORT_KIND, sector: 'EDUCATION', version: ENROLMENT_TEMPLATE_VERSION },
        instructions: [
          'Mẫu nhập số liệu học sinh của trường (số học sinh theo lớp/nhóm, tuổi, giới tính; hoàn thành, bỏ học)',
          'Mỗi dòng là số học sinh của một trường, một năm học, một lớp/nhóm, một độ tuổi và một giới tính. Các cột có dấu * là bắt buộc. Một tệp có thể có nhiều trường và nhiều năm học.',
          'Mã trường là mã của trường trong hệ thống (danh sách trường của đơn vị). Năm là năm kết thúc năm học: năm học 2024-2025 ghi 2025.',
          'Số đầu năm, hoàn thành và bỏ học của mỗi lớp/nhóm là tổng các dòng của lớp/nhóm đó; hoàn thành cộng bỏ học không vượt số học sinh đầu năm.',
          'Tệp được kiểm tra toàn bộ trước khi ghi: nếu có lỗi, không dòng nào được ghi và danh sách lỗi ghi rõ trang, dòng, cột.',
          'Mỗi trường và năm học trong tệp là một báo cáo: nhập lại cùng số liệu không ghi thêm gì; số liệu khác với báo cáo đã có là bản đính chính (phiên bản mới), các phiên bản cũ được giữ lại.',
        ],
      }),
    }),
  });
}
