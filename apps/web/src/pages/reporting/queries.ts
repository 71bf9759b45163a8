import { graphql } from '../../generated/gql.ts';

export const PLAN_REPORTING = graphql(`
  query PlanReporting($key: String!) {
    plan(key: $key) {
      id
      key
      number
      title
      periodStart
      periodEnd
      scope {
        ...UnitChain
      }
      targets {
        id
        code
        indicator {
          code
          name
          kind
          factor
        }
      }
      reportingRules {
        frequency
        due
        years
        recipient {
          code
          name
        }
      }
      reportingPeriods {
        ...ReportingPeriodSummary
      }
    }
  }
`);

/** A reporting period as the plan's list and its board head show it: when, to whom, how complete. */
export const REPORTING_PERIOD_SUMMARY = graphql(`
  fragment ReportingPeriodSummary on ReportingPeriod {
    id
    frequency
    year
    dueOn
    open
    recipient {
      code
      name
    }
    status {
      expected
      submitted
      overdue
      completenessRate
    }
  }
`);

export const REPORTING_PERIOD = graphql(`
  query ReportingPeriodBoard($id: ID!) {
    reportingPeriod(id: $id) {
      ...ReportingPeriodSummary
      status {
        onTime
        timelinessRate
        bySector {
          group
          label
          expected
          submitted
          onTime
          overdue
        }
      }
      expectedReports {
        id
        overdue
        onTime
        firstSubmittedAt
        reporter {
          code
          name
          unit {
            ...UnitChain
          }
        }
        versions {
          id
          version
          status
          note
          difficulties
          proposals
          createdBy
          createdAt
          submittedAt
          values {
            indicator {
              code
              name
            }
            unit {
              code
              fullName
            }
            numerator
            denominator
            value
          }
          history {
            from
            to
            actor
            reason
            at
          }
        }
      }
    }
  }
`);

export const OPEN_PERIOD = graphql(`
  mutation OpenReportingPeriod($planKey: String!, $frequency: ReportFrequency!, $year: Int!) {
    openReportingPeriod(planKey: $planKey, frequency: $frequency, year: $year) {
      id
    }
  }
`);

export const CREATE_SUBMISSION = graphql(`
  mutation CreateSubmission(
    $periodId: ID!
    $reporterCode: String!
    $values: [SubmissionValueInput!]!
    $note: String
    $difficulties: String
    $proposals: String
  ) {
    createSubmission(
      periodId: $periodId
      reporterCode: $reporterCode
      values: $values
      note: $note
      difficulties: $difficulties
      proposals: $proposals
    ) {
      id
      version
      status
    }
  }
`);

export const SUBMIT_REPORT = graphql(`
  mutation SubmitReport($id: ID!) {
    submitReport(submissionId: $id) {
      id
      status
      submittedAt
    }
  }
`);

export const ACCEPT_REPORT = graphql(`
  mutation AcceptReport($id: ID!) {
    acceptReport(submissionId: $id) {
      id
      status
    }
  }
`);

export const RETURN_REPORT = graphql(`
  mutation ReturnReport($id: ID!, $reason: String!) {
    returnReport(submissionId: $id, reason: $reason) {
      id
      status
    }
  }
`);
