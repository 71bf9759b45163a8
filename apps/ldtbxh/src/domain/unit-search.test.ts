import { describe, expect, it } from 'vitest';

import { foldVietnamese, matchUnits, MAX_SEARCH_RESULTS, unitSearchOf, type SearchableUnit } from './unit-search.js';

const unit = (
  code: string,
  fullName: string,
  level: SearchableUnit['level'],
  validFrom = '2025-07-01',
  validTo: string | null = null,
): SearchableUnit => ({
  code,
  validFrom: new Date(validFrom),
  validTo: validTo ? new Date(validTo) : null,
  level,
  name: foldVietnamese(fullName.replace(/^(Tỉnh|Phường|Xã|Huyện|Thành phố) /, '')),
  fullName: foldVietnamese(fullName),
});

const search = (text: string, first: number | null = null) => {
  const asked = unitSearchOf(text, first);
  if (!asked.search) throw new Error(asked.problems[0].message);
  return asked.search;
};

const units = [
  unit('18586', 'Xã Đông Kinh', 'COMMUNE'),
  unit('05977', 'Phường Đông Kinh', 'COMMUNE'),
  unit('05980', 'Phường Đông Kinh', 'COMMUNE', '2019-01-01', '2025-06-30'),
  unit('05977', 'Phường Vĩnh Trại', 'COMMUNE', '2019-01-01', '2025-06-30'),
  unit('20', 'Tỉnh Lạng Sơn', 'PROVINCE', '2019-01-01', '2025-06-30'),
  unit('20', 'Tỉnh Lạng Sơn', 'PROVINCE'),
  unit('06001', 'Xã Lạng Sơn Mới', 'COMMUNE'),
  unit('12748', 'Xã Tây Đông Kinh Hạ', 'COMMUNE'),
];
const found = (text: string, filters?: Parameters<typeof matchUnits>[2]) =>
  matchUnits(units, search(text), filters).map((u) => `${u.code}@${u.validFrom.toISOString().slice(0, 4)}`);

describe('finding units by name as people type it', () => {
  it('folds Vietnamese letters to their base letter, in lower case, whatever the case and composition', () => {
    expect(foldVietnamese('Phường Đông Kinh')).toBe('phuong dong kinh');
    expect(foldVietnamese('  LẠNG   SƠN ')).toBe('lang son');
    expect(foldVietnamese('Xã Đồng Đăng')).toBe('xa dong dang');
    // Decomposed input (combining marks, as some keyboards send it) folds like the precomposed names.
    expect(foldVietnamese('Nghệ An'.normalize('NFD'))).toBe('nghe an');
    expect(foldVietnamese('Thừa Thiên Huế')).toBe('thua thien hue');
  });

  it('ranks the closest first: the name itself, today’s units before older ones, then by code', () => {
    expect(found('dong kinh')).toEqual(['05977@2025', '18586@2025', '05980@2019', '12748@2025']);
    expect(found('Phường ĐÔNG KINH')).toEqual(['05977@2025', '05980@2019']);
    // A province before the communes named after it; a name starting with the text before one containing it.
    expect(found('lang son')).toEqual(['20@2025', '20@2019', '06001@2025']);
    expect(found('kinh')).toEqual(['05977@2025', '12748@2025', '18586@2025', '05980@2019']);
  });

  it('takes digits as a code or its start, and keeps one level or one day when asked', () => {
    expect(found('05977')).toEqual(['05977@2025', '05977@2019']);
    expect(found('059')).toEqual(['05977@2025', '05977@2019', '05980@2019']);
    expect(found('20', { level: 'PROVINCE' })).toEqual(['20@2025', '20@2019']);
    expect(found('dong kinh', { asOf: new Date('2024-12-31') })).toEqual(['05980@2019']);
    expect(matchUnits(units, search('dong', 2))).toHaveLength(2);
    expect(found('%')).toEqual([]);
  });

  it('refuses an empty text, a text too long and a size out of range, each with its field', () => {
    expect(unitSearchOf('  ', null).problems.map((p) => [p.field, p.reason])).toEqual([['text', 'REQUIRED']]);
    expect(unitSearchOf('a'.repeat(101), 0).problems.map((p) => [p.field, p.reason])).toEqual([
      ['text', 'TOO_LONG'],
      ['first', 'PAGE_SIZE_OUT_OF_RANGE'],
    ]);
    expect(unitSearchOf('x', MAX_SEARCH_RESULTS + 1).search).toBeNull();
    expect(unitSearchOf('059', null).search).toEqual({ folded: '059', codePrefix: '059', size: 20 });
  });
});
