import {
  createIndicatorValueLoader,
  figureKeyOf,
  recordIndicatorValue,
  type IndicatorValueInput,
  type SectorValue,
  type SexFigure,
} from '@ecd/database';
import { notFound, toIsoDate, unitKeyFromReference, type ScopeGuard } from '@ecd/service-kit';

import { assessProgress, indicatorValue } from '../domain/progress.js';
import type {
  AdministrativeUnit,
  Plan,
  PlanTarget,
  PrismaClient,
  TargetMilestone,
} from '../generated/prisma/client.js';
import { SOCIAL_AFFAIRS_COMPUTED } from './computed-indicators.js';
import type { PlanData } from './plans.js';
import type { RegistryData } from './registry.js';
import type { UnitData } from './units.js';

/** A target's progress in a unit and year, as the entity key carries it (and, on the way back, education's and health's figures). */
export interface TargetProgressParent {
  targetId: string;
  indicatorCode: string;
  unitCode: string;
  unitValidFrom: string | Date;
  year: number;
  education?: SectorValue | null;
  health?: SectorValue | null;
  educationBySex?: SexFigure[] | null;
  healthBySex?: SexFigure[] | null;
}

type NumericTarget = Pick<PlanTarget, 'id'> & { indicatorCode: string };

const isNumeric = <T extends Pick<PlanTarget, 'id' | 'indicatorCode'>>(target: T): target is T & NumericTarget =>
  target.indicatorCode !== null;

const progressOf = (target: NumericTarget, unit: AdministrativeUnit, year: number): TargetProgressParent => ({
  targetId: target.id,
  indicatorCode: target.indicatorCode,
  unitCode: unit.code,
  unitValidFrom: toIsoDate(unit.validFrom),
  year,
});

/**
 * What the gateway brought from the sector that owns the indicator (its @requires fields): the figure
 * and its split by sex. Culture owns no indicator yet; its fields join the @requires when it does.
 */
const FROM_OTHER_SECTORS: Partial<
  Record<string, (progress: TargetProgressParent) => { figure?: SectorValue | null; bySex?: SexFigure[] | null }>
> = {
  EDUCATION: (progress) => ({ figure: progress.education, bySex: progress.educationBySex }),
  HEALTH: (progress) => ({ figure: progress.health, bySex: progress.healthBySex }),
};

const SEX_LABELS = { MALE: 'Nam', FEMALE: 'Nữ' } as const;

/** A figure assessed against the target's milestones: its value, the milestone held against, the gap and the status. */
export interface Assessment {
  value: number | null;
  milestone: TargetMilestone | null;
  gap: number | null;
  status: ReturnType<typeof assessProgress>['status'];
}

/**
 * Progress towards the plans' numeric targets: LĐTBXH's own figures (reported in aggregate, or computed
 * from its records: every figure of a request in one statement), the other sectors' from the gateway,
 * each assessed against the target's milestones.
 */
export function progressData(
  prisma: PrismaClient,
  { registry, plans, units }: { registry: RegistryData; plans: PlanData; units: UnitData },
) {
  const indicatorValues = createIndicatorValueLoader(prisma, SOCIAL_AFFAIRS_COMPUTED);

  /** The figure of the sector that owns the indicator: its own for LĐTBXH, education's and health's from the gateway. */
  async function figure(progress: TargetProgressParent): Promise<SectorValue | null> {
    const indicator = await registry.indicator(progress.indicatorCode);
    if (indicator.sector === 'SOCIAL_AFFAIRS') return indicatorValues.load(figureKeyOf(progress));
    return FROM_OTHER_SECTORS[indicator.sector]?.(progress).figure ?? null;
  }

  /** Assesses a figure of this target (the whole, or one group of it) against the target's milestones. */
  async function assess(
    progress: TargetProgressParent,
    of: { numerator: number; denominator: number | null } | null,
  ): Promise<Assessment> {
    const [indicator, milestones] = await Promise.all([
      registry.indicator(progress.indicatorCode),
      plans.milestones({ id: progress.targetId }),
    ]);
    const value = indicatorValue(of, indicator.kind, indicator.factor.toNumber());
    const plain = milestones.map((m) => ({ year: m.year, comparator: m.comparator, value: m.value.toNumber() }));
    const { milestone, gap, status } = assessProgress(value, plain, progress.year);
    const row = milestones.find((m) => m.year === milestone?.year && m.comparator === milestone.comparator) ?? null;
    return { value, milestone: row, gap, status };
  }

  return {
    /** LĐTBXH's figures by indicator, unit and year, batched per request (reported and computed side by side). */
    indicatorValue: indicatorValues,
    /** LĐTBXH's own figure for this progress, whatever sector owns the indicator. */
    socialAffairs: (progress: TargetProgressParent) => indicatorValues.load(figureKeyOf(progress)),
    figure,
    /** The figure assessed against the target's milestones. */
    assessed: async (progress: TargetProgressParent) => assess(progress, await figure(progress)),
    /** The owning sector's figure split by sex, where it computes one (education and health), each group assessed. */
    async bySex(progress: TargetProgressParent) {
      const indicator = await registry.indicator(progress.indicatorCode);
      const groups = FROM_OTHER_SECTORS[indicator.sector]?.(progress).bySex;
      if (!groups) return null;
      return Promise.all(
        groups.map(async (group) => {
          const { value, gap, status } = await assess(progress, group);
          return { ...group, label: SEX_LABELS[group.sex], value, gap, status };
        }),
      );
    },
    /** The unit a progress is read in. */
    unit: (progress: TargetProgressParent) =>
      units.get(unitKeyFromReference({ code: progress.unitCode, validFrom: progress.unitValidFrom })),
    /** Every numeric target of a plan in a unit (the plan's by default) and, when asked, in each of its communes. */
    async ofPlan(
      plan: Plan,
      options: { year: number; unitCode: string | null | undefined; byCommune: boolean },
    ): Promise<TargetProgressParent[]> {
      const code = options.unitCode ?? plan.scopeUnitCode;
      if (!code)
        throw notFound('Đề án quốc gia không gắn với đơn vị hành chính: hãy chọn một đơn vị.', {
          field: 'unitCode',
          reason: 'UNIT_REQUIRED',
        });
      const unit = await units.atYearEnd(code, options.year);
      const [communes, targets] = await Promise.all([
        options.byCommune ? units.communesBelow(unit) : [],
        plans.targets(plan),
      ]);
      return targets
        .filter(isNumeric)
        .flatMap((target) => [unit, ...communes].map((u) => progressOf(target, u, options.year)));
    },
    /** A numeric target's progress in the unit that had this code at the end of the year (null for a qualitative target). */
    async ofTarget(target: PlanTarget, unitCode: string, year: number): Promise<TargetProgressParent | null> {
      if (!isNumeric(target)) return null;
      return progressOf(target, await units.atYearEnd(unitCode, year), year);
    },
    /** Records a figure LĐTBXH reports in aggregate (not one it computes), in the person's territory. */
    async record(input: IndicatorValueInput, options: { actor: string; scope: ScopeGuard }) {
      const { id } = await recordIndicatorValue(prisma, input, {
        ownedIndicators: await registry.ownedIndicatorCodes('SOCIAL_AFFAIRS'),
        computed: SOCIAL_AFFAIRS_COMPUTED,
        actor: options.actor,
        scope: options.scope,
      });
      return { id, ...input, denominator: input.denominator ?? null };
    },
  };
}

export type ProgressData = ReturnType<typeof progressData>;
