import { readFile } from 'node:fs/promises';
import { describe, expect, it } from 'vitest';

import { planFileJsonSchema, planFileSchema } from './plan-file.js';

describe('plan file format', () => {
  it('publishes a JSON Schema that matches the definition (run `npm run plan -- schema` after a change)', async () => {
    const committed = JSON.parse(await readFile(new URL('../../data/plan.schema.json', import.meta.url), 'utf8'));
    expect(committed).toEqual(planFileJsonSchema());
  });

  it('rejects a day that does not exist or that PostgreSQL cannot store, naming where it is', () => {
    const plan = (issuedOn: string) => ({
      key: 'x',
      number: null,
      title: 't',
      issuedOn,
      issuer: 'A',
      level: 'NATIONAL',
      parent: null,
      scope: null,
      period: { start: 2019, end: 2025 },
    });
    for (const day of ['2021-02-30', '0000-01-01']) {
      const result = planFileSchema.safeParse(plan(day));
      expect(result.success).toBe(false);
      expect(result.error!.issues.filter((i) => i.path.join('.') === 'issuedOn').map((i) => i.message)).toEqual([
        'must be a real calendar day between 1900 and 2100',
      ]);
    }
  });

  it('rejects keys it does not know, so a typo is not silently ignored', () => {
    const result = planFileSchema.safeParse({
      key: 'x',
      number: null,
      title: 't',
      issuedOn: null,
      issuer: 'A',
      level: 'NATIONAL',
      parent: null,
      scope: null,
      period: { start: 2019, end: 2025 },
      targts: [],
    });
    expect(result.success).toBe(false);
    expect(result.error!.issues.map((i) => i.code)).toContain('unrecognized_keys');
  });
});
