import type { Logger } from '@ecd/service-kit';
import { DEMO_SEED, SeededRandom, communeLocations, demoFigures } from '@ecd/synthetic-data';
import type { PrismaClient } from './generated/prisma/client.js';
import { EDUCATION_INDICATORS } from './domain/indicators.js';

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
  await seedDemoFigures(prisma, logger);
}


/** Figures for education's indicators in the units the seed plans cover (Ninh Bình, Bến Cát). */
async function seedDemoFigures(prisma: PrismaClient, logger: Logger): Promise<void> {
  if ((await prisma.indicatorValue.count()) > 0) return;
  const figures = ['37', '721'].flatMap((unit) => [...EDUCATION_INDICATORS].flatMap((code) => demoFigures(code, unit, DEMO_SEED)));
  await prisma.indicatorValue.createMany({ data: figures.map((f) => ({ ...f, recordedBy: 'demo-seed' })) });
  logger.info({ figures: figures.length }, 'demo indicator figures seeded');
}
