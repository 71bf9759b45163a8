import { graphql } from '../../generated/gql.ts';

/** The plans in force for a unit: its own, its ancestors', those of the units it succeeded, and national schemes. */
export const PLANS_OF_UNIT = graphql(`
  query PlansOfUnit($unitCode: String!) {
    administrativeUnit(code: $unitCode) {
      code
      fullName
      plans {
        ...PlanSummary
      }
    }
  }
`);

/** Every plan (national roles). */
export const ALL_PLANS = graphql(`
  query AllPlans {
    plans(first: 100) {
      nodes {
        ...PlanSummary
      }
    }
  }
`);

export const PLAN_SUMMARY = graphql(`
  fragment PlanSummary on Plan {
    ...PlanHeading
    periodStart
    periodEnd
    scope {
      ...UnitChain
    }
    parent {
      id
      key
    }
  }
`);

/** A plan as a link names it: its key, number, title and level. */
export const PLAN_HEADING = graphql(`
  fragment PlanHeading on Plan {
    id
    key
    number
    title
    level
  }
`);

/** What a target's progress in a unit and year says, wherever it is shown: value, milestone, gap and status. */
export const TARGET_ASSESSMENT = graphql(`
  fragment TargetAssessment on TargetProgress {
    targetId
    value
    gap
    gapLabel
    expected
    status
    target {
      id
      code
      description
    }
    indicator {
      code
      name
      sector
      factor
    }
    milestone {
      year
      comparatorLabel
      value
    }
    territory {
      approximate
      note
    }
  }
`);

/** A plan's chain and each numeric target's progress in a year (the chart asks the same for every year). */
export const PLAN_PROGRESS = graphql(`
  query PlanProgress($key: String!, $year: Int!, $unitCode: String) {
    plan(key: $key) {
      ...PlanHeading
      periodStart
      periodEnd
      scope {
        code
        fullName
      }
      parent {
        ...PlanHeading
        parent {
          ...PlanHeading
        }
      }
      children {
        ...PlanHeading
        scope {
          ...UnitChain
        }
      }
      targets {
        id
        code
        milestones {
          year
          comparatorLabel
          value
        }
      }
      progress(year: $year, unitCode: $unitCode) {
        ...TargetAssessment
        year
        figure {
          reported
        }
      }
    }
  }
`);

/** One target in depth: every commune of the ground, by sex where the sector splits it. */
export const TARGET_COMMUNES = graphql(`
  query TargetCommunes($key: String!, $year: Int!, $unitCode: String) {
    plan(key: $key) {
      id
      key
      title
      periodStart
      periodEnd
      scope {
        code
        fullName
      }
      progress(year: $year, unitCode: $unitCode, byCommune: true) {
        ...TargetAssessment
        unit {
          code
          fullName
        }
        bySex {
          sex
          label
          value
          gapLabel
          status
        }
        communes {
          unitCode
          unit {
            fullName
          }
          figure {
            numerator
            denominator
          }
          value
          gap
          shortfall
          gapLabel
          status
          territory {
            approximate
            note
          }
        }
        communesBySex {
          unitCode
          bySex {
            sex
            label
            numerator
            denominator
            value
            status
          }
        }
      }
    }
  }
`);

/** A plan's period, for a page opened without a year. */
export const PLAN_PERIOD = graphql(`
  query PlanPeriod($key: String!) {
    plan(key: $key) {
      id
      periodStart
      periodEnd
    }
  }
`);
