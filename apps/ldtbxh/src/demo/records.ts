import { randomUUID } from 'node:crypto';

import { bulkInsert } from '@ecd/database';
import {
  locateCommune,
  oldUnitOfCommune,
  territoryCommunes,
  UNIT_LISTS,
  unitIndexFor,
  type UnitList,
} from '@ecd/reference-data';
import { childKeyOf, fromIsoDate, toIsoDate, type Logger } from '@ecd/service-kit';
import { communeLocations, DEMO_PROGRESS_YEAR, DEMO_PROVINCE_CODE, DEMO_SEED, SeededRandom } from '@ecd/synthetic-data';

import { SPECIAL_CIRCUMSTANCE_LABELS } from '../domain/special-circumstances.js';
import type { PrismaClient } from '../generated/prisma/client.js';

/**
 * The demo's referral networks, growing year by year: Lạng Sơn's 11 districts from 1 working in 2019 to
 * 4 in 2024 (36 %, behind the plan's 40 % of 2020), then in 2025 its current communes, most of those of 7
 * of the old districts working (7 rebuilt districts of 11: 64 %, short of 85 %); Dầu Tiếng's 12 communes
 * from 3 in 2019 to all 12 in 2024, and in 2025 all the current communes of its ground (REACHED).
 */
export const DEMO_NETWORK = {
  districtsOf: DEMO_PROVINCE_CODE,
  workingDistricts: { 2019: 1, 2020: 2, 2021: 2, 2022: 3, 2023: 3, 2024: 4 } as Record<number, number>,
  workingRebuiltDistricts2025: 7,
  communesOf: '720',
  workingCommunes: { 2019: 3, 2020: 5, 2021: 7, 2022: 9, 2023: 11, 2024: 12 } as Record<number, number>,
} as const;

function unitList(index: number): UnitList {
  const list = UNIT_LISTS[index];
  if (!list) throw new Error(`@ecd/reference-data holds no unit list ${index}`);
  return list;
}
const BEFORE = unitList(0);
const AFTER = unitList(1);
const RECORDS_FROM = fromIsoDate(AFTER.validFrom);
const RECORDS_DAYS = 183; // 2025-07-01 .. 2025-12-30: in the post-reform units, in the past whatever today is
const ACTOR = 'demo-seed';

const day = (from: Date, offset: number) => new Date(from.getTime() + offset * 86_400_000);
const shuffled = <T>(items: readonly T[], random: SeededRandom) => {
  const copy = [...items];
  for (let i = copy.length - 1; i > 0; i--) {
    const j = random.int(0, i);
    const [a, b] = [copy[i], copy[j]];
    if (a === undefined || b === undefined) continue;
    [copy[i], copy[j]] = [b, a];
  }
  return copy;
};

/** Where a current commune lies (its province), as the located tables store it. */
function locationNow(code: string) {
  const location = locateCommune(code, AFTER.validFrom);
  if (!location) throw new Error(`The demo names commune ${code}, which is not in the ${AFTER.id} list`);
  return {
    communeCode: location.communeCode,
    communeValidFrom: fromIsoDate(location.communeValidFrom),
    districtCode: null,
    districtValidFrom: null,
    provinceCode: location.provinceCode,
    provinceValidFrom: fromIsoDate(location.provinceValidFrom),
  };
}

/** Where a 2024 unit lies (its district and province), as the located tables store it. */
function location2024(code: string) {
  const index = unitIndexFor(BEFORE);
  const unit = index.byCode.get(code);
  const province = index.provinceOf(code);
  if (!unit || !province) throw new Error(`The demo names unit ${code}, which is not in the ${BEFORE.id} list`);
  const validFrom = fromIsoDate(BEFORE.validFrom);
  const district =
    unit.level === 'district'
      ? unit
      : unit.level === 'commune' && unit.parentCode
        ? index.byCode.get(unit.parentCode)
        : undefined;
  return {
    communeCode: unit.level === 'commune' ? code : null,
    communeValidFrom: unit.level === 'commune' ? validFrom : null,
    districtCode: district?.level === 'district' ? district.code : null,
    districtValidFrom: district?.level === 'district' ? validFrom : null,
    provinceCode: province.code,
    provinceValidFrom: validFrom,
  };
}

/**
 * LĐTBXH's demo records, reproducible from DEMO_SEED: the 2024 referral networks of the seed plans,
 * parenting sessions and pilot models (2024 and post-reform Lạng Sơn), and children in special
 * circumstances, protection cases, social support and referrals in post-reform Lạng Sơn communes.
 * Seeded once (skipped when any network is held), each table in one statement.
 */
export async function seedDemoRecords(prisma: PrismaClient, logger: Logger, childKeySecret: string): Promise<void> {
  if ((await prisma.referralNetwork.count()) > 0) return;
  const random = new SeededRandom(DEMO_SEED).fork('ldtbxh-records');
  const index = unitIndexFor(BEFORE);
  const year = DEMO_PROGRESS_YEAR;
  const base = { id: '', recordedBy: ACTOR };

  const networkRow = (code: string, assessedIn: number, working: boolean, list: UnitList) => ({
    ...base,
    id: randomUUID(),
    year: assessedIn,
    working,
    assessedOn: fromIsoDate(`${assessedIn}-12-15`),
    note: working ? null : 'Chưa kiện toàn mạng lưới (minh họa)',
    unitCode: code,
    unitValidFrom: fromIsoDate(list.validFrom),
    ...(list === BEFORE ? location2024(code) : locationNow(code)),
  });
  // Before the reform: the same order every year, so that a unit working one year still works the next.
  const growing = (codes: string[], working: Record<number, number>, r: SeededRandom) => {
    const order = shuffled(codes, r);
    return Object.entries(working).flatMap(([assessedIn, count]) => {
      const yes = new Set(order.slice(0, count));
      return codes.map((code) => networkRow(code, Number(assessedIn), yes.has(code), BEFORE));
    });
  };
  const districts = (index.childrenOf.get(DEMO_NETWORK.districtsOf) ?? []).map((u) => u.code);
  const dauTiengCommunes = index.communesOf(DEMO_NETWORK.communesOf).map((u) => u.code);
  // 2025: the current communes, working where their rebuilt district is one of the first 7 (of Lạng Sơn).
  const strong = new Set(
    shuffled(districts, random.fork('rebuilt')).slice(0, DEMO_NETWORK.workingRebuiltDistricts2025),
  );
  const langSon2025 = territoryCommunes({ code: DEMO_NETWORK.districtsOf, validFrom: BEFORE.validFrom }, 2025);
  const dauTieng2025 = territoryCommunes({ code: DEMO_NETWORK.communesOf, validFrom: BEFORE.validFrom }, 2025);
  const networks = [
    ...growing(districts, DEMO_NETWORK.workingDistricts, random.fork('districts')),
    ...growing(dauTiengCommunes, DEMO_NETWORK.workingCommunes, random.fork('communes')),
    ...langSon2025.map(({ code }) =>
      networkRow(code, 2025, strong.has(oldUnitOfCommune(code, 'district') ?? ''), AFTER),
    ),
    ...dauTieng2025.map(({ code }) => networkRow(code, 2025, true, AFTER)),
  ];

  // Post-reform Lạng Sơn communes, and 2024 Lạng Sơn communes for the 2024 figures.
  const communes = communeLocations(DEMO_PROVINCE_CODE, AFTER.validFrom);
  const communes2024 = index.communesOf(DEMO_PROVINCE_CODE).map((u) => u.code);
  const place = (r: SeededRandom) => {
    const { location } = r.pick(communes);
    return { ...location, districtCode: null, districtValidFrom: null };
  };
  const topics = [
    'Chăm sóc dinh dưỡng cho trẻ dưới 3 tuổi',
    'Chơi và học cùng con',
    'Phòng, chống tai nạn thương tích',
    'Kỷ luật tích cực',
    'Phát hiện sớm khuyết tật',
  ];
  const pr = random.fork('parenting');
  const sessions = [
    ...Array.from({ length: 60 }, () => ({
      ...base,
      id: randomUUID(),
      heldOn: day(fromIsoDate(`${year}-01-01`), pr.int(0, 364)),
      topic: pr.pick(topics),
      participants: pr.int(12, 45),
      ...location2024(pr.pick(communes2024)),
    })),
    ...Array.from({ length: 40 }, () => ({
      ...base,
      id: randomUUID(),
      heldOn: day(RECORDS_FROM, pr.int(0, RECORDS_DAYS)),
      topic: pr.pick(topics),
      participants: pr.int(12, 45),
      ...place(pr),
    })),
  ];

  const mr = random.fork('pilots');
  const pilots = [
    ...shuffled(districts, mr)
      .slice(0, 3)
      .map((code, i) => ({
        ...base,
        id: randomUUID(),
        name: `Mô hình chăm sóc phát triển toàn diện trẻ em tại gia đình và cộng đồng ${i + 1}`,
        kind: 'FAMILY_COMMUNITY_CARE',
        startedOn: fromIsoDate(`${2021 + i}-03-01`),
        endedOn: i === 0 ? fromIsoDate('2023-12-31') : null,
        unitCode: code,
        unitValidFrom: fromIsoDate(BEFORE.validFrom),
        ...location2024(code),
      })),
    ...Array.from({ length: 4 }, (_, i) => {
      const at = place(mr);
      return {
        ...base,
        id: randomUUID(),
        name: `Mô hình thí điểm ${i + 1} (minh họa)`,
        kind: mr.pick(['FAMILY_COMMUNITY_CARE', 'REFERRAL_CONNECTION', 'PARENTING_CLUB']),
        startedOn: day(RECORDS_FROM, mr.int(0, 90)),
        endedOn: null,
        unitCode: at.communeCode,
        unitValidFrom: at.communeValidFrom,
        ...at,
      };
    }),
  ];

  // Children: personal numbers drawn from the seed (Lạng Sơn's 020 prefix), only their keys kept.
  const cr = random.fork('children');
  const children = Array.from({ length: 80 }, () => {
    const personalId = `020${String(cr.int(0, 999_999_999)).padStart(9, '0')}`;
    const identifiedOn = day(RECORDS_FROM, cr.int(0, RECORDS_DAYS));
    return {
      key: childKeyOf(personalId, childKeySecret),
      identifiedOn,
      birthDate: day(identifiedOn, -cr.int(30, 8 * 365)),
      sex: cr.pick(['MALE', 'FEMALE']),
      at: place(cr),
    };
  });
  const categories = Object.keys(SPECIAL_CIRCUMSTANCE_LABELS);
  const special = children.slice(0, 50).map((c) => ({
    ...base,
    id: randomUUID(),
    childKey: c.key,
    birthDate: c.birthDate,
    sex: c.sex,
    category: cr.pick(categories),
    identifiedOn: c.identifiedOn,
    status: cr.next() < 0.9 ? 'MANAGED' : 'NO_LONGER_MANAGED',
    ...c.at,
  }));
  const cases = children.slice(40, 55).map((c) => {
    const status = cr.pick(['OPEN', 'SUPPORTED', 'CLOSED']);
    return {
      ...base,
      id: randomUUID(),
      childKey: c.key,
      kind: cr.pick(['PHYSICAL_VIOLENCE', 'PSYCHOLOGICAL_VIOLENCE', 'NEGLECT', 'SEXUAL_ABUSE', 'OTHER']),
      reportedOn: c.identifiedOn,
      status,
      support: status === 'OPEN' ? null : 'Tư vấn tâm lý, hỗ trợ y tế và kết nối dịch vụ (minh họa)',
      ...c.at,
    };
  });
  const support = children.slice(0, 30).map((c) => ({
    ...base,
    id: randomUUID(),
    childKey: c.key,
    kind: cr.pick(['MONTHLY_ALLOWANCE', 'COMMUNITY_CARE', 'HEALTH_INSURANCE']),
    monthlyAmount: cr.pick([360_000, 540_000, 720_000, 900_000]),
    fromDate: c.identifiedOn,
    toDate: null,
    ...c.at,
  }));

  // Referrals with their audit trail, in every state.
  const rr = random.fork('referrals');
  const routes = [
    ['HEALTH', 'Trạm y tế xã: khám sàng lọc', 'SOCIAL_AFFAIRS', 'Bảo vệ trẻ em cấp xã', 'Nghi trẻ bị bỏ mặc'],
    ['EDUCATION', 'Trường mầm non: theo dõi phát triển', 'HEALTH', 'Phục hồi chức năng', 'Chậm phát triển vận động'],
    ['SOCIAL_AFFAIRS', 'Bảo vệ trẻ em cấp xã', 'EDUCATION', 'Giáo dục hòa nhập', 'Trẻ khuyết tật cần hỗ trợ học tập'],
    ['SOCIAL_AFFAIRS', 'Trợ giúp xã hội', 'HEALTH', 'Dinh dưỡng', 'Trẻ suy dinh dưỡng thể thấp còi'],
  ] as const;
  const paths = [
    ['SENT'],
    ['SENT', 'ACCEPTED'],
    ['SENT', 'DECLINED'],
    ['SENT', 'ACCEPTED', 'DELIVERED'],
    ['SENT', 'ACCEPTED', 'NOT_DELIVERED'],
  ] as const;
  const referrals: Record<string, unknown>[] = [];
  const events: Record<string, unknown>[] = [];
  for (const c of children.slice(20, 44)) {
    const [fromSector, fromService, toSector, toService, reason] = rr.pick(routes);
    const path = rr.pick(paths);
    const sentOn = day(c.identifiedOn, rr.int(0, 20));
    const id = randomUUID();
    referrals.push({
      id,
      childKey: c.key,
      fromSector,
      fromService,
      toSector,
      toService,
      reason,
      status: path.at(-1),
      sentOn,
      sentBy: ACTOR,
      createdAt: new Date(sentOn.getTime() + 9 * 3600_000),
      ...c.at,
    });
    path.forEach((status, i) =>
      events.push({
        id: randomUUID(),
        referralId: id,
        status,
        at: new Date(sentOn.getTime() + (9 + i * 30) * 3600_000),
        by: ACTOR,
        reason:
          status === 'DECLINED'
            ? 'Không thuộc phạm vi dịch vụ (minh họa)'
            : status === 'NOT_DELIVERED'
              ? 'Gia đình chuyển đi nơi khác (minh họa)'
              : null,
      }),
    );
  }

  const created = await prisma.$transaction(async (tx) => ({
    referralNetworks: await bulkInsert(tx, 'referral_network', networks),
    parentingSessions: await bulkInsert(tx, 'parenting_session', sessions),
    pilotModels: await bulkInsert(tx, 'pilot_model', pilots),
    specialCircumstances: await bulkInsert(tx, 'special_circumstance_child', special),
    protectionCases: await bulkInsert(tx, 'protection_case', cases),
    socialSupport: await bulkInsert(tx, 'social_support', support),
    referrals: await bulkInsert(tx, 'referral', referrals),
    referralEvents: await bulkInsert(tx, 'referral_event', events),
  }));
  logger.info({ ...created, asOf: toIsoDate(RECORDS_FROM) }, 'demo LĐTBXH records seeded');
}
