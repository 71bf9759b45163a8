import { figureKeyOf, unitKeyFromReference, type SectorValue, type SexFigure } from '@ecd/database';
import type { TargetProgressResolvers } from '../generated/graphql.js';
import type { Context } from '../context.js';
import { assessProgress, indicatorValue } from '../domain/progress.js';
import type { TargetProgressParent } from '../progress/target-progress.js';

const unitOf = (progress: TargetProgressParent) => unitKeyFromReference({ code: progress.unitCode, validFrom: progress.unitValidFrom });

/**
 * What the gateway brought from the sector that owns the indicator (its @requires fields): the figure
 * and its split by sex. Culture owns no indicator yet; its fields join the @requires when it does.
 */
const FROM_OTHER_SECTORS: Partial<Record<string, (progress: TargetProgressParent) => { figure?: SectorValue | null; bySex?: SexFigure[] | null }>> = {
  EDUCATION: (progress) => ({ figure: progress.education, bySex: progress.educationBySex }),
  HEALTH: (progress) => ({ figure: progress.health, bySex: progress.healthBySex }),
};

/** The figure of the sector that owns the indicator: its own for LĐTBXH, education's and health's from the gateway. */
async function figureOf(progress: TargetProgressParent, { loaders }: Context) {
  const indicator = (await loaders.indicator.load(progress.indicatorCode))!;
  if (indicator.sector === 'SOCIAL_AFFAIRS') return loaders.indicatorValue.load(figureKeyOf(progress));
  return FROM_OTHER_SECTORS[indicator.sector]?.(progress).figure ?? null;
}

/** Assesses a figure of this target (the whole, or one group of it) against the target's milestones. */
async function assess(progress: TargetProgressParent, figure: { numerator: number; denominator: number | null } | null, { loaders }: Context) {
  const [indicator, milestones] = await Promise.all([loaders.indicator.load(progress.indicatorCode), loaders.milestones.load(progress.targetId)]);
  const value = indicatorValue(figure, indicator!.kind, indicator!.factor.toNumber());
  const plain = milestones.map((m) => ({ year: m.year, comparator: m.comparator, value: m.value.toNumber() }));
  return { value, ...assessProgress(value, plain, progress.year), milestones };
}

const assessed = async (progress: TargetProgressParent, context: Context) => assess(progress, await figureOf(progress, context), context);

const SEX_LABELS = { MALE: 'Nam', FEMALE: 'Nữ' } as const;

/** The owning sector's figure split by sex, where it computes one (education and health), each group assessed. */
async function bySex(progress: TargetProgressParent, context: Context) {
  const indicator = (await context.loaders.indicator.load(progress.indicatorCode))!;
  const groups = FROM_OTHER_SECTORS[indicator.sector]?.(progress).bySex;
  if (!groups) return null;
  return Promise.all(
    groups.map(async (group) => {
      const { value, gap, status } = await assess(progress, group, context);
      return { ...group, label: SEX_LABELS[group.sex], value, gap, status };
    }),
  );
}

export const TargetProgress: TargetProgressResolvers = {
  __resolveReference: (reference) => reference,
  target: async (progress, _args, { loaders }) => (await loaders.target.load(progress.targetId))!,
  indicator: async (progress, _args, { loaders }) => (await loaders.indicator.load(progress.indicatorCode))!,
  unit: async (progress, _args, { loaders }) => (await loaders.unit.load(unitOf(progress)))!,
  socialAffairs: (progress, _args, { loaders }) => loaders.indicatorValue.load(figureKeyOf(progress)),
  figure: (progress, _args, context) => figureOf(progress, context),
  value: async (progress, _args, context) => (await assessed(progress, context)).value,
  async milestone(progress, _args, context) {
    const { milestone, milestones } = await assessed(progress, context);
    return milestones.find((m) => m.year === milestone?.year && m.comparator === milestone.comparator) ?? null;
  },
  gap: async (progress, _args, context) => (await assessed(progress, context)).gap,
  status: async (progress, _args, context) => (await assessed(progress, context)).status,
  bySex: (progress, _args, context) => bySex(progress, context),
};
