import type { Logger } from '@ecd/service-kit';
import type { PrismaClient } from './generated/prisma/client.js';
import { fromIsoDate } from '@ecd/service-kit';

/** Fixed ids keep the demo seed idempotent: a restart updates these rows instead of adding copies. */
export const DEMO_PLAN_IDS = {
  nationalScheme: '00000000-0000-4000-8000-000000001437',
  langSonProvincialPlan: '00000000-0000-4000-8000-000000002019',
} as const;

/** The demo province's plans (from ../shared/seeds): the national scheme and Lạng Sơn's plan for it. */
export async function seedDemo(prisma: PrismaClient, logger: Logger): Promise<void> {
  const plans = [
    {
      id: DEMO_PLAN_IDS.nationalScheme,
      number: '1437/QĐ-TTg',
      title: 'Đề án chăm sóc vì sự phát triển toàn diện trẻ em trong những năm đầu đời tại gia đình và cộng đồng giai đoạn 2018 - 2025',
      issuedOn: fromIsoDate('2018-10-29'),
      issuer: 'Thủ tướng Chính phủ',
      level: 'NATIONAL' as const,
      periodStart: 2018,
      periodEnd: 2025,
      parentId: null,
      scopeUnitCode: null,
      scopeUnitValidFrom: null,
    },
    {
      id: DEMO_PLAN_IDS.langSonProvincialPlan,
      number: null,
      title: 'Kế hoạch triển khai thực hiện Đề án chăm sóc vì sự phát triển toàn diện trẻ em trong những năm đầu đời tại gia đình và cộng đồng giai đoạn 2019 - 2025 trên địa bàn tỉnh Lạng Sơn',
      issuedOn: null,
      issuer: 'UBND tỉnh Lạng Sơn',
      level: 'PROVINCIAL' as const,
      periodStart: 2019,
      periodEnd: 2025,
      parentId: DEMO_PLAN_IDS.nationalScheme,
      scopeUnitCode: '20',
      scopeUnitValidFrom: fromIsoDate('2019-01-01'),
    },
  ];
  await prisma.$transaction(plans.map((plan) => prisma.plan.upsert({ where: { id: plan.id }, create: plan, update: plan })));
  logger.info({ plans: plans.length }, 'demo plans seeded');
}
