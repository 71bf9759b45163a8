import { graphql } from '../generated/gql.ts';

/** A unit as the pages name and link it: its key in time (code, validFrom) and its full name. */
export const UNIT_REF = graphql(`
  fragment UnitRef on AdministrativeUnit {
    code
    validFrom
    fullName
  }
`);

/** A unit with the codes of the two units above it: what `servesUnit` checks a person's unit against. */
export const UNIT_CHAIN = graphql(`
  fragment UnitChain on AdministrativeUnit {
    code
    fullName
    parent {
      code
      parent {
        code
      }
    }
  }
`);
