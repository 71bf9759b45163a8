import { describe, expect, it } from 'vitest';

import { fileNameOf } from './server-files.ts';

describe('the name of a file the gateway makes', () => {
  it('takes the UTF-8 name first, so Vietnamese names survive', () => {
    expect(
      fileNameOf(`attachment; filename="Tien do.xlsx"; filename*=UTF-8''Ti%E1%BA%BFn%20%C4%91%E1%BB%99.xlsx`, 'x.xlsx'),
    ).toBe('Tiến độ.xlsx');
    expect(fileNameOf('attachment; filename="bao-cao.xlsx"', 'x.xlsx')).toBe('bao-cao.xlsx');
    expect(fileNameOf(null, 'x.xlsx')).toBe('x.xlsx');
  });
});
