import { subgraphImportRoute, subgraphTemplateRoute, type SubgraphRouteTools } from '@ecd/database';
import { buildTemplate, POLICIES } from '@ecd/service-kit';

import type { DataLayer } from './data/index.js';
import { FACILITY_COLUMNS, FACILITY_IMPORT_KIND } from './domain/facility-import.js';

/**
 * Culture's file routes beside /graphql, reached through the gateway's /files/…: a list of facilities
 * (`POST /imports/facilities`, CSV or XLSX, `?dryRun=true`) and its template. The policy of
 * `registerCulturalFacility` (records:write: staff of the culture sector) refuses a caller before the file
 * is read; every facility's commune must lie in their territory.
 */
export function cultureRoutes(
  app: Parameters<typeof subgraphImportRoute>[0],
  tools: SubgraphRouteTools<DataLayer>,
): void {
  subgraphImportRoute(app, tools, {
    kind: FACILITY_IMPORT_KIND,
    entityType: 'CulturalFacility',
    policy: POLICIES['records:write'],
    run: async (upload, context) => ({ result: await context.data.facilityImports.run(upload, context) }),
  });
  subgraphTemplateRoute(app, tools, {
    file: `${FACILITY_IMPORT_KIND}.xlsx`,
    policy: POLICIES['records:write'],
    build: async () => ({
      fileName: 'mau-danh-sach-thiet-che.xlsx',
      body: await buildTemplate({
        sheetName: 'Thiết chế',
        columns: FACILITY_COLUMNS,
        rows: [],
        spareRows: 500,
        identity: { kind: FACILITY_IMPORT_KIND, sector: 'CULTURE', version: '1' },
        instructions: [
          'Mẫu nhập danh sách thiết chế văn hóa, thể thao',
          'Mỗi dòng là một thiết chế. Các cột có dấu * là bắt buộc. Loại: Nhà văn hóa, Sân thể thao, Thư viện hoặc Khu vui chơi trẻ em.',
          'Tên thiết chế không trùng với thiết chế khác của cùng xã/phường. Ngày ghi dạng 05/09/2023 hoặc 2023-09-05.',
          'Tệp được kiểm tra toàn bộ trước khi ghi: nếu có lỗi, không dòng nào được ghi và danh sách lỗi ghi rõ trang, dòng, cột.',
          'Nhập lại cùng một tệp không ghi thêm gì: thiết chế đã có (cùng tên, cùng thông tin) được giữ nguyên.',
        ],
      }),
    }),
  });
}
