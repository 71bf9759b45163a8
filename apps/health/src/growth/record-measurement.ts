import { badInput, fromIsoDate, isUuid, todayInVietnam, toIsoDate, type ScopeGuard } from '@ecd/service-kit';
import { UNIT_LISTS, locateCommune, type LocationColumns } from '@ecd/reference-data';
import type { PrismaClient } from '../generated/prisma/client.js';
import { growthScores, measurementProblems, type InputProblem, type MeasurementValues } from '../domain/growth-measurement.js';
import { afterMeasurementRecorded } from '../records/tallies.js';

export interface GrowthMeasurementInput extends Omit<MeasurementValues, 'oedema'> {
  childRecordId?: string | null | undefined;
  oedema?: boolean | null | undefined;
  communeCode: string;
}

const FIRST_UNIT_LIST_DAY = UNIT_LISTS[0]!.validFrom;

/** The commune valid on the measurement day and its province, as the located tables store them. */
function locate(communeCode: string, measuredOn: Date): LocationColumns | InputProblem {
  const day = toIsoDate(measuredOn);
  // Before the oldest official list no unit can be identified (and `locateCommune` would throw).
  const location = day >= FIRST_UNIT_LIST_DAY ? locateCommune(communeCode, day) : undefined;
  if (!location) {
    return { field: 'communeCode', reason: 'UNKNOWN_COMMUNE_CODE', message: `Không có xã/phường mã "${communeCode}" vào ngày đo ${day}.` };
  }
  return {
    communeCode: location.communeCode,
    communeValidFrom: fromIsoDate(location.communeValidFrom),
    provinceCode: location.provinceCode,
    provinceValidFrom: fromIsoDate(location.provinceValidFrom),
  };
}

/**
 * A linked child record must exist and be the same child: the z-scores depend on its sex and birth date.
 * It must be registered in the person's territory (refused before its sex and birth date are compared).
 */
async function childRecordProblems(prisma: PrismaClient, input: GrowthMeasurementInput, scope: ScopeGuard): Promise<InputProblem[]> {
  if (input.childRecordId == null) return [];
  const child = isUuid(input.childRecordId) ? await prisma.childRecord.findUnique({ where: { id: input.childRecordId } }) : null;
  if (child) scope.assertCovers({ code: child.communeCode, validFrom: child.communeValidFrom }, 'input.childRecordId');
  if (!child) return [{ field: 'childRecordId', reason: 'UNKNOWN_CHILD_RECORD', message: 'Không có trẻ này trong sổ quản lý trẻ em.' }];
  const problems: InputProblem[] = [];
  if (child.sex !== input.sex) {
    problems.push({ field: 'sex', reason: 'CHILD_RECORD_MISMATCH', message: 'Giới tính khác với sổ quản lý trẻ em.' });
  }
  if (child.birthDate.getTime() !== input.birthDate.getTime()) {
    problems.push({ field: 'birthDate', reason: 'CHILD_RECORD_MISMATCH', message: 'Ngày sinh khác với sổ quản lý trẻ em.' });
  }
  return problems;
}

/**
 * Checks the whole input, then stores the measurement with its z-scores and statuses. All problems are
 * reported at once; nothing is written if there is one. The commune of the measurement and the linked
 * child's must lie in the person's territory.
 */
export async function recordGrowthMeasurement(prisma: PrismaClient, input: GrowthMeasurementInput, recordedBy: string, scope: ScopeGuard) {
  const values: MeasurementValues = { ...input, oedema: input.oedema ?? false };
  const location = locate(input.communeCode, input.measuredOn);
  if (!('reason' in location)) scope.assertCovers({ code: location.communeCode, validFrom: location.communeValidFrom }, 'input.communeCode');
  const problems = [
    ...measurementProblems(values, todayInVietnam()),
    ...('reason' in location ? [location] : []),
    ...(await childRecordProblems(prisma, input, scope)),
  ];
  // A location that is a problem is in `problems`; testing it again tells TypeScript the rest is a location.
  if (problems.length || 'reason' in location) {
    throw badInput(`Số đo có ${problems.length} lỗi; không có dữ liệu nào được ghi.`, {
      field: 'input',
      reason: 'INVALID_GROWTH_MEASUREMENT',
      problems: problems.map((p) => ({ ...p, field: `input.${p.field}` })),
    });
  }
  return prisma.$transaction(async (tx) => {
    const measurement = await tx.growthMeasurement.create({
      data: {
        childRecordId: input.childRecordId ?? null,
        sex: values.sex,
        birthDate: values.birthDate,
        measuredOn: values.measuredOn,
        weightKg: values.weightKg,
        lengthHeightCm: values.lengthHeightCm,
        measured: values.measured,
        oedema: values.oedema,
        ...growthScores(values),
        ...location,
        recordedBy,
      },
    });
    await afterMeasurementRecorded(tx, measurement.id);
    return measurement;
  });
}
