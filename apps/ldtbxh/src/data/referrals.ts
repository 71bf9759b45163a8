import { rowsByParentLoader } from '@ecd/database';
import {
  badInput,
  childKeyOf,
  conflict,
  forbidden,
  isUuid,
  keysetPage,
  locationOf,
  notFound,
  rejectInput,
  todayInVietnam,
  toIsoDate,
  type Access,
  type Sector as PersonSector,
  type ScopeGuard,
  type UnitKey,
} from '@ecd/service-kit';

import { checkReason, checkSendReferral } from '../domain/record-validation.js';
import { REASON_REQUIRED, referralTransition, type ReferralAction } from '../domain/referral-lifecycle.js';
import type { AdministrativeUnit, Prisma, PrismaClient, Referral } from '../generated/prisma/client.js';
import type { ReferralStatus, Sector } from '../generated/prisma/enums.js';
import { inTerritory, locationColumns, type ChildParent, type WriteOptions } from './records.js';
import { keyOrNull, type UnitData } from './units.js';

export interface SendReferralInput {
  personalId: string;
  unitCode: string;
  fromSector: Sector;
  fromService: string;
  toSector: Sector;
  toService: string;
  reason: string;
}

/** The referral sector each person's sector acts for (the schema names LĐTBXH `SOCIAL_AFFAIRS`). */
export const REFERRAL_SECTOR_OF: Readonly<Record<PersonSector, Sector>> = {
  LDTBXH: 'SOCIAL_AFFAIRS',
  HEALTH: 'HEALTH',
  EDUCATION: 'EDUCATION',
  CULTURE: 'CULTURE',
};

/** Who acts on a referral: the request's `access` (admin, and the verified identity's sector). */
export interface ReferralCaller {
  readonly isAdmin: boolean;
  readonly identity: { readonly sector: PersonSector | null };
}

/**
 * A referral is sent from the sender's own sector, and accepted, declined or closed by the sector it is
 * addressed to: anyone else (a person without a sector too) is refused FORBIDDEN `SECTOR_NOT_ALLOWED`;
 * admin acts for every sector.
 */
export function assertActsForSector(caller: ReferralCaller, sector: Sector, field: string): void {
  if (caller.isAdmin) return;
  const own = caller.identity.sector;
  if (own !== null && REFERRAL_SECTOR_OF[own] === sector) return;
  throw forbidden(
    'Bạn chỉ được gửi chuyển tuyến từ ngành của mình và xử lý chuyển tuyến gửi đến ngành của mình.',
    'SECTOR_NOT_ALLOWED',
    { field },
  );
}

/** The smallest unit a referral is located in (commune, else district, else province). */
export const referralUnitKey = (referral: Referral): UnitKey =>
  keyOrNull(referral.communeCode, referral.communeValidFrom) ??
  keyOrNull(referral.districtCode, referral.districtValidFrom) ?? {
    code: referral.provinceCode,
    validFrom: toIsoDate(referral.provinceValidFrom),
  };

/** Referrals of children between sectors (chuyển tuyến) and their events. */
export function referralData(prisma: PrismaClient, childKeySecret: string, { units }: { units: UnitData }) {
  const ofChild = rowsByParentLoader(
    (keys) =>
      prisma.referral.findMany({ where: { childKey: { in: keys } }, orderBy: [{ createdAt: 'desc' }, { id: 'desc' }] }),
    (r) => r.childKey,
  );
  const events = rowsByParentLoader(
    (ids) =>
      prisma.referralEvent.findMany({ where: { referralId: { in: ids } }, orderBy: [{ at: 'asc' }, { id: 'asc' }] }),
    (e) => e.referralId,
  );

  return {
    /** A child's referrals located in the person's territory, newest first. */
    ofChild: async (child: ChildParent, access: Pick<Access, 'covers'>) =>
      inTerritory(await ofChild.load(child.key), access, 'Referral'),
    events: (referral: Pick<Referral, 'id'>) => events.load(referral.id),
    /** The smallest unit a referral is located in. */
    unitOf: (referral: Referral) => units.get(referralUnitKey(referral)),

    /** A referral by id: one outside the person's territory is refused outright (its fields would be too); null when there is none. */
    async find(id: string, scope: ScopeGuard) {
      const referral = isUuid(id) ? await prisma.referral.findUnique({ where: { id } }) : null;
      if (referral) scope.assertCovers(locationOf(referral, 'Referral'), 'id');
      return referral;
    },

    /** Referrals located in a unit (any level), newest first, optionally of one status, a page at a time. */
    inUnit(
      unit: Pick<AdministrativeUnit, 'code' | 'validFrom' | 'level'>,
      options: { status?: ReferralStatus | null; first?: number | null; after?: string | null },
    ) {
      const at: Prisma.ReferralWhereInput =
        unit.level === 'COMMUNE'
          ? { communeCode: unit.code, communeValidFrom: unit.validFrom }
          : unit.level === 'DISTRICT'
            ? { districtCode: unit.code, districtValidFrom: unit.validFrom }
            : { provinceCode: unit.code, provinceValidFrom: unit.validFrom };
      const where: Prisma.ReferralWhereInput = { ...at, ...(options.status ? { status: options.status } : {}) };
      // Newest first; the cursor is "<created_at ISO>|<id>".
      return keysetPage({
        first: options.first,
        after: options.after,
        defaultSize: 50,
        fetch: (cursor, take) => {
          let after: Prisma.ReferralWhereInput = {};
          if (cursor) {
            const [at_, id] = cursor.split('|');
            const createdAt = new Date(at_ ?? '');
            if (Number.isNaN(createdAt.getTime()) || !id || !isUuid(id))
              throw badInput('Con trỏ phân trang (after) không hợp lệ.', { field: 'after', reason: 'INVALID_CURSOR' });
            after = { OR: [{ createdAt: { lt: createdAt } }, { createdAt, id: { lt: id } }] };
          }
          return prisma.referral.findMany({
            where: { AND: [where, after] },
            orderBy: [{ createdAt: 'desc' }, { id: 'desc' }],
            take,
          });
        },
        count: () => prisma.referral.count({ where }),
        sortKey: (r) => `${r.createdAt.toISOString()}|${r.id}`,
      });
    },

    /**
     * Sends a referral (of a child in the person's territory, from the person's own sector): the referral
     * and its first event (SENT), in one transaction.
     */
    async send(input: SendReferralInput, options: WriteOptions & { caller: ReferralCaller }) {
      assertActsForSector(options.caller, input.fromSector, 'input.fromSector');
      const today = options.today ?? todayInVietnam();
      const { problems, value } = checkSendReferral(input, today);
      if (!value) rejectInput('Yêu cầu chuyển tuyến', 'INVALID_REFERRAL', problems);
      options.scope.assertCovers(
        { code: value.location.unitCode, validFrom: value.location.unitValidFrom },
        'input.unitCode',
      );
      return prisma.$transaction(async (tx) => {
        const referral = await tx.referral.create({
          data: {
            childKey: childKeyOf(input.personalId, childKeySecret),
            fromSector: input.fromSector,
            fromService: input.fromService.trim(),
            toSector: input.toSector,
            toService: input.toService.trim(),
            reason: input.reason.trim(),
            sentOn: today,
            ...locationColumns(value.location),
            sentBy: options.actor,
          },
        });
        await tx.referralEvent.create({
          data: { referralId: referral.id, status: 'SENT', by: options.actor, reason: null },
        });
        return referral;
      });
    },

    /**
     * Moves a referral on (accept, decline, delivered or not): checks the reason, then in one transaction
     * changes the status only if it is still the one read (`UPDATE ... WHERE status = expected`) and adds
     * the event. A refused or lost transition is a CONFLICT and writes nothing; so is a referral located
     * outside the person's territory or addressed to another sector (FORBIDDEN), checked on the row read in
     * the transaction.
     */
    async transition(input: {
      id: string;
      action: ReferralAction;
      reason?: string | null | undefined;
      actor: string;
      scope: ScopeGuard;
      caller: ReferralCaller;
    }) {
      const problems = checkReason(input.reason, REASON_REQUIRED.has(input.action));
      if (problems.length) rejectInput('Yêu cầu', 'INVALID_REFERRAL_TRANSITION', problems, '');
      if (!isUuid(input.id))
        throw notFound('Không có yêu cầu chuyển tuyến này.', { field: 'id', reason: 'REFERRAL_NOT_FOUND' });
      return prisma.$transaction(async (tx) => {
        const referral = await tx.referral.findUnique({ where: { id: input.id } });
        if (!referral)
          throw notFound('Không có yêu cầu chuyển tuyến này.', { field: 'id', reason: 'REFERRAL_NOT_FOUND' });
        input.scope.assertCovers(locationOf(referral, 'Referral'), 'id');
        // Only the receiving sector answers a referral.
        assertActsForSector(input.caller, referral.toSector, 'id');
        const step = referralTransition(referral.status, input.action);
        if (!step.ok)
          throw conflict(step.message, {
            field: 'id',
            reason: 'REFERRAL_TRANSITION_NOT_ALLOWED',
            status: referral.status,
          });
        const { count } = await tx.referral.updateMany({
          where: { id: input.id, status: step.from },
          data: { status: step.to },
        });
        if (count === 0) {
          throw conflict('Yêu cầu chuyển tuyến vừa được người khác cập nhật; hãy tải lại.', {
            field: 'id',
            reason: 'REFERRAL_TRANSITION_NOT_ALLOWED',
          });
        }
        await tx.referralEvent.create({
          data: { referralId: input.id, status: step.to, by: input.actor, reason: input.reason?.trim() || null },
        });
        return { ...referral, status: step.to };
      });
    },
  };
}

export type ReferralData = ReturnType<typeof referralData>;
