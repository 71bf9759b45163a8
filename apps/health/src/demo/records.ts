/**
 * Demo immunisations, service contacts, pregnancies with their antenatal visits, and federation keys for
 * some of the demo children: generated from the seed, so every start gives the same records.
 */
import { randomUUID } from 'node:crypto';

import { communesOfProvince, locateUnit } from '@ecd/reference-data';
import { childKeyOf } from '@ecd/service-kit';
import { communeLocations, DEMO_AS_OF, DEMO_PROVINCE_CODE, type SeededRandom } from '@ecd/synthetic-data';

import { ninthBirthday } from '../domain/child-services.js';
import { dayAtAge, DUE_BY_FIRST_BIRTHDAY, EPI_SCHEDULE, type Vaccine } from '../domain/epi-schedule.js';

const DAY_MS = 86_400_000;
const day = (iso: string) => new Date(`${iso}T00:00:00Z`);
const addDays = (date: Date, days: number) => new Date(date.getTime() + days * DAY_MS);

/** Demo doses and services stop on this day (pregnancies are due by 30 June 2026), so the same seed gives the same records whenever it runs. */
export const DEMO_RECORDS_UNTIL = day('2025-12-31');
/**
 * The demo's health services are those of 2025 (the year of its growth campaign), which keeps the seed
 * fast: doses for the children turning 1 in 2025 (born in 2024), service contacts in 2025.
 */
const IMMUNISED_BORN = { from: day('2024-01-01'), before: day('2025-01-01') };
const SERVICE_YEARS = [2025];
const SHARE = { withKey: 0.35, doseMissed: 0.04, doseLate: 0.02, reachedInYear: 0.72 };
/** The doses seeded: those due before the first birthday (the later ones are left out to keep the seed fast). */
const SEEDED_DOSES = EPI_SCHEDULE.filter((d) => DUE_BY_FIRST_BIRTHDAY.includes(d.vaccine));
const SERVICE_KINDS = [
  'GROWTH_MONITORING',
  'NUTRITION_COUNSELLING',
  'VITAMIN_A_SUPPLEMENTATION',
  'DEWORMING',
  'DEVELOPMENTAL_SCREENING',
  'SICK_CHILD_CARE',
  'MICRONUTRIENT_SUPPLEMENTATION',
] as const;

export interface DemoChild {
  id: string;
  birthDate: Date;
  sex: 'MALE' | 'FEMALE';
  communeCode: string;
}

/**
 * A demo child's personal identification number, derived from the seed: Lạng Sơn's birth-registration
 * code 020, the century-and-sex digit (2 boys, 3 girls born 2000-2099), the year of birth, and a serial.
 */
export const demoPersonalId = (child: Pick<DemoChild, 'birthDate' | 'sex'>, serial: number) =>
  `020${child.sex === 'MALE' ? 2 : 3}${String(child.birthDate.getUTCFullYear() % 100).padStart(2, '0')}${String(serial).padStart(6, '0')}`;

/** Federation keys for about a third of the children: the personal ids' serials are drawn without repeats. */
export function demoChildKeys(
  random: SeededRandom,
  children: readonly DemoChild[],
  secret: string,
): Map<string, string> {
  const keys = new Map<string, string>();
  const used = new Set<string>();
  for (const child of children) {
    if (random.next() >= SHARE.withKey) continue;
    let personalId: string;
    do personalId = demoPersonalId(child, random.int(0, 999_999));
    while (used.has(personalId));
    used.add(personalId);
    keys.set(child.id, childKeyOf(personalId, secret));
  }
  return keys;
}

/**
 * The doses due before the first birthday of each child born in 2024: most on time (a few days to three weeks after the due age),
 * a few missed, a few given late (after the first birthday for a dose due before it).
 */
export function demoImmunisations(
  random: SeededRandom,
  children: readonly DemoChild[],
  stationOf: (communeCode: string) => string,
) {
  return children.flatMap((child) => {
    if (child.birthDate < IMMUNISED_BORN.from || child.birthDate >= IMMUNISED_BORN.before) return [];
    const doses: {
      id: string;
      childRecordId: string;
      vaccine: Vaccine;
      givenOn: Date;
      stationId: string;
      recordedBy: string;
    }[] = [];
    for (const dose of SEEDED_DOSES) {
      const missed = random.next() < SHARE.doseMissed;
      const delay = random.next() < SHARE.doseLate ? random.int(60, 150) : random.int(0, 21);
      const givenOn = addDays(dayAtAge(child.birthDate, dose.dueAt), delay);
      if (missed || givenOn > DEMO_RECORDS_UNTIL) continue;
      doses.push({
        id: randomUUID(),
        childRecordId: child.id,
        vaccine: dose.vaccine,
        givenOn,
        stationId: stationOf(child.communeCode),
        recordedBy: 'demo-seed',
      });
    }
    return doses;
  });
}

/** One service in 2025 for about three children in four, while the child is 0-8. */
export function demoServiceContacts(
  random: SeededRandom,
  children: readonly DemoChild[],
  stationOf: (communeCode: string) => string,
) {
  return children.flatMap((child) =>
    SERVICE_YEARS.flatMap((year) => {
      const from = Math.max(child.birthDate.getTime(), Date.UTC(year, 0, 1));
      const to = Math.min(
        ninthBirthday(child.birthDate).getTime() - DAY_MS,
        Date.UTC(year, 11, 31),
        DEMO_RECORDS_UNTIL.getTime(),
      );
      if (from > to || random.next() >= SHARE.reachedInYear) return [];
      const servedOn = new Date(from + random.int(0, Math.floor((to - from) / DAY_MS)) * DAY_MS);
      return [
        {
          id: randomUUID(),
          childRecordId: child.id,
          kind: random.pick(SERVICE_KINDS),
          servedOn,
          stationId: stationOf(child.communeCode),
          recordedBy: 'demo-seed',
        },
      ];
    }),
  );
}

/**
 * Pregnancies due in 2024 in the communes of the 2024 list (with their districts), and due from
 * 1 July 2025 to 30 June 2026 in the communes after the reform, each with 0 to 8 antenatal visits.
 */
export function demoPregnancies(random: SeededRandom) {
  const periods = [
    {
      communes: communesOfProvince(DEMO_PROVINCE_CODE, '2024-12-31').map((c) => c.code),
      asOf: '2024-12-31',
      from: day('2024-01-01'),
      days: 366,
      perCommune: [3, 10],
    },
    {
      communes: communeLocations().map((c) => c.commune.code),
      asOf: DEMO_AS_OF,
      from: day(DEMO_AS_OF),
      days: 365,
      perCommune: [10, 30],
    },
  ] as const;
  const pregnancies: Record<string, unknown>[] = [];
  const visits: Record<string, unknown>[] = [];
  for (const period of periods) {
    for (const communeCode of period.communes) {
      const location = locateUnit(communeCode, period.asOf);
      if (!location) throw new Error(`commune ${communeCode} is not in the unit list of ${period.asOf}`);
      for (let n = random.int(period.perCommune[0], period.perCommune[1]); n > 0; n--) {
        const expectedDeliveryDate = addDays(period.from, random.int(0, period.days - 1));
        const id = randomUUID();
        pregnancies.push({
          id,
          expectedDeliveryDate,
          motherBirthYear: expectedDeliveryDate.getUTCFullYear() - random.int(17, 42),
          ...location,
          recordedBy: 'demo-seed',
        });
        const weeks = new Set<number>();
        for (let v = random.int(0, 8); v > 0; v--) weeks.add(random.int(6, 40));
        for (const gestationalWeek of weeks) {
          visits.push({
            id: randomUUID(),
            pregnancyId: id,
            visitedOn: addDays(expectedDeliveryDate, -(40 - gestationalWeek) * 7),
            gestationalWeek,
            recordedBy: 'demo-seed',
          });
        }
      }
    }
  }
  return { pregnancies, visits };
}
