import { describe, expect, it } from 'vitest';

import { EnvError } from '@ecd/service-kit';

import { dhis2Mapping, loadEnv } from '../env.js';
import { DEFAULT_DHIS2_MAPPING } from './dhis2.js';

describe('DHIS2_MAPPING', () => {
  it('is by code when unset, and the given JSON when set', () => {
    expect(dhis2Mapping(loadEnv({}))).toEqual(DEFAULT_DHIS2_MAPPING);
    expect(dhis2Mapping(loadEnv({ DHIS2_MAPPING: '{"orgUnits": {"20": "ouLangSon01"}}' })).orgUnits).toEqual({
      '20': 'ouLangSon01',
    });
  });

  it('refuses to start on a mapping it cannot read or that misspells a key', () => {
    expect(() => dhis2Mapping(loadEnv({ DHIS2_MAPPING: '/nonexistent/mapping.json' }))).toThrow(EnvError);
    expect(() => dhis2Mapping(loadEnv({ DHIS2_MAPPING: '{"orgunits": {}}' }))).toThrow(/DHIS2_MAPPING/);
  });
});
