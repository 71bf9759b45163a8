/**
 * The indicators each sector computes from its own records, for which it takes no aggregate figure
 * (`INDICATOR_COMPUTED`): the rest of the indicators it owns are the ones this page offers. The mirror of
 * apps/education/src/data/computed-indicators.ts (EDUCATION_COMPUTED) and of
 * apps/ldtbxh/src/data/computed-indicators.ts (SOCIAL_AFFAIRS_COMPUTED); computed-indicators.test.ts fails
 * when they differ.
 */
export const COMPUTED_INDICATORS = {
  EDUCATION: [
    'AGE5_PRESCHOOL_ENROLMENT',
    'ECD_EDU_SERVICE_ACCESS_0_8',
    'ECD_EDU_STAFF_CAREGIVERS_TRAINED',
    'LOWER_SECONDARY_COMPLETION',
    'LOWER_SECONDARY_DROPOUT',
    'PRIMARY_COMPLETION',
    'PRIMARY_DROPOUT',
    'REFERRAL_NETWORK_EDU_FACILITIES',
    'SCHOOLS_DISABILITY_ACCESSIBLE',
    'SCHOOLS_WITH_PSYCHOLOGICAL_SUPPORT',
    'SCHOOLS_WITH_SANITATION',
  ],
  SOCIAL_AFFAIRS: [
    'ECD_PILOT_MODELS',
    'PARENTING_PROGRAMME_PARTICIPANTS',
    'REFERRAL_NETWORK_COMMUNES',
    'REFERRAL_NETWORK_DISTRICTS',
  ],
} as const satisfies Record<'EDUCATION' | 'SOCIAL_AFFAIRS', readonly string[]>;

export type FigureSector = keyof typeof COMPUTED_INDICATORS;

/** Whether a sector takes aggregate figures of an indicator it owns (it does not compute it). */
export const takesAggregateFigure = (sector: FigureSector, indicatorCode: string) =>
  !(COMPUTED_INDICATORS[sector] as readonly string[]).includes(indicatorCode);
