import { describe, expect, it } from 'vitest';

import { diffSchemas } from './schema-engine.js';
import { fingerprintAfter, fingerprintDifference } from './schema-fingerprint.js';

const schema = (extraField = '') => `
datasource db {
  provider = "postgresql"
}
enum Level {
  PROVINCE
  COMMUNE
}
model Unit {
  code      String
  validFrom DateTime @map("valid_from") @db.Date
  level     Level
  ${extraField}
  @@id([code, validFrom])
  @@map("unit")
}`;

describe('migration drift check (offline schema engine + in-memory PostgreSQL)', () => {
  it('finds no difference when the migrations build what the schema describes', async () => {
    const initial = await diffSchemas({ from: null, to: schema() });
    const next = await diffSchemas({ from: schema(), to: schema('name String') });
    expect(next).toContain('ALTER TABLE "unit" ADD COLUMN');
    const [expected, actual] = await Promise.all([
      fingerprintAfter([await diffSchemas({ from: null, to: schema('name String') })]),
      fingerprintAfter([initial, next]),
    ]);
    expect(fingerprintDifference(expected, actual)).toEqual([]);
  });

  it('names what is missing when a schema change has no migration', async () => {
    const [expected, actual] = await Promise.all([
      fingerprintAfter([await diffSchemas({ from: null, to: schema('name String') })]),
      fingerprintAfter([await diffSchemas({ from: null, to: schema() })]),
    ]);
    const difference = fingerprintDifference(expected, actual);
    expect(difference).toContain('- column unit.name text not null default=-');
    expect(difference.every((line) => line.startsWith('- '))).toBe(true);
  });

  it('reports an invalid schema instead of producing SQL', async () => {
    await expect(diffSchemas({ from: null, to: 'model Broken { id Nope @id }' })).rejects.toThrow();
  });
});
