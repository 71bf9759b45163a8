import { readFileSync } from 'node:fs';
import { describe, it } from 'vitest';
import { expectEveryFieldHasAPolicy, expectUnknownPolicyRejected } from '@ecd/test-kit';

const sdl = readFileSync(new URL('./schema.graphql', import.meta.url), 'utf8');

describe('education schema: access rules', () => {
  it('gives every field a policy, and every Query and Mutation field one of its own', () => {
    expectEveryFieldHasAPolicy(sdl);
  });

  it('refuses to build with a policy the service kit does not know', () => {
    expectUnknownPolicyRejected(sdl);
  });
});
