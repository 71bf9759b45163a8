import { describe, expect, it } from 'vitest';

import { buildGuardedSubgraphSchema, fieldsWithoutPolicy, readSubgraphSdl } from '@ecd/service-kit';

/**
 * Checks a subgraph's SDL against the access rules of the service kit (docs/SECURITY.md): every
 * object field has a policy (its own `@access` or its type's), every Query and Mutation field has one
 * of its own, and every policy named exists (building the guarded schema throws otherwise).
 */
export function accessRuleGaps(sdl: string): { withoutPolicy: string[]; rootFieldsWithoutOwnPolicy: string[] } {
  const schema = buildGuardedSubgraphSchema(sdl, {});
  const rootFieldsWithoutOwnPolicy: string[] = [];
  for (const root of [schema.getQueryType(), schema.getMutationType()]) {
    if (!root) continue;
    for (const field of Object.values(root.getFields())) {
      // Federation's own fields have no SDL of the subgraph's: they are exempt (see auth/policy.ts).
      if (!field.astNode || field.name.startsWith('_')) continue;
      if (!field.astNode.directives?.some((d) => d.name.value === 'access'))
        rootFieldsWithoutOwnPolicy.push(`${root.name}.${field.name}`);
    }
  }
  return { withoutPolicy: fieldsWithoutPolicy(schema), rootFieldsWithoutOwnPolicy };
}

/** Fails the test when a field or mutation of the SDL has no access rule. */
export function expectEveryFieldHasAPolicy(sdl: string): void {
  const gaps = accessRuleGaps(sdl);
  expect(gaps.withoutPolicy, 'fields without an @access policy (closed: every call is refused)').toEqual([]);
  expect(gaps.rootFieldsWithoutOwnPolicy, 'Query and Mutation fields need an @access of their own').toEqual([]);
}

/** Fails the test unless a policy name the service kit does not know makes the schema refuse to build. */
export function expectUnknownPolicyRejected(sdl: string, madeUp = 'no-such-policy'): void {
  const first = /@access\(policy: "([^"]+)"\)/.exec(sdl);
  expect(first, 'the SDL names no policy').not.toBeNull();
  const broken = sdl.replace(first![0], `@access(policy: "${madeUp}")`);
  expect(() => buildGuardedSubgraphSchema(broken, {})).toThrow(`unknown policy "${madeUp}"`);
}

/** The access-rule tests of one subgraph's SDL file (each app's `src/schema.test.ts`). */
export function describeAccessRules(subgraph: string, schemaFile: URL): void {
  describe(`${subgraph} schema: access rules`, () => {
    const sdl = readSubgraphSdl(schemaFile);
    it('gives every field a policy, and every Query and Mutation field one of its own', () => {
      expectEveryFieldHasAPolicy(sdl);
    });
    it('refuses to build with a policy the service kit does not know', () => {
      expectUnknownPolicyRejected(sdl);
    });
  });
}
