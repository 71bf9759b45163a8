import type { Logger } from '@ecd/service-kit';
import { DEMO_SEED, SeededRandom, communeLocations } from '@ecd/synthetic-data';
import type { PrismaClient } from './generated/prisma/client.js';

/** One trạm y tế per commune of the demo province, opened on a reproducible date. */
export async function seedDemo(prisma: PrismaClient, logger: Logger): Promise<void> {
  const random = new SeededRandom(DEMO_SEED).fork('health');
  const stations = communeLocations().map(({ commune, location }) => ({
    name: `Trạm Y tế ${commune.fullName}`,
    ...location,
    openedOn: new Date(Date.UTC(random.int(1985, 2015), random.int(0, 11), random.int(1, 28))),
  }));
  const { count } = await prisma.healthStation.createMany({ data: stations, skipDuplicates: true });
  logger.info({ created: count, total: stations.length }, 'demo health stations seeded');
}
