import { describe, expect, it } from 'vitest';

import { countsByLevel } from './school-level.js';

describe('countsByLevel', () => {
  it('lists every level in order, with zero for levels the unit lacks', () => {
    expect(countsByLevel([{ group: 'PRIMARY', count: 3 }])).toEqual([
      { level: 'PRESCHOOL', label: 'Mầm non', count: 0 },
      { level: 'PRIMARY', label: 'Tiểu học', count: 3 },
      { level: 'LOWER_SECONDARY', label: 'Trung học cơ sở', count: 0 },
    ]);
  });
});
