import DataLoader from 'dataloader';
import { z } from 'zod';

import { loaderPerArgument, queryRows, rowsByParentLoader, sql } from '@ecd/database';
import {
  childKeyFromInput,
  childKeyOf,
  conflict,
  isUuid,
  locationOf,
  notFound,
  rejectInput,
  todayInVietnam,
  toIsoDate,
  type Access,
  type ScopeGuard,
} from '@ecd/service-kit';

import {
  checkCaseAdvance,
  checkParentingSession,
  checkPilotModel,
  checkProtectionCase,
  checkReferralNetwork,
  checkSocialSupport,
  checkSpecialCircumstance,
  type RecordLocation,
} from '../domain/record-validation.js';
import { protectionCaseTransition } from '../domain/referral-lifecycle.js';
import type { AdministrativeUnit, PrismaClient, ReferralNetwork } from '../generated/prisma/client.js';
import type {
  ChildSex,
  PilotModelKind,
  ProtectionCaseKind,
  ProtectionCaseStatus,
  SocialSupportKind,
  SpecialCircumstanceCategory,
} from '../generated/prisma/enums.js';

/** A child as the federation references it: by key only. */
export interface ChildParent {
  key: string;
}

/** Who records and when: the actor, the person's territory (`scope`: the unit written to must lie in it) and today. */
export interface WriteOptions {
  actor: string;
  scope: ScopeGuard;
  today?: Date;
}

/** The location columns every located record carries, for filtering at each level of the unit tree. */
export const locationColumns = (l: RecordLocation) => ({
  communeCode: l.communeCode,
  communeValidFrom: l.communeValidFrom,
  districtCode: l.districtCode,
  districtValidFrom: l.districtValidFrom,
  provinceCode: l.provinceCode,
  provinceValidFrom: l.provinceValidFrom,
});

/** The columns of a record located in a commune (the checks allowed only a commune, so its columns are set). */
function communeColumns(l: RecordLocation) {
  const { communeCode, communeValidFrom } = l;
  if (communeCode === null || communeValidFrom === null)
    throw new Error(`${l.unitCode} was checked as a commune but is located as a ${l.unitLevel}`);
  return { ...locationColumns(l), communeCode, communeValidFrom };
}

const unitColumns = (l: RecordLocation) => ({
  unitCode: l.unitCode,
  unitValidFrom: l.unitValidFrom,
  ...locationColumns(l),
});

/** The unit a checked location names (commune, district or province), refused outside the person's territory. */
const assertInScope = (scope: ScopeGuard, location: RecordLocation, field: string) =>
  scope.assertCovers({ code: location.unitCode, validFrom: location.unitValidFrom }, field);

/**
 * Records in a person's territory only: a Child is keyed by `key` alone, so the field guard has no unit
 * to check; each record's own unit decides, and records located outside the territory are left out.
 */
export const inTerritory = <Row extends object>(
  rows: readonly Row[],
  access: Pick<Access, 'covers'>,
  typeName: string,
) =>
  rows.filter((row) => {
    const unit = locationOf(row, typeName);
    return unit !== undefined && access.covers(unit);
  });

/** The level columns a record at a unit of this level is found by. */
const atLevel = (unit: Pick<AdministrativeUnit, 'code' | 'validFrom' | 'level'>) =>
  unit.level === 'COMMUNE'
    ? { communeCode: unit.code, communeValidFrom: unit.validFrom }
    : unit.level === 'DISTRICT'
      ? { districtCode: unit.code, districtValidFrom: unit.validFrom }
      : { provinceCode: unit.code, provinceValidFrom: unit.validFrom };

/** The unit key of a row for a unit at its level, matching `atLevel`. */
const levelKey = (
  row: Record<'communeCode' | 'districtCode' | 'provinceCode', string | null> &
    Record<'communeValidFrom' | 'districtValidFrom' | 'provinceValidFrom', Date | null>,
  level: AdministrativeUnit['level'],
) => {
  const [code, validFrom] =
    level === 'COMMUNE'
      ? [row.communeCode, row.communeValidFrom]
      : level === 'DISTRICT'
        ? [row.districtCode, row.districtValidFrom]
        : [row.provinceCode, row.provinceValidFrom];
  return code !== null && validFrom !== null ? `${level}|${code}@${toIsoDate(validFrom)}` : null;
};

/**
 * LĐTBXH's records of children (special circumstances, protection cases, social support) and of its
 * services (parenting sessions, pilot models, referral network assessments). `childKeySecret`: the
 * secret sectors share to derive a child's key (CHILD_KEY_SECRET); personal numbers are never stored.
 */
export function recordData(prisma: PrismaClient, childKeySecret: string) {
  const byKeys = (keys: string[]) => ({ where: { childKey: { in: keys } } });
  const specialCircumstances = rowsByParentLoader(
    (keys) =>
      prisma.specialCircumstanceChild.findMany({ ...byKeys(keys), orderBy: [{ identifiedOn: 'asc' }, { id: 'asc' }] }),
    (r) => r.childKey,
  );
  const protectionCases = rowsByParentLoader(
    (keys) => prisma.protectionCase.findMany({ ...byKeys(keys), orderBy: [{ reportedOn: 'asc' }, { id: 'asc' }] }),
    (r) => r.childKey,
  );
  const socialSupport = rowsByParentLoader(
    (keys) => prisma.socialSupport.findMany({ ...byKeys(keys), orderBy: [{ fromDate: 'asc' }, { id: 'asc' }] }),
    (r) => r.childKey,
  );
  const networksIn =
    loaderPerArgument<
      DataLoader<Pick<AdministrativeUnit, 'code' | 'validFrom' | 'level'>, ReferralNetwork[], string>
    >();

  return {
    /**
     * The key of a child by personal number (checked), and whether LĐTBXH holds any record of the
     * child (referral, special circumstance, protection case, social support): what a lookup audits.
     */
    async childByPersonalId(personalId: string) {
      const key = childKeyFromInput(personalId, childKeySecret, 'personalId');
      const [row] = await queryRows(
        prisma,
        z.object({ found: z.boolean() }),
        sql`SELECT EXISTS (SELECT 1 FROM referral WHERE child_key = ${key})
                OR EXISTS (SELECT 1 FROM special_circumstance_child WHERE child_key = ${key})
                OR EXISTS (SELECT 1 FROM protection_case WHERE child_key = ${key})
                OR EXISTS (SELECT 1 FROM social_support WHERE child_key = ${key}) AS found`,
      );
      return { key, found: row?.found ?? false, result: { key } satisfies ChildParent };
    },
    specialCircumstances: async (child: ChildParent, access: Pick<Access, 'covers'>) =>
      inTerritory(await specialCircumstances.load(child.key), access, 'SpecialCircumstanceRecord'),
    protectionCases: async (child: ChildParent, access: Pick<Access, 'covers'>) =>
      inTerritory(await protectionCases.load(child.key), access, 'ProtectionCase'),
    socialSupport: async (child: ChildParent, access: Pick<Access, 'covers'>) =>
      inTerritory(await socialSupport.load(child.key), access, 'SocialSupport'),

    /** The referral networks assessed in a unit (any level) in a year, in unit code order. */
    referralNetworks(unit: Pick<AdministrativeUnit, 'code' | 'validFrom' | 'level'>, year: number) {
      const loader = networksIn(
        String(year),
        () =>
          new DataLoader<Pick<AdministrativeUnit, 'code' | 'validFrom' | 'level'>, ReferralNetwork[], string>(
            async (units) => {
              const rows = await prisma.referralNetwork.findMany({
                where: { year, OR: units.map(atLevel) },
                orderBy: { unitCode: 'asc' },
              });
              return units.map((u) => {
                const wanted = `${u.level}|${u.code}@${toIsoDate(u.validFrom)}`;
                return rows.filter((row) => levelKey(row, u.level) === wanted);
              });
            },
            { cacheKeyFn: (u) => `${u.level}|${u.code}@${toIsoDate(u.validFrom)}` },
          ),
      );
      return loader.load(unit);
    },

    async recordSpecialCircumstance(
      input: {
        personalId: string;
        birthDate: Date;
        sex: ChildSex;
        category: SpecialCircumstanceCategory;
        identifiedOn: Date;
        communeCode: string;
        status?: 'MANAGED' | 'NO_LONGER_MANAGED' | null;
      },
      options: WriteOptions,
    ) {
      const { problems, value } = checkSpecialCircumstance(input, options.today ?? todayInVietnam());
      if (!value) rejectInput('Hồ sơ trẻ em có hoàn cảnh đặc biệt', 'INVALID_SPECIAL_CIRCUMSTANCE', problems);
      assertInScope(options.scope, value.location, 'input.communeCode');
      return prisma.specialCircumstanceChild.create({
        data: {
          childKey: childKeyOf(input.personalId, childKeySecret),
          birthDate: input.birthDate,
          sex: input.sex,
          category: input.category,
          identifiedOn: input.identifiedOn,
          status: input.status ?? 'MANAGED',
          ...communeColumns(value.location),
          recordedBy: options.actor,
        },
      });
    },

    /** Sets whether a child in special circumstances (identified in the person's territory) is still managed. */
    async setSpecialCircumstanceStatus(id: string, status: 'MANAGED' | 'NO_LONGER_MANAGED', scope: ScopeGuard) {
      const found = isUuid(id)
        ? await prisma.specialCircumstanceChild.findUnique({
            where: { id },
            select: { id: true, communeCode: true, communeValidFrom: true },
          })
        : null;
      if (!found)
        throw notFound('Không có hồ sơ trẻ em có hoàn cảnh đặc biệt này.', {
          field: 'id',
          reason: 'SPECIAL_CIRCUMSTANCE_NOT_FOUND',
        });
      scope.assertCovers({ code: found.communeCode, validFrom: found.communeValidFrom }, 'id');
      return prisma.specialCircumstanceChild.update({ where: { id }, data: { status } });
    },

    async recordProtectionCase(
      input: {
        personalId: string;
        birthDate?: Date | null;
        kind: ProtectionCaseKind;
        reportedOn: Date;
        communeCode: string;
      },
      options: WriteOptions,
    ) {
      const { problems, value } = checkProtectionCase(input, options.today ?? todayInVietnam());
      if (!value) rejectInput('Vụ việc', 'INVALID_PROTECTION_CASE', problems);
      assertInScope(options.scope, value.location, 'input.communeCode');
      return prisma.protectionCase.create({
        data: {
          childKey: childKeyOf(input.personalId, childKeySecret),
          kind: input.kind,
          reportedOn: input.reportedOn,
          ...communeColumns(value.location),
          recordedBy: options.actor,
        },
      });
    },

    /** Moves a case (of the person's territory) one step (open → supported, with the support given → closed); a concurrent change loses. */
    async advanceProtectionCase(
      id: string,
      to: ProtectionCaseStatus,
      support: string | null | undefined,
      scope: ScopeGuard,
    ) {
      const found = isUuid(id) ? await prisma.protectionCase.findUnique({ where: { id } }) : null;
      if (!found) throw notFound('Không có vụ việc này.', { field: 'id', reason: 'PROTECTION_CASE_NOT_FOUND' });
      scope.assertCovers(locationOf(found, 'ProtectionCase'), 'id');
      const problems = checkCaseAdvance(to, support);
      if (problems.length) rejectInput('Cập nhật vụ việc', 'INVALID_PROTECTION_CASE_UPDATE', problems, '');
      const step = protectionCaseTransition(found.status, to);
      if (!step.ok)
        throw conflict(step.message, { field: 'status', reason: 'CASE_TRANSITION_NOT_ALLOWED', status: found.status });
      return prisma.$transaction(async (tx) => {
        const { count } = await tx.protectionCase.updateMany({
          where: { id, status: found.status },
          data: { status: to, ...(support?.trim() ? { support: support.trim() } : {}) },
        });
        if (count === 0)
          throw conflict('Vụ việc vừa được người khác cập nhật; hãy tải lại.', {
            field: 'id',
            reason: 'CONCURRENT_UPDATE',
          });
        return tx.protectionCase.findUniqueOrThrow({ where: { id } });
      });
    },

    async recordSocialSupport(
      input: {
        personalId: string;
        kind: SocialSupportKind;
        monthlyAmount: number;
        from: Date;
        to?: Date | null;
        communeCode: string;
      },
      options: WriteOptions,
    ) {
      const { problems, value } = checkSocialSupport(input, options.today ?? todayInVietnam());
      if (!value) rejectInput('Trợ giúp xã hội', 'INVALID_SOCIAL_SUPPORT', problems);
      assertInScope(options.scope, value.location, 'input.communeCode');
      return prisma.socialSupport.create({
        data: {
          childKey: childKeyOf(input.personalId, childKeySecret),
          kind: input.kind,
          monthlyAmount: input.monthlyAmount,
          fromDate: input.from,
          toDate: input.to ?? null,
          ...communeColumns(value.location),
          recordedBy: options.actor,
        },
      });
    },

    async recordParentingSession(
      input: { communeCode: string; heldOn: Date; topic: string; participants: number },
      options: WriteOptions,
    ) {
      const { problems, value } = checkParentingSession(input, options.today ?? todayInVietnam());
      if (!value) rejectInput('Buổi sinh hoạt', 'INVALID_PARENTING_SESSION', problems);
      assertInScope(options.scope, value.location, 'input.communeCode');
      return prisma.parentingSession.create({
        data: {
          heldOn: input.heldOn,
          topic: input.topic.trim(),
          participants: input.participants,
          ...communeColumns(value.location),
          recordedBy: options.actor,
        },
      });
    },

    async recordPilotModel(
      input: { name: string; kind: PilotModelKind; unitCode: string; startedOn: Date; endedOn?: Date | null },
      options: WriteOptions,
    ) {
      const { problems, value } = checkPilotModel(input, options.today ?? todayInVietnam());
      if (!value) rejectInput('Mô hình thí điểm', 'INVALID_PILOT_MODEL', problems);
      assertInScope(options.scope, value.location, 'input.unitCode');
      return prisma.pilotModel.create({
        data: {
          name: input.name.trim(),
          kind: input.kind,
          startedOn: input.startedOn,
          endedOn: input.endedOn ?? null,
          ...unitColumns(value.location),
          recordedBy: options.actor,
        },
      });
    },

    /** Records (or replaces) the assessment of a unit's referral network for a year. */
    async recordReferralNetwork(
      input: { unitCode: string; year: number; working: boolean; assessedOn: Date; note?: string | null },
      options: WriteOptions,
    ) {
      const { problems, value } = checkReferralNetwork(input, options.today ?? todayInVietnam());
      if (!value) rejectInput('Đánh giá mạng lưới chuyển tuyến', 'INVALID_REFERRAL_NETWORK', problems);
      assertInScope(options.scope, value.location, 'input.unitCode');
      const columns = unitColumns(value.location);
      const data = {
        working: input.working,
        assessedOn: input.assessedOn,
        note: input.note?.trim() || null,
        recordedBy: options.actor,
      };
      return prisma.referralNetwork.upsert({
        where: {
          unitCode_unitValidFrom_year: {
            unitCode: columns.unitCode,
            unitValidFrom: columns.unitValidFrom,
            year: input.year,
          },
        },
        create: { ...columns, year: input.year, ...data },
        update: data,
      });
    },
  };
}

export type RecordData = ReturnType<typeof recordData>;
