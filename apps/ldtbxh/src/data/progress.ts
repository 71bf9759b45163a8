import {
  communeFigures,
  createIndicatorValueLoader,
  earlierFigures,
  figureKeyOf,
  fromColumns,
  fromSexColumns,
  recordIndicatorValue,
  type CommuneFigureColumns,
  type CommuneFigureRow,
  type CommuneSexFigureColumns,
  type IndicatorValueInput,
  type SectorValue,
  type SexFigure,
  type SharedData,
  type YearFigure,
} from '@ecd/database';
import { liesWithin, REFORM_DATE, territoryCommunes, territoryCover, type UnitRef } from '@ecd/reference-data';
import { badInput, fromIsoDate, notFound, toIsoDate, unitKeyFromReference, type ScopeGuard } from '@ecd/service-kit';

import {
  assessAgainst,
  baselineOf,
  gapLabel,
  indicatorValue,
  markOf,
  type Baseline,
  type Direction,
  type Assessment as Measured,
  type ProgressStatus,
} from '../domain/progress.js';
import { assertUnitCode } from '../domain/unit-code.js';
import type {
  AdministrativeUnit,
  Plan,
  PlanTarget,
  PrismaClient,
  TargetMilestone,
} from '../generated/prisma/client.js';
import { REBUILT_DISTRICT_INDICATORS, SOCIAL_AFFAIRS_COMPUTED } from './computed-indicators.js';
import type { PlanData } from './plans.js';
import type { RegistryData } from './registry.js';
import type { UnitData } from './units.js';

/** The first year whose end lies after the 2025 reform. */
const REFORM_YEAR = 2025;

/**
 * A target's progress in a unit and year (with its communes when `byCommune`), as the entity key
 * carries it, and on the way back education's and health's figures.
 */
export interface TargetProgressParent {
  targetId: string;
  indicatorCode: string;
  unitCode: string;
  unitValidFrom: string | Date;
  year: number;
  byCommune?: boolean | null;
  education?: SectorValue | null;
  health?: SectorValue | null;
  educationBySex?: SexFigure[] | null;
  healthBySex?: SexFigure[] | null;
  educationEarlier?: YearFigure[] | null;
  healthEarlier?: YearFigure[] | null;
  educationCommunes?: CommuneFigureColumns | null;
  healthCommunes?: CommuneFigureColumns | null;
  educationCommunesBySex?: CommuneSexFigureColumns | null;
  healthCommunesBySex?: CommuneSexFigureColumns | null;
}

type NumericTarget = Pick<PlanTarget, 'id'> & { indicatorCode: string };

const isNumeric = <T extends Pick<PlanTarget, 'id' | 'indicatorCode'>>(target: T): target is T & NumericTarget =>
  target.indicatorCode !== null;

const progressOf = (target: NumericTarget, unit: UnitRef, year: number, byCommune: boolean): TargetProgressParent => ({
  targetId: target.id,
  indicatorCode: target.indicatorCode,
  unitCode: unit.code,
  unitValidFrom: unit.validFrom,
  year,
  byCommune,
});

const refOf = (unit: Pick<AdministrativeUnit, 'code' | 'validFrom'>): UnitRef => ({
  code: unit.code,
  validFrom: toIsoDate(unit.validFrom),
});

interface FromSector {
  figure?: SectorValue | null;
  bySex?: SexFigure[] | null;
  earlier?: YearFigure[] | null;
  communes?: CommuneFigureColumns | null;
  communesBySex?: CommuneSexFigureColumns | null;
}

/**
 * What the gateway brought from the sector that owns the indicator (its @requires fields): the figure,
 * its split by sex, the earlier years' and the communes'. Culture owns no indicator yet; its fields join
 * the @requires when it does.
 */
const FROM_OTHER_SECTORS: Partial<Record<string, (progress: TargetProgressParent) => FromSector>> = {
  EDUCATION: (progress) => ({
    figure: progress.education,
    bySex: progress.educationBySex,
    earlier: progress.educationEarlier,
    communes: progress.educationCommunes,
    communesBySex: progress.educationCommunesBySex,
  }),
  HEALTH: (progress) => ({
    figure: progress.health,
    bySex: progress.healthBySex,
    earlier: progress.healthEarlier,
    communes: progress.healthCommunes,
    communesBySex: progress.healthCommunesBySex,
  }),
};

const SEX_LABELS = { MALE: 'Nam', FEMALE: 'Nữ' } as const;

/**
 * A gap as `gapLabel` words it, worded only when asked: formatting the gap of every commune and group of a
 * province (4,500 split by sex) whether or not anyone asked for its words was 1.8 % of LĐTBXH's CPU.
 */
export interface GapWording {
  measured: Pick<Measured, 'gap' | 'met' | 'milestone'>;
  direction: Direction;
  unit: 'PERCENT' | 'COUNT';
}

/** A figure assessed against the target's milestones: its value, the milestone held against, the gap, the trajectory and the status. */
export interface Assessment {
  value: number | null;
  milestone: TargetMilestone | null;
  gap: number | null;
  gapWording: GapWording;
  shortfall: number | null;
  baseline: Baseline | null;
  expected: number | null;
  status: ProgressStatus;
}

/** A target in one commune of its progress's unit. */
export interface UnitProgressParent extends Omit<Assessment, 'status'> {
  status: Assessment['status'] | null;
  unitCode: string;
  unitValidFrom: string;
  unit: AdministrativeUnit;
  figure: SectorValue | null;
  /** The target's progress in the whole unit, which this commune is part of. */
  of: TargetProgressParent;
}

/** A target in one commune split by sex. */
export interface UnitSexProgressParent {
  unitCode: string;
  unitValidFrom: string;
  unit: AdministrativeUnit;
  bySex: SexProgressParent[] | null;
}

/** One group of a figure split by sex, assessed. */
export type SexProgressParent = SexFigure &
  Pick<Assessment, 'value' | 'gap' | 'gapWording' | 'status'> & { label: string };

/** Where a progress was computed: the unit, the units of both lists making its ground, and how exact that is. */
export interface ProgressTerritory {
  unit: UnitRef;
  units: UnitRef[];
  approximate: boolean;
  partlyInside: UnitRef[];
  note: string | null;
}

/** Where a figure of an indicator in a unit and year was computed: the unit's ground across the reform, and the approximations. */
function territoryOf(indicatorCode: string, unit: UnitRef, year: number): ProgressTerritory {
  const cover = territoryCover(unit, year);
  const rebuilt = REBUILT_DISTRICT_INDICATORS.has(indicatorCode) && year >= REFORM_YEAR;
  const notes = [
    ...(cover?.approximate
      ? [
          unit.validFrom === REFORM_DATE
            ? 'Gần đúng: cuộc sắp xếp năm 2025 chia tách hoặc sáp nhập xã qua ranh giới; mỗi xã trước sắp xếp được tính trọn cho đơn vị hiện nay nhận nhiều phần của nó nhất (nguồn không cho tỷ lệ chia tách).'
            : 'Gần đúng: từ 01/07/2025 các xã hiện nay có một phần nằm trong địa bàn cũ được tính trọn (nguồn không cho tỷ lệ chia tách), xem danh sách đơn vị nằm một phần trong địa bàn.',
        ]
      : []),
    ...(rebuilt
      ? [
          'Gần đúng: từ 01/07/2025 không còn cấp huyện; các huyện cũ được dựng lại từ các xã hiện nay, mỗi xã thuộc huyện cũ có nhiều xã trước sắp xếp của nó nhất; một huyện có mạng lưới khi quá nửa số xã của nó có.',
        ]
      : []),
  ];
  return {
    unit,
    units: cover?.units.map(({ code, validFrom }) => ({ code, validFrom })) ?? [unit],
    approximate: notes.length > 0,
    partlyInside: cover?.partlyInside ?? [],
    note: notes.length ? notes.join(' ') : null,
  };
}

/** `load` of a progress done once: its fields are resolved from one parent object, which keys the result. */
function oncePerProgress<T>(load: (progress: TargetProgressParent) => T): (progress: TargetProgressParent) => T {
  const done = new WeakMap<TargetProgressParent, T>();
  return (progress) => {
    if (!done.has(progress)) done.set(progress, load(progress));
    return done.get(progress) as T;
  };
}

/**
 * Progress towards the plans' numeric targets: LĐTBXH's own figures (reported in aggregate, or computed
 * from its records: every figure of a request in one statement), the other sectors' from the gateway,
 * each assessed against the target's milestones.
 */
export function progressData(
  prisma: PrismaClient,
  {
    registry,
    plans,
    units,
    figureCache,
    figureReader,
  }: Pick<SharedData, 'figureCache' | 'figureReader'> & { registry: RegistryData; plans: PlanData; units: UnitData },
) {
  const indicatorValues = createIndicatorValueLoader(figureReader, SOCIAL_AFFAIRS_COMPUTED, { cache: figureCache });

  function loadOwnFigures(progress: TargetProgressParent) {
    const loads = {
      year: indicatorValues.load(figureKeyOf(progress)),
      earlier: earlierFigures(indicatorValues, progress),
      communes: communeFigures(indicatorValues, progress),
    };
    // Each is awaited only by the fields asked: one nobody awaits must not fail the process with the statement.
    for (const load of Object.values(loads)) load.catch(() => undefined);
    return loads;
  }
  /**
   * LĐTBXH's own figures of a progress, asked together so that they share one statement: the year's, the
   * earlier years' (its baseline, else asked a round trip later) and with `byCommune` each commune's.
   */
  const ownFigures = oncePerProgress(loadOwnFigures);

  /** The figure of the sector that owns the indicator: its own for LĐTBXH, education's and health's from the gateway. */
  async function figure(progress: TargetProgressParent): Promise<SectorValue | null> {
    const indicator = await registry.indicator(progress.indicatorCode);
    if (indicator.sector === 'SOCIAL_AFFAIRS') return ownFigures(progress).year;
    return FROM_OTHER_SECTORS[indicator.sector]?.(progress).figure ?? null;
  }

  /** The owning sector's figures of the earlier years (for the baseline). */
  async function earlier(progress: TargetProgressParent): Promise<YearFigure[]> {
    const indicator = await registry.indicator(progress.indicatorCode);
    if (indicator.sector === 'SOCIAL_AFFAIRS') return ownFigures(progress).earlier;
    return FROM_OTHER_SECTORS[indicator.sector]?.(progress).earlier ?? [];
  }

  /**
   * Whether the owning sector could not be asked: an owning sector always lists its earlier figures
   * (empty when it has none), and the gateway brings them null when the sector did not answer.
   */
  async function unanswered(progress: TargetProgressParent): Promise<boolean> {
    const indicator = await registry.indicator(progress.indicatorCode);
    if (indicator.sector === 'SOCIAL_AFFAIRS') return false;
    return FROM_OTHER_SECTORS[indicator.sector]?.(progress).earlier === null;
  }

  /** The baseline of this target for the progress's year, from the owning sector's earlier figures. */
  async function baseline(progress: TargetProgressParent): Promise<Baseline | null> {
    // Asked at once: the earlier figures need not wait for the target's read.
    const [target, figures, indicator] = await Promise.all([
      plans.target(progress.targetId),
      earlier(progress),
      registry.indicator(progress.indicatorCode),
    ]);
    const plan = await plans.get(target.planId);
    const factor = indicator.factor.toNumber();
    const values = figures.map((f) => ({ year: f.year, value: indicatorValue(f, indicator.kind, factor) }));
    const planBaseline =
      target.baselineYear !== null && target.baselineValue !== null
        ? { year: target.baselineYear, value: target.baselineValue.toNumber() }
        : null;
    return baselineOf(planBaseline, values, plan.periodStart, progress.year);
  }

  /**
   * What a figure of this target is held against: the indicator, the milestones and the baseline, found
   * once per progress (its communes and groups by sex share them).
   */
  async function loadYardstick(progress: TargetProgressParent) {
    const [indicator, milestones, start] = await Promise.all([
      registry.indicator(progress.indicatorCode),
      plans.milestones({ id: progress.targetId }),
      baseline(progress),
    ]);
    const factor = indicator.factor.toNumber();
    const plain = milestones.map((m) => ({ year: m.year, comparator: m.comparator, value: m.value.toNumber() }));
    const unit = indicator.kind === 'RATIO' && factor === 100 ? ('PERCENT' as const) : ('COUNT' as const);
    const mark = markOf({ milestones: plain, baseline: start }, progress.year);
    const held = mark.milestone;
    const milestone = milestones.find((m) => m.year === held?.year && m.comparator === held.comparator) ?? null;
    return { indicator, factor, mark, milestone, unit };
  }
  type Yardstick = Awaited<ReturnType<typeof loadYardstick>>;
  const yardstick = oncePerProgress(loadYardstick);

  /**
   * The progress's own figure assessed against the target's milestones and the trajectory of its unit.
   * The yardstick is asked beside the figure, not after it: the targets' and milestones' rows then come in
   * one round trip for every target of the request, while LĐTBXH's figure statement runs, instead of a
   * second round trip for LĐTBXH's own targets once their figures were in. Once per progress: its value,
   * gap, status and the other assessed fields all read it.
   */
  const assessed = oncePerProgress(async (progress: TargetProgressParent): Promise<Assessment> => {
    const [stick, of] = await Promise.all([yardstick(progress), figure(progress)]);
    return assessWith(stick, of);
  });

  /** Assesses a figure of a target (the whole, one group of it, or one of its communes) with its yardstick: the many figures of one progress without a promise each. */
  function assessWith(
    { indicator, factor, mark, milestone, unit }: Yardstick,
    of: { numerator: number; denominator: number | null } | null,
  ): Assessment {
    const value = indicatorValue(of, indicator.kind, factor);
    const assessment = assessAgainst(value, mark, indicator.direction);
    return {
      value,
      milestone,
      gap: assessment.gap,
      gapWording: { measured: assessment, direction: indicator.direction, unit },
      shortfall: assessment.shortfall,
      baseline: assessment.baseline,
      expected: assessment.expected,
      status: assessment.status,
    };
  }

  /** The groups by sex of one figure, each assessed against the progress's milestone and trajectory. */
  const assessGroupsWith = (stick: Yardstick, groups: SexFigure[]) =>
    groups.map((group) => {
      const { value, gap, gapWording, status } = assessWith(stick, group);
      // Field by field, as for the communes: a province's split has some 3,000 groups.
      const { sex, numerator, denominator } = group;
      return { sex, numerator, denominator, label: SEX_LABELS[sex], value, gap, gapWording, status };
    });

  /**
   * The owning sector's figures in each commune of a progress (with `byCommune`): LĐTBXH's own through
   * its loader, the others' as the gateway brought them, matched by unit.
   */
  async function communeFiguresOf<F>(
    progress: TargetProgressParent,
    own: () => Promise<CommuneFigureRow<F>[] | null>,
    brought: (from: FromSector) => CommuneFigureRow<F>[] | null | undefined,
  ): Promise<{ unit: UnitRef; figure: F | null }[] | null> {
    if (!progress.byCommune) return null;
    const unit = unitKeyFromReference({ code: progress.unitCode, validFrom: progress.unitValidFrom });
    const communes = territoryCommunes(unit, progress.year);
    const indicator = await registry.indicator(progress.indicatorCode);
    const figures =
      indicator.sector === 'SOCIAL_AFFAIRS'
        ? await own()
        : brought(FROM_OTHER_SECTORS[indicator.sector]?.(progress) ?? {});
    const byCode = new Map(figures?.map((f) => [f.unitCode, f.figure]));
    return communes.map((commune) => ({ unit: commune, figure: byCode.get(commune.code) ?? null }));
  }

  /**
   * The unit a plan's progress is asked for: the code's unit valid at the end of the year, else the
   * latest one before (an abolished unit: the plan follows its territory), preferring one that lies in
   * the plan's scope; a unit outside the scope is refused.
   */
  async function unitInScope(plan: Plan, code: string, year: number): Promise<UnitRef> {
    const scope =
      plan.scopeUnitCode && plan.scopeUnitValidFrom
        ? refOf({ code: plan.scopeUnitCode, validFrom: plan.scopeUnitValidFrom })
        : null;
    const yearEnd = fromIsoDate(`${year}-12-31`);
    const candidates = (await units.withCode(code))
      .filter((u) => u.validFrom <= yearEnd)
      .sort((a, b) => b.validFrom.getTime() - a.validFrom.getTime())
      .map(refOf);
    if (!candidates.length)
      throw notFound(`Không có đơn vị hành chính mã ${code} vào năm ${year} hoặc trước đó.`, {
        field: 'unitCode',
        reason: 'UNKNOWN_UNIT_CODE',
      });
    const inScope = scope ? candidates.find((u) => liesWithin(u, scope, year)) : candidates[0];
    if (!inScope)
      throw badInput(`Đơn vị hành chính mã ${code} nằm ngoài địa bàn của kế hoạch.`, {
        field: 'unitCode',
        reason: 'UNIT_OUTSIDE_PLAN_SCOPE',
      });
    return inScope;
  }

  /** The unit a plan's progress is read in for a year: the one asked (inside its scope), else its scope; the year inside its period. */
  async function progressUnit(plan: Plan, unitCode: string | null | undefined, year: number): Promise<UnitRef> {
    if (year < plan.periodStart || year > plan.periodEnd)
      throw badInput(`Năm ${year} nằm ngoài thời kỳ của kế hoạch (${plan.periodStart}-${plan.periodEnd}).`, {
        field: 'year',
        reason: 'YEAR_OUTSIDE_PERIOD',
      });
    if (unitCode !== null && unitCode !== undefined)
      return unitInScope(plan, assertUnitCode(unitCode, 'unitCode'), year);
    if (!plan.scopeUnitCode || !plan.scopeUnitValidFrom)
      throw badInput('Đề án quốc gia không gắn với đơn vị hành chính: hãy chọn một đơn vị.', {
        field: 'unitCode',
        reason: 'UNIT_REQUIRED',
      });
    return refOf({ code: plan.scopeUnitCode, validFrom: plan.scopeUnitValidFrom });
  }

  return {
    /** LĐTBXH's figures by indicator, unit and year, batched per request (reported and computed side by side). */
    indicatorValue: indicatorValues,
    /** LĐTBXH's own figure for this progress, whatever sector owns the indicator. */
    socialAffairs: (progress: TargetProgressParent) => indicatorValues.load(figureKeyOf(progress)),
    figure,
    /** The figure assessed against the target's milestones and trajectory. */
    assessed,
    /** The status: null when the owning sector could not be asked (not NO_DATA: nobody knows). */
    status: async (progress: TargetProgressParent) =>
      (await unanswered(progress)) ? null : (await assessed(progress)).status,
    /** The owning sector's figure split by sex, where it computes one (education and health), each group assessed. */
    async bySex(progress: TargetProgressParent) {
      const indicator = await registry.indicator(progress.indicatorCode);
      const groups = FROM_OTHER_SECTORS[indicator.sector]?.(progress).bySex;
      return groups ? assessGroupsWith(await yardstick(progress), groups) : null;
    },
    /** The unit a progress is read in. */
    unit: (progress: TargetProgressParent) =>
      units.get(unitKeyFromReference({ code: progress.unitCode, validFrom: progress.unitValidFrom })),
    /**
     * Every numeric target of a plan in a unit (the plan's scope by default), one progress each: with
     * `byCommune` it carries each commune of the unit's ground (in the units valid at the end of the year).
     */
    async ofPlan(
      plan: Plan,
      options: { year: number; unitCode: string | null | undefined; byCommune: boolean },
    ): Promise<TargetProgressParent[]> {
      const unit = await progressUnit(plan, options.unitCode, options.year);
      const targets = await plans.targets(plan);
      return targets.filter(isNumeric).map((target) => progressOf(target, unit, options.year, options.byCommune));
    },
    /** A numeric target's progress in a unit of its plan's scope in a year of its period (null for a qualitative target). */
    async ofTarget(target: PlanTarget, unitCode: string, year: number): Promise<TargetProgressParent | null> {
      if (!isNumeric(target)) return null;
      return progressOf(target, await progressUnit(await plans.get(target.planId), unitCode, year), year, false);
    },
    /** Where a progress was computed: its unit's ground across the reform, and the approximations. */
    territory: (progress: TargetProgressParent) =>
      territoryOf(
        progress.indicatorCode,
        unitKeyFromReference({ code: progress.unitCode, validFrom: progress.unitValidFrom }),
        progress.year,
      ),
    /** Where a commune's figure was computed (asked of few communes: not worked out for all of them up front). */
    communeTerritory: (commune: UnitProgressParent) =>
      territoryOf(
        commune.of.indicatorCode,
        { code: commune.unitCode, validFrom: commune.unitValidFrom },
        commune.of.year,
      ),
    /** With `byCommune`: the target in each commune of the unit, against its milestone and the unit's trajectory. */
    async communes(progress: TargetProgressParent): Promise<UnitProgressParent[] | null> {
      if (!progress.byCommune) return null;
      // The yardstick beside the figures, as in `assessed`.
      const [figures, stick, unknown] = await Promise.all([
        communeFiguresOf(
          progress,
          () => ownFigures(progress).communes,
          (from) => from.communes && fromColumns(from.communes),
        ),
        yardstick(progress),
        unanswered(progress),
      ]);
      if (!figures) return null;
      // Loaded here for all communes at once, so that each commune's fields resolve without a promise:
      // a province's fifteen hundred commune objects were each awaited by GraphQL execution.
      const communeUnits = await Promise.all(figures.map(({ unit }) => units.get(unit)));
      return figures.map(({ unit, figure }, i) => {
        const assessment = assessWith(stick, figure);
        // Field by field, not `...assessment`: for the fifteen hundred communes of a province the spread cost
        // LĐTBXH 48-54 → 60-82 ms of CPU per read (three alternating runs).
        return {
          value: assessment.value,
          milestone: assessment.milestone,
          gap: assessment.gap,
          gapWording: assessment.gapWording,
          shortfall: assessment.shortfall,
          baseline: assessment.baseline,
          expected: assessment.expected,
          status: unknown ? null : assessment.status,
          unitCode: unit.code,
          // With its first day, the policy checks each commune against the person's territory too.
          unitValidFrom: unit.validFrom,
          unit: communeUnits[i] as AdministrativeUnit,
          figure,
          of: progress,
        };
      });
    },
    /** With `byCommune`: each commune's split by sex, where the owning sector computes one. */
    async communesBySex(progress: TargetProgressParent): Promise<UnitSexProgressParent[] | null> {
      const figures = await communeFiguresOf<SexFigure[]>(
        progress,
        () => Promise.resolve(null),
        (from) => from.communesBySex && fromSexColumns(from.communesBySex),
      );
      if (!figures) return null;
      // The yardstick only where there is something to assess: LĐTBXH's own indicators have no split,
      // and their baseline would cost a statement for nothing.
      const [stick, communeUnits] = await Promise.all([
        figures.some(({ figure }) => figure) ? yardstick(progress) : undefined,
        Promise.all(figures.map(({ unit }) => units.get(unit))),
      ]);
      return figures.map(({ unit, figure }, i) => ({
        unitCode: unit.code,
        // With its first day, the policy checks each commune against the person's territory too.
        unitValidFrom: unit.validFrom,
        unit: communeUnits[i] as AdministrativeUnit,
        bySex: figure && stick ? assessGroupsWith(stick, figure) : null,
      }));
    },
    /** The gap of an assessment (a progress's, a commune's, a group's) in words. */
    gapLabel: ({ gapWording: { measured, direction, unit } }: Pick<Assessment, 'gapWording'>) =>
      gapLabel(measured, direction, unit),
    /** Records a figure LĐTBXH reports in aggregate (not one it computes), in the person's territory. */
    async record(input: IndicatorValueInput, options: { actor: string; scope: ScopeGuard }) {
      return recordIndicatorValue(prisma, input, {
        ownedIndicators: await registry.ownedIndicatorCodes('SOCIAL_AFFAIRS'),
        computed: SOCIAL_AFFAIRS_COMPUTED,
        actor: options.actor,
        scope: options.scope,
      });
    },
  };
}

export type ProgressData = ReturnType<typeof progressData>;
