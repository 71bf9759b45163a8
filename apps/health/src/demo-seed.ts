import type { Logger } from '@ecd/service-kit';
import { DEMO_AS_OF, DEMO_SEED, SeededRandom, communeLocations } from '@ecd/synthetic-data';
import type { PrismaClient } from './generated/prisma/client.js';

/** Children registered per commune in the demo: enough to aggregate, small enough to seed in seconds. */
const DEMO_CHILDREN_PER_COMMUNE = { min: 120, max: 320 };
const DAY_MS = 86_400_000;

/**
 * One trạm y tế per commune of the demo province, and the children 0-8 its station follows.
 * Runs once: a database that already has the demo stations is left as it is.
 */
export async function seedDemo(prisma: PrismaClient, logger: Logger): Promise<void> {
  const communes = communeLocations();
  if ((await prisma.healthStation.count({ where: { provinceCode: communes[0]!.location.provinceCode } })) > 0) return;
  const random = new SeededRandom(DEMO_SEED).fork('health');
  const asOf = new Date(`${DEMO_AS_OF}T00:00:00Z`).getTime();
  const stations = communes.map(({ commune, location }) => ({
    name: `Trạm Y tế ${commune.fullName}`,
    ...location,
    openedOn: new Date(Date.UTC(random.int(1985, 2015), random.int(0, 11), random.int(1, 28))),
  }));
  const children = communes.flatMap(({ location }) =>
    Array.from({ length: random.int(DEMO_CHILDREN_PER_COMMUNE.min, DEMO_CHILDREN_PER_COMMUNE.max) }, () => ({
      birthDate: new Date(asOf - random.int(0, 9 * 365) * DAY_MS),
      sex: random.next() < 0.512 ? ('MALE' as const) : ('FEMALE' as const),
      ...location,
    })),
  );
  await prisma.$transaction(
    async (tx) => {
      await tx.healthStation.createMany({ data: stations });
      for (let i = 0; i < children.length; i += 5000) await tx.childRecord.createMany({ data: children.slice(i, i + 5000) });
    },
    { timeout: 120_000 },
  );
  logger.info({ stations: stations.length, children: children.length }, 'demo health records seeded');
}
