import type { Logger } from '@ecd/service-kit';
import { DEMO_SEED, SeededRandom, communeLocations } from '@ecd/synthetic-data';
import type { PrismaClient } from './generated/prisma/client.js';

const KINDS = [
  { kind: 'SPORTS_GROUND', name: 'Sân thể thao' },
  { kind: 'LIBRARY', name: 'Thư viện' },
  { kind: 'CHILDREN_PLAYGROUND', name: 'Khu vui chơi trẻ em' },
] as const;

/** A nhà văn hóa in every commune of the demo province and, in some, a sports ground, library or playground. */
export async function seedDemo(prisma: PrismaClient, logger: Logger): Promise<void> {
  const random = new SeededRandom(DEMO_SEED).fork('culture');
  const facilities = communeLocations().flatMap(({ commune, location }) => [
    { name: `Nhà văn hóa ${commune.fullName}`, kind: 'CULTURAL_HOUSE' as const, servesChildren: random.next() < 0.6, ...location },
    ...KINDS.filter(() => random.next() < 0.4).map(({ kind, name }) => ({
      name: `${name} ${commune.name}`,
      kind,
      servesChildren: kind === 'CHILDREN_PLAYGROUND' || random.next() < 0.5,
      ...location,
    })),
  ]);
  const { count } = await prisma.culturalFacility.createMany({ data: facilities, skipDuplicates: true });
  logger.info({ created: count, total: facilities.length }, 'demo cultural facilities seeded');
}
