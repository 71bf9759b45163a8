import { graphql } from '../../generated/gql.ts';

/** Units by name (with or without diacritics) or code, of every period, the closest first. */
export const SEARCH_UNITS = graphql(`
  query SearchUnits($text: String!, $level: UnitLevel) {
    searchAdministrativeUnits(text: $text, level: $level, first: 30) {
      ...UnitListing
      level
    }
  }
`);

/** A unit in its period, under its parent: how a search result and a succession link show it. */
export const UNIT_LISTING = graphql(`
  fragment UnitListing on AdministrativeUnit {
    ...UnitRef
    validTo
    parent {
      ...UnitRef
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
      ...UnitListing
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
        ...UnitRef
        parent {
          ...UnitRef
        }
      }
      children(first: 500) {
        totalCount
        nodes {
          ...UnitRef
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
      ...UnitRef
      validTo
    }
  }
`);
