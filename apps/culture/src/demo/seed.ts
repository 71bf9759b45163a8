import { randomUUID } from 'node:crypto';

import { bulkInsert } from '@ecd/database';
import type { Logger } from '@ecd/service-kit';
import { communeLocations, DEMO_SEED, SeededRandom } from '@ecd/synthetic-data';

import type { ChildActivityKind, OutreachChannel } from '../domain/labels.js';
import type { PrismaClient } from '../generated/prisma/client.js';

const KINDS = [
  { kind: 'SPORTS_GROUND', name: 'Sân thể thao' },
  { kind: 'LIBRARY', name: 'Thư viện' },
  { kind: 'CHILDREN_PLAYGROUND', name: 'Khu vui chơi trẻ em' },
] as const;

/** The demo's culture records run from the reform to the end of November 2026 (every day in the past on the demo's clock). */
const FIRST_MONTH = { year: 2025, month: 6 }; // July 2025 (months from 0)
const MONTHS = 17; // to November 2026
/** Quarters whose sessions and campaigns are recorded: Q3 2025 to Q3 2026. */
const QUARTERS = 5;
const ACTIVITIES: { kind: ChildActivityKind; title: string }[] = [
  { kind: 'READING', title: 'Ngày hội đọc sách thiếu nhi' },
  { kind: 'ARTS', title: 'Sinh hoạt văn nghệ thiếu nhi' },
  { kind: 'SPORTS', title: 'Giải bóng đá thiếu niên' },
  { kind: 'PLAY', title: 'Vui chơi trò chơi dân gian' },
  { kind: 'FESTIVAL', title: 'Vui Tết Trung thu' },
  { kind: 'LIFE_SKILLS', title: 'Lớp kỹ năng phòng tránh đuối nước' },
];
const FAMILY_TOPICS = [
  'Nuôi dạy con tích cực',
  'Phòng, chống bạo lực gia đình',
  'Chăm sóc trẻ dưới 3 tuổi tại gia đình',
  'Xây dựng gia đình no ấm, tiến bộ, hạnh phúc',
];
const CAMPAIGN_TOPICS = [
  'Chăm sóc phát triển toàn diện trẻ em những năm đầu đời',
  'Phòng, chống đuối nước trẻ em',
  'Tháng hành động vì trẻ em',
  'Dinh dưỡng hợp lý cho trẻ nhỏ',
];
const COMMUNE_CHANNELS: OutreachChannel[] = ['LOUDSPEAKER', 'LEAFLET', 'PANEL', 'MEETING'];
const PROVINCE_CHANNELS: OutreachChannel[] = ['TELEVISION', 'RADIO', 'SOCIAL_MEDIA'];

const utcDay = (year: number, month: number, day: number) => new Date(Date.UTC(year, month, day));
const daysIn = (year: number, month: number) => new Date(Date.UTC(year, month + 1, 0)).getUTCDate();

/**
 * A nhà văn hóa in every commune of the demo province and, in some, a sports ground, library or playground;
 * then, from July 2025, activities for children (often at a child-friendly facility), family-life education
 * sessions and communication campaigns in each commune, and province-wide campaigns on television, radio and
 * social media. Reproducible from DEMO_SEED; each part runs once (a database that has it is left as it is).
 */
export async function seedDemo(prisma: PrismaClient, logger: Logger): Promise<void> {
  const communes = communeLocations();
  const [first] = communes;
  if (!first) throw new Error('The demo province has no communes.');
  const province = { provinceCode: first.location.provinceCode, provinceValidFrom: first.location.provinceValidFrom };
  const random = new SeededRandom(DEMO_SEED).fork('culture');
  const opened = random.fork('opened');
  const facilities = communes
    .flatMap(({ commune, location }) => [
      {
        name: `Nhà văn hóa ${commune.fullName}`,
        kind: 'CULTURAL_HOUSE' as const,
        servesChildren: random.next() < 0.6,
        ...location,
      },
      ...KINDS.filter(() => random.next() < 0.4).map(({ kind, name }) => ({
        name: `${name} ${commune.name}`,
        kind,
        servesChildren: kind === 'CHILDREN_PLAYGROUND' || random.next() < 0.5,
        ...location,
      })),
    ])
    .map((facility) => ({
      id: randomUUID(),
      ...facility,
      openedOn: opened.next() < 0.2 ? null : utcDay(opened.int(1995, 2024), opened.int(0, 11), opened.int(1, 28)),
      recordedBy: 'demo-seed',
    }));

  await prisma.$transaction(async (tx) => {
    if ((await tx.culturalFacility.count({ where: province })) === 0) {
      logger.info(
        { created: await bulkInsert(tx, 'cultural_facility', facilities) },
        'demo cultural facilities seeded',
      );
    }
    if ((await tx.childActivity.count({ where: province })) > 0) return;
    const stored = await tx.culturalFacility.findMany({
      where: { ...province, servesChildren: true },
      orderBy: { name: 'asc' },
    });
    const childFriendly = new Map<string, typeof stored>();
    for (const f of stored) childFriendly.set(f.communeCode, [...(childFriendly.get(f.communeCode) ?? []), f]);

    const records = random.fork('records');
    const activities = communes.flatMap(({ commune, location }) =>
      Array.from({ length: MONTHS }, (_, i) => {
        const year = FIRST_MONTH.year + Math.floor((FIRST_MONTH.month + i) / 12);
        const month = (FIRST_MONTH.month + i) % 12;
        return Array.from({ length: records.int(0, 2) }, () => {
          const { kind, title } = records.pick(ACTIVITIES);
          const here = childFriendly.get(commune.code) ?? [];
          const facility = here.length && records.next() < 0.7 ? records.pick(here) : null;
          const heldOn = utcDay(year, month, records.int(1, daysIn(year, month)));
          const childrenCount = records.int(10, 150);
          // Most activities count children by age; some of those taking part are older than 8.
          const bands =
            records.next() < 0.8
              ? {
                  aged0To2: Math.floor(childrenCount * records.next() * 0.15),
                  aged3To5: Math.floor(childrenCount * records.next() * 0.4),
                  aged6To8: Math.floor(childrenCount * records.next() * 0.45),
                }
              : {};
          return {
            id: randomUUID(),
            kind,
            title: `${title} ${commune.name}`,
            heldOn,
            facilityId: facility && (!facility.openedOn || facility.openedOn <= heldOn) ? facility.id : null,
            childrenCount,
            aged0To2: null,
            aged3To5: null,
            aged6To8: null,
            ...bands,
            ...location,
            recordedBy: 'demo-seed',
          };
        });
      }).flat(),
    );

    const quarter = (q: number) => {
      const start = FIRST_MONTH.month + 3 * q;
      const year = FIRST_MONTH.year + Math.floor(start / 12);
      return { year, month: start % 12 };
    };
    const outreach = communes.flatMap(({ location }) =>
      Array.from({ length: QUARTERS }, (_, q) => {
        const { year, month } = quarter(q);
        const sessions = Array.from({ length: records.int(0, 2) }, () => {
          const day = utcDay(year, month + records.int(0, 2), records.int(1, 28));
          const peopleReached = records.int(15, 80);
          return {
            kind: 'FAMILY_EDUCATION' as const,
            channel: records.pick(['MEETING', 'CLUB'] as const),
            topic: records.pick(FAMILY_TOPICS),
            dateFrom: day,
            dateTo: day,
            peopleReached,
            parentsReached: Math.round(peopleReached * (0.6 + 0.35 * records.next())),
          };
        });
        const campaigns = Array.from({ length: records.int(0, 1) }, () => {
          const from = utcDay(year, month, records.int(1, 28));
          const peopleReached = records.int(200, 3000);
          return {
            kind: 'COMMUNICATION_CAMPAIGN' as const,
            channel: records.pick(COMMUNE_CHANNELS),
            topic: records.pick(CAMPAIGN_TOPICS),
            dateFrom: from,
            dateTo: utcDay(year, month + 2, records.int(1, 28)),
            peopleReached,
            parentsReached: Math.round(peopleReached * (0.15 + 0.25 * records.next())),
          };
        });
        return [...sessions, ...campaigns].map((o) => ({
          id: randomUUID(),
          ...o,
          ...location,
          districtCode: null,
          districtValidFrom: null,
          recordedBy: 'demo-seed',
        }));
      }).flat(),
    );
    const provinceWide = Array.from({ length: QUARTERS }, (_, q) => {
      const { year, month } = quarter(q);
      const peopleReached = records.int(20_000, 200_000);
      return {
        id: randomUUID(),
        kind: 'COMMUNICATION_CAMPAIGN' as const,
        channel: records.pick(PROVINCE_CHANNELS),
        topic: records.pick(CAMPAIGN_TOPICS),
        dateFrom: utcDay(year, month, 1),
        dateTo: utcDay(year, month + 3, 0),
        peopleReached,
        parentsReached: Math.round(peopleReached * (0.1 + 0.2 * records.next())),
        communeCode: null,
        communeValidFrom: null,
        districtCode: null,
        districtValidFrom: null,
        ...province,
        recordedBy: 'demo-seed',
      };
    });
    const counts = {
      childActivities: await bulkInsert(tx, 'child_activity', activities),
      outreach: await bulkInsert(tx, 'outreach', [...outreach, ...provinceWide]),
    };
    logger.info(counts, 'demo culture records seeded');
  });
}
