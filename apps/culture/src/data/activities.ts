import {
  isProblem,
  isUuid,
  locateCommuneOn,
  MAX_NAME_LENGTH,
  pastDayProblems,
  problem,
  rejectInput,
  textProblems,
  todayInVietnam,
  toIsoDate,
  type CommuneLocation,
  type InputProblem,
  type ScopeGuard,
} from '@ecd/service-kit';

import { unitListStart } from '../domain/location.js';
import { childCountProblems } from '../domain/rules.js';
import type { ChildActivityInput } from '../generated/graphql.js';
import type { CulturalFacility, PrismaClient } from '../generated/prisma/client.js';

const facilityLocation = (f: CulturalFacility): CommuneLocation => ({
  communeCode: f.communeCode,
  communeValidFrom: f.communeValidFrom,
  districtCode: f.districtCode,
  districtValidFrom: f.districtValidFrom,
  provinceCode: f.provinceCode,
  provinceValidFrom: f.provinceValidFrom,
});

/**
 * Where the activity was held: the commune given (as valid on `heldOn`), else the facility's commune when
 * the facility is registered in the units of that day. A facility and a commune given together must agree.
 */
function activityLocation(
  input: ChildActivityInput,
  facility: CulturalFacility | null,
): CommuneLocation | InputProblem {
  const heldOn = toIsoDate(input.heldOn);
  if (input.communeCode != null) {
    const location = locateCommuneOn('communeCode', input.communeCode, input.heldOn, { beforeOldestList: 'refuse' });
    if (isProblem(location) || !facility) return location;
    const sameList = location.communeValidFrom.getTime() === facility.communeValidFrom.getTime();
    if (sameList && location.communeCode !== facility.communeCode) {
      return problem(
        'communeCode',
        'FACILITY_IN_OTHER_COMMUNE',
        `Thiết chế "${facility.name}" thuộc xã mã ${facility.communeCode}, không phải ${input.communeCode}.`,
      );
    }
    return location;
  }
  if (!facility)
    return problem('communeCode', 'LOCATION_REQUIRED', 'Cần nhập mã xã/phường hoặc thiết chế nơi tổ chức hoạt động.');
  if (unitListStart(input.heldOn) !== toIsoDate(facility.communeValidFrom)) {
    return problem(
      'communeCode',
      'COMMUNE_REQUIRED_FOR_DATE',
      `Thiết chế được đăng ký theo danh mục đơn vị hành chính từ ${toIsoDate(facility.communeValidFrom)}, không áp dụng cho ngày ${heldOn}; hãy nhập mã xã/phường của ngày đó.`,
    );
  }
  return facilityLocation(facility);
}

/** Activities for children held at a facility or in a commune. */
export function activityData(prisma: PrismaClient) {
  return {
    /**
     * Checks the whole input, then records the activity in the commune where it was held. The facility and
     * the commune must lie in the person's territory (`scope`).
     */
    async record(input: ChildActivityInput, recordedBy: string, scope: ScopeGuard, today = todayInVietnam()) {
      const problems: InputProblem[] = [
        ...textProblems('title', input.title, 'Tên hoạt động', MAX_NAME_LENGTH),
        ...pastDayProblems('heldOn', input.heldOn, today, 'Ngày tổ chức'),
        ...childCountProblems(input),
      ];
      let facility: CulturalFacility | null = null;
      if (input.facilityId != null) {
        facility = isUuid(input.facilityId)
          ? await prisma.culturalFacility.findUnique({ where: { id: input.facilityId } })
          : null;
        if (facility)
          scope.assertCovers({ code: facility.communeCode, validFrom: facility.communeValidFrom }, 'input.facilityId');
        if (!facility)
          problems.push(problem('facilityId', 'UNKNOWN_FACILITY', 'Không có thiết chế văn hóa, thể thao này.'));
        else if (facility.openedOn && facility.openedOn.getTime() > input.heldOn.getTime()) {
          problems.push(
            problem(
              'heldOn',
              'BEFORE_FACILITY_OPENED',
              `Ngày tổ chức (${toIsoDate(input.heldOn)}) trước ngày thiết chế đưa vào sử dụng (${toIsoDate(facility.openedOn)}).`,
            ),
          );
        }
      }
      // Without the facility that was asked for, its location cannot be checked; the unknown facility is the problem.
      const location =
        input.facilityId != null && !facility && input.communeCode == null ? null : activityLocation(input, facility);
      if (location && isProblem(location)) problems.push(location);
      else if (location)
        scope.assertCovers({ code: location.communeCode, validFrom: location.communeValidFrom }, 'input.communeCode');
      if (problems.length || !location || isProblem(location))
        rejectInput('Hoạt động cho trẻ em', 'INVALID_CHILD_ACTIVITY', problems);
      return prisma.childActivity.create({
        data: {
          kind: input.kind,
          title: input.title.trim(),
          heldOn: input.heldOn,
          facilityId: facility?.id ?? null,
          childrenCount: input.childrenCount,
          aged0To2: input.aged0To2 ?? null,
          aged3To5: input.aged3To5 ?? null,
          aged6To8: input.aged6To8 ?? null,
          ...location,
          recordedBy,
        },
      });
    },
  };
}
