import { subgraphImportRoute, subgraphTemplateRoute, type SubgraphRouteTools } from '@ecd/database';
import { buildTemplate, POLICIES } from '@ecd/service-kit';

import type { DataLayer } from './data/index.js';
import { GROWTH_COLUMNS, GROWTH_IMPORT_KIND } from './domain/growth-import.js';

/**
 * Health's file routes beside /graphql, reached through the gateway's /files/…: the import of growth
 * measurements (`POST /imports/growth-measurements`, CSV or XLSX, `?dryRun=true`) and its template.
 * The policy of `recordGrowthMeasurement` (records:write: staff of the health sector) refuses a caller
 * before the file is read; every row's commune, and its linked child's, must lie in their territory.
 */
export function healthRoutes(
  app: Parameters<typeof subgraphImportRoute>[0],
  tools: SubgraphRouteTools<DataLayer>,
): void {
  subgraphImportRoute(app, tools, {
    kind: GROWTH_IMPORT_KIND,
    entityType: 'GrowthMeasurement',
    policy: POLICIES['records:write'],
    async run(upload, context) {
      const { result, importId } = await context.data.growthImports.run(upload, context);
      // The import's id: its rows carry it (growth_measurement.import_id).
      return { result, entityIds: importId ? [importId] : [] };
    },
  });
  subgraphTemplateRoute(app, tools, {
    file: `${GROWTH_IMPORT_KIND}.xlsx`,
    policy: POLICIES['records:write'],
    build: async () => ({
      fileName: 'mau-nhap-so-do-tang-truong.xlsx',
      body: await buildTemplate({
        sheetName: 'Số đo',
        columns: GROWTH_COLUMNS,
        rows: [],
        spareRows: 1000,
        identity: { kind: GROWTH_IMPORT_KIND, sector: 'HEALTH', version: '1' },
        instructions: [
          'Mẫu nhập số đo tăng trưởng trẻ dưới 5 tuổi (cân đo)',
          'Mỗi dòng là một lần cân đo của một trẻ. Các cột có dấu * là bắt buộc.',
          'Giới tính: Nam hoặc Nữ. Tư thế đo: Nằm (đo chiều dài) hoặc Đứng (đo chiều cao). Phù hai chân: Có hoặc Không.',
          'Ngày ghi dạng 05/09/2023 hoặc 2023-09-05. Mã xã/phường gồm 5 chữ số, theo danh mục có hiệu lực vào ngày cân đo.',
          'Mã hồ sơ trẻ (nếu có) là mã của trẻ trong sổ quản lý trẻ em; giới tính và ngày sinh phải khớp với sổ.',
          'Tệp được kiểm tra toàn bộ trước khi ghi: nếu có lỗi, không dòng nào được ghi và danh sách lỗi ghi rõ trang, dòng, cột.',
          'Nhập lại cùng một tệp không ghi thêm gì.',
        ],
      }),
    }),
  });
}
