import { readFile } from 'node:fs/promises';
import { describe, expect, it } from 'vitest';
import { planFileJsonSchema, planFileSchema } from './plan-file.js';

describe('plan file format', () => {
  it('publishes a JSON Schema that matches the definition (run `npm run plan -- schema` after a change)', async () => {
    const committed = JSON.parse(await readFile(new URL('../../data/plan.schema.json', import.meta.url), 'utf8'));
    expect(committed).toEqual(planFileJsonSchema());
  });

  it('rejects keys it does not know, so a typo is not silently ignored', () => {
    const result = planFileSchema.safeParse({ key: 'x', number: null, title: 't', issuedOn: null, issuer: 'A', level: 'NATIONAL', parent: null, scope: null, period: { start: 2019, end: 2025 }, targts: [] });
    expect(result.success).toBe(false);
    expect(result.error!.issues.map((i) => i.code)).toContain('unrecognized_keys');
  });
});
