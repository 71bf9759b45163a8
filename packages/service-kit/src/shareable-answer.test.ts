import { parse } from 'graphql';
import { describe, expect, it } from 'vitest';

import { ACCESS_DIRECTIVE_SDL } from './auth/policy.js';
import { demoIdentity } from './development/issuer.js';
import { claimsKey, documentIsShareable } from './shareable-answer.js';
import { buildGuardedSubgraphSchema } from './subgraph.js';

const schema = buildGuardedSubgraphSchema(
  /* GraphQL */ `
    extend schema @link(url: "https://specs.apollo.dev/federation/v2.7", import: ["@key"])
    ${ACCESS_DIRECTIVE_SDL}
    type Query {
      records: [ChildRecord!]! @access(policy: "records:read")
      units: [AdministrativeUnit!]! @access(policy: "reference")
      auditEvents: [String!]! @access(policy: "audit")
      unguarded: Int
    }
    type ChildRecord @access(policy: "records:read") {
      id: ID!
    }
    type AdministrativeUnit @key(fields: "code validFrom") @access(policy: "reference") {
      code: String!
      validFrom: String!
      childCount: Int @access(policy: "aggregate")
      children: [ChildRecord!]! @access(policy: "records:read")
    }
  `,
  {},
);

const shareable = (query: string) => documentIsShareable(schema, parse(query));

describe('answers the gateway may share', () => {
  it('are those reading only reference and aggregate fields, through fragments and entities too', () => {
    expect(shareable('{ units { code childCount __typename } }')).toBe(true);
    expect(shareable('query { ...U } fragment U on Query { units { code } }')).toBe(true);
    expect(
      shareable('query($r: [_Any!]!) { _entities(representations: $r) { ... on AdministrativeUnit { childCount } } }'),
    ).toBe(true);
  });

  it('are never those touching personal data, the audit log, a field without policy or introspection', () => {
    expect(shareable('{ units { code children { id } } }')).toBe(false);
    expect(shareable('{ records { id } }')).toBe(false);
    expect(shareable('{ auditEvents }')).toBe(false);
    expect(shareable('{ unguarded }')).toBe(false);
    expect(shareable('{ __schema { queryType { name } } }')).toBe(false);
    expect(shareable('{ _service { sdl } }')).toBe(false);
    expect(
      shareable(
        'query($r: [_Any!]!) { _entities(representations: $r) { ... on AdministrativeUnit { children { id } } } }',
      ),
    ).toBe(false);
    expect(shareable('query { ...U } fragment U on Query { units { children { id } } }')).toBe(false);
  });

  it('are keyed by the claims the policies read, not by who the person is', () => {
    const lead = demoIdentity('lead.langson');
    expect(claimsKey({ ...lead, userId: 'other', name: 'Người khác' })).toBe(claimsKey(lead));
    expect(claimsKey({ ...lead, roles: [...lead.roles].reverse() })).toBe(claimsKey(lead));
    expect(claimsKey({ ...lead, unitCode: '22' })).not.toBe(claimsKey(lead));
    expect(claimsKey({ ...lead, sector: 'HEALTH' })).not.toBe(claimsKey(lead));
    expect(claimsKey({ ...lead, roles: ['viewer'] })).not.toBe(claimsKey(lead));
    expect(claimsKey({ ...lead, agency: 'SYT-20' })).not.toBe(claimsKey(lead));
  });
});
