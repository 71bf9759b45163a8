import { graphql } from '../../generated/gql.ts';

/** A unit and the communes below it (itself for a commune), as they were on a day: where a measurement may be taken. */
export const COMMUNES_OF_UNIT = graphql(`
  query CommunesOfUnit($code: String!, $asOf: Date) {
    administrativeUnit(code: $code, asOf: $asOf) {
      ...UnitRef
      level
      communes(first: 500) {
        nodes {
          ...UnitRef
        }
      }
    }
  }
`);

/** The figure a growth measurement feeds: the growth status of the children under 5 measured in a commune. */
export const COMMUNE_GROWTH_STATUS = graphql(`
  query CommuneGrowthStatus($code: String!, $asOf: Date) {
    administrativeUnit(code: $code, asOf: $asOf) {
      ...UnitRef
      growthStatus {
        measuredCount
        stunting {
          numerator
          denominator
        }
        underweight {
          numerator
          denominator
        }
        wasting {
          numerator
          denominator
        }
      }
    }
  }
`);

export const RECORD_GROWTH_MEASUREMENT = graphql(`
  mutation RecordGrowthMeasurement($input: GrowthMeasurementInput!) {
    recordGrowthMeasurement(input: $input) {
      id
      sex
      birthDate
      measuredOn
      weightKg
      lengthHeightCm
      measured
      oedema
      weightForAgeZ
      lengthHeightForAgeZ
      weightForLengthHeightZ
      stunting
      underweight
      wasting
      commune {
        ...UnitRef
      }
    }
  }
`);

/** The indicators of a sector, from which those it reports in aggregate are offered. */
export const SECTOR_INDICATORS = graphql(`
  query SectorIndicators($sector: Sector!) {
    indicators(sector: $sector, first: 100) {
      nodes {
        code
        name
        kind
        factor
        numerator
        denominator
      }
    }
  }
`);

/** A unit and the units directly below it, as they were at the end of a year: what a figure may be for. */
export const UNITS_FOR_FIGURE = graphql(`
  query UnitsForFigure($code: String!, $asOf: Date) {
    administrativeUnit(code: $code, asOf: $asOf) {
      ...UnitRef
      children(first: 500) {
        nodes {
          ...UnitRef
        }
      }
    }
  }
`);

/** A figure as recorded, for the message that says what was saved (both sectors' mutations answer it). */
export const RECORDED_FIGURE = graphql(`
  fragment RecordedFigure on RecordedIndicatorValue {
    id
    indicatorCode
    unitCode
    year
    numerator
    denominator
    source
  }
`);

export const RECORD_EDUCATION_FIGURE = graphql(`
  mutation RecordEducationFigure($input: IndicatorValueInput!) {
    recordEducationIndicatorValue(input: $input) {
      ...RecordedFigure
    }
  }
`);

export const RECORD_SOCIAL_AFFAIRS_FIGURE = graphql(`
  mutation RecordSocialAffairsFigure($input: IndicatorValueInput!) {
    recordSocialAffairsIndicatorValue(input: $input) {
      ...RecordedFigure
    }
  }
`);

/** The referrals of children located in a unit (at any level below it), newest first. */
export const REFERRAL_INBOX = graphql(`
  query ReferralInbox($code: String!, $status: ReferralStatus, $after: String) {
    administrativeUnit(code: $code) {
      ...UnitRef
      referrals(status: $status, first: 50, after: $after) {
        totalCount
        pageInfo {
          hasNextPage
          endCursor
        }
        nodes {
          ...ReferralCard
        }
      }
    }
  }
`);

export const REFERRAL_CARD = graphql(`
  fragment ReferralCard on Referral {
    id
    status
    sentOn
    sentBy
    fromSector
    fromService
    toSector
    toService
    reason
    unit {
      ...UnitRef
    }
    events {
      status
      at
      by
      reason
    }
  }
`);

export const ACCEPT_REFERRAL = graphql(`
  mutation AcceptReferral($id: ID!) {
    acceptReferral(id: $id) {
      ...ReferralCard
    }
  }
`);

export const DECLINE_REFERRAL = graphql(`
  mutation DeclineReferral($id: ID!, $reason: String!) {
    declineReferral(id: $id, reason: $reason) {
      ...ReferralCard
    }
  }
`);

export const RECORD_REFERRAL_OUTCOME = graphql(`
  mutation RecordReferralOutcome($id: ID!, $delivered: Boolean!, $reason: String) {
    recordReferralOutcome(id: $id, delivered: $delivered, reason: $reason) {
      ...ReferralCard
    }
  }
`);
