import { graphql } from '../../generated/gql.ts';

/** Checks a plan document (dryRun) or imports it: every problem comes back with its path in the document. */
export const IMPORT_PLAN = graphql(`
  mutation ImportPlan($document: String!, $format: DocumentFormat!, $dryRun: Boolean!) {
    importPlan(document: $document, format: $format, dryRun: $dryRun) {
      dryRun
      key
      targets
      numericTargets
      milestones
      tasks
      reportingRules
      plan {
        id
        key
        number
        title
      }
    }
  }
`);
