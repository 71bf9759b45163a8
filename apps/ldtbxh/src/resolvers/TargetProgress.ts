import { figureKeyOf, unitKeyFromReference } from '@ecd/database';
import type { TargetProgressResolvers } from '../generated/graphql.js';
import type { Context } from '../context.js';
import { assessProgress, indicatorValue } from '../domain/progress.js';
import type { TargetProgressParent } from '../progress/target-progress.js';

const unitOf = (progress: TargetProgressParent) => unitKeyFromReference({ code: progress.unitCode, validFrom: progress.unitValidFrom });

/** The figure of the sector that owns the indicator: its own for LĐTBXH, education's and health's from the gateway. */
async function figureOf(progress: TargetProgressParent, { loaders }: Context) {
  const indicator = (await loaders.indicator.load(progress.indicatorCode))!;
  switch (indicator.sector) {
    case 'SOCIAL_AFFAIRS':
      return loaders.indicatorValue.load(figureKeyOf(progress));
    case 'EDUCATION':
      return progress.education ?? null;
    case 'HEALTH':
      return progress.health ?? null;
    default:
      return null; // culture owns no indicator yet; its field joins the @requires when it does
  }
}

async function assessed(progress: TargetProgressParent, context: Context) {
  const [indicator, milestones, figure] = await Promise.all([
    context.loaders.indicator.load(progress.indicatorCode),
    context.loaders.milestones.load(progress.targetId),
    figureOf(progress, context),
  ]);
  const value = indicatorValue(figure, indicator!.kind, indicator!.factor.toNumber());
  const plain = milestones.map((m) => ({ year: m.year, comparator: m.comparator, value: m.value.toNumber() }));
  return { figure, value, ...assessProgress(value, plain, progress.year), milestones };
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
};
