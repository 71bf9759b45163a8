/**
 * The plan the progress benchmark reads: shaped like Lạng Sơn's 1437 plan (its three targets, the
 * district network target restated for communes as the 2025 reform requires) with the province's
 * education and health targets beside them, for the generated province. A benchmark document, not a
 * real plan; the issuing People's Committee is registered for it in the bench database only.
 */
import { PROGRESS_YEAR } from './sector-records.js';

export const benchPlanKey = (province: string) => `bench-${province}-ecd-plan`;
export const benchIssuer = (province: string) => `UBND-${province}`;

const target = (code: string, indicator: string, comparator: string, value: number, description: string) => ({
  code,
  description,
  indicator,
  milestones: [{ year: 2030, comparator, value }],
});

export function benchPlanDocument(province: string, provinceName: string): string {
  return JSON.stringify({
    key: benchPlanKey(province),
    number: null,
    title: `Kế hoạch chăm sóc phát triển toàn diện trẻ em ${provinceName} giai đoạn 2025 - 2030 (dữ liệu benchmark)`,
    issuedOn: `${PROGRESS_YEAR - 1}-08-01`,
    issuer: benchIssuer(province),
    level: 'PROVINCIAL',
    parent: 'qd-1437-2018',
    scope: { unit: province, asOf: `${PROGRESS_YEAR - 1}-08-01` },
    period: { start: PROGRESS_YEAR - 1, end: 2030 },
    targets: [
      target(
        '1',
        'ECD_SERVICE_ACCESS_0_8',
        'GTE',
        90,
        '90% trẻ em đến 8 tuổi được tiếp cận các dịch vụ hỗ trợ chăm sóc phát triển toàn diện',
      ),
      target(
        '2',
        'ECD_STAFF_CAREGIVERS_TRAINED',
        'GTE',
        90,
        '90% cán bộ, cha mẹ, người chăm sóc trẻ em được cung cấp kiến thức, kỹ năng',
      ),
      target(
        '3',
        'REFERRAL_NETWORK_COMMUNES',
        'GTE',
        85,
        '85% xã, phường xây dựng và duy trì mạng lưới kết nối và chuyển tuyến',
      ),
      target('4', 'UNDER5_STUNTING', 'LT', 15, 'Tỷ lệ suy dinh dưỡng thấp còi trẻ em dưới 5 tuổi dưới 15%'),
      target('5', 'UNDER1_FULLY_IMMUNISED', 'GT', 95, 'Trên 95% trẻ em dưới 1 tuổi được tiêm chủng đầy đủ'),
      target(
        '6',
        'CHILDREN_0_8_REACHED_HEALTH_SERVICES',
        'GTE',
        90,
        '90% trẻ em đến 8 tuổi được tiếp cận dịch vụ y tế, dinh dưỡng',
      ),
      target('7', 'SCHOOLS_WITH_SANITATION', 'GTE', 100, '100% cơ sở giáo dục có công trình vệ sinh'),
      target('8', 'AGE5_PRESCHOOL_ENROLMENT', 'GTE', 99.5, 'Huy động 99,5% trẻ em 5 tuổi đi học mẫu giáo'),
      target('9', 'PRIMARY_DROPOUT', 'LT', 0.1, 'Tỷ lệ học sinh tiểu học bỏ học dưới 0,1%'),
    ],
  });
}
