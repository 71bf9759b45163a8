import type { Logger } from '@ecd/service-kit';
import { DEMO_SEED, SeededRandom, communeLocations } from '@ecd/synthetic-data';
import type { PrismaClient } from './generated/prisma/client.js';

/** Every commune of the demo province gets 1-2 preschools, 1-2 primary and 1 lower-secondary school. */
export async function seedDemo(prisma: PrismaClient, logger: Logger): Promise<void> {
  const random = new SeededRandom(DEMO_SEED).fork('education');
  const schools = communeLocations().flatMap(({ commune, location }) => {
    const named = (level: 'PRESCHOOL' | 'PRIMARY' | 'LOWER_SECONDARY', prefix: string, count: number) =>
      Array.from({ length: count }, (_, i) => ({ name: `${prefix} ${commune.name}${count > 1 ? ` ${i + 1}` : ''}`, level, ...location }));
    return [
      ...named('PRESCHOOL', 'Trường Mầm non', random.int(1, 2)),
      ...named('PRIMARY', 'Trường Tiểu học', random.int(1, 2)),
      ...named('LOWER_SECONDARY', 'Trường THCS', 1),
    ];
  });
  const { count } = await prisma.school.createMany({ data: schools, skipDuplicates: true });
  logger.info({ created: count, total: schools.length }, 'demo schools seeded');
}
