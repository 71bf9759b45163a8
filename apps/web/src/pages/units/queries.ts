import { graphql } from '../../generated/gql.ts';

/** Units by name (with or without diacritics) or code, of every period, the closest first. */
export const SEARCH_UNITS = graphql(`
  query SearchUnits($text: String!, $level: UnitLevel) {
    searchAdministrativeUnits(text: $text, level: $level, first: 30) {
      code
      validFrom
      validTo
      fullName
      level
      parent {
        code
        validFrom
        fullName
      }
    }
  }
`);

export const UNIT_LINK = graphql(`
  fragment UnitLink on UnitSuccession {
    effectiveOn
    confidence
    partial
    shareNote
    note
    unit {
      code
      validFrom
      validTo
      fullName
      parent {
        code
        validFrom
        fullName
      }
    }
  }
`);

/** One unit in its period: where it sits, what is below it, what it came from and what it became at the reform. */
export const UNIT_HISTORY = graphql(`
  query UnitHistory($code: String!, $asOf: Date) {
    administrativeUnit(code: $code, asOf: $asOf) {
      code
      validFrom
      validTo
      name
      fullName
      level
      type
      parent {
        code
        validFrom
        fullName
        parent {
          code
          validFrom
          fullName
        }
      }
      children(first: 500) {
        totalCount
        nodes {
          code
          validFrom
          fullName
        }
      }
      predecessors {
        ...UnitLink
      }
      successors {
        ...UnitLink
      }
    }
    sameCode: searchAdministrativeUnits(text: $code, first: 10) {
      code
      validFrom
      validTo
      fullName
    }
  }
`);
