import { describe, expect, it } from 'vitest';

import { fromIsoDate, locateCommuneOn, type CommuneLocation } from '@ecd/service-kit';

import { communeAndProvince } from './location.js';

describe('communeAndProvince', () => {
  it('keeps the columns of a record kept by commune and province only', () => {
    const location = locateCommuneOn('communeCode', '05977', fromIsoDate('2025-03-01')) as CommuneLocation;
    expect(Object.keys(communeAndProvince(location)).sort()).toEqual([
      'communeCode',
      'communeValidFrom',
      'provinceCode',
      'provinceValidFrom',
    ]);
  });
});
