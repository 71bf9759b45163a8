import type { MockLink } from '@apollo/client/testing';
import { screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';

import { PEOPLE, renderPage } from '../../test-helpers.tsx';
import { SEARCH_UNITS, UNIT_HISTORY } from './queries.ts';
import UnitsPage, { confidenceOf, periodOf } from './UnitsPage.tsx';

const unit = (code: string, fullName: string, validFrom: string, validTo: string | null = null) => ({
  __typename: 'AdministrativeUnit',
  code,
  validFrom,
  validTo,
  fullName,
});
const langSon = { __typename: 'AdministrativeUnit', code: '20', validFrom: '2025-07-01', fullName: 'Tỉnh Lạng Sơn' };
const link = (other: ReturnType<typeof unit>, partial = false) => ({
  __typename: 'UnitSuccession',
  effectiveOn: '2025-07-01',
  confidence: 'manual:high',
  partial,
  shareNote: partial ? 'Một phần diện tích' : null,
  note: null,
  unit: { ...other, parent: langSon },
});

const mocks: MockLink.MockedResponse[] = [
  {
    request: { query: SEARCH_UNITS, variables: { text: 'dong kinh', level: null } },
    result: {
      data: {
        searchAdministrativeUnits: [
          { ...unit('05977', 'Phường Đông Kinh', '2025-07-01'), level: 'COMMUNE', parent: langSon },
          { ...unit('05977', 'Phường Đông Kinh', '2019-01-01', '2025-06-30'), level: 'COMMUNE', parent: null },
        ],
      },
    },
  },
  {
    request: { query: UNIT_HISTORY, variables: { code: '05977', asOf: '2025-07-01' } },
    result: {
      data: {
        administrativeUnit: {
          ...unit('05977', 'Phường Đông Kinh', '2025-07-01'),
          name: 'Đông Kinh',
          level: 'COMMUNE',
          type: 'phường',
          parent: { ...langSon, parent: null },
          children: { __typename: 'AdministrativeUnitConnection', totalCount: 0, nodes: [] },
          predecessors: [
            link(unit('05977', 'Phường Đông Kinh', '2019-01-01', '2025-06-30')),
            link(unit('05980', 'Phường Chi Lăng', '2019-01-01', '2025-06-30'), true),
          ],
          successors: [],
        },
        sameCode: [
          unit('05977', 'Phường Đông Kinh', '2025-07-01'),
          unit('05977', 'Phường Đông Kinh', '2019-01-01', '2025-06-30'),
        ],
      },
    },
  },
];

describe('units through time', () => {
  it('finds a unit typed without diacritics and shows what it was formed from at the reform', async () => {
    const user = userEvent.setup();
    renderPage(<UnitsPage />, { identity: PEOPLE.station, path: '/don-vi', mocks });
    await user.type(screen.getByRole('searchbox', { name: 'Tên hoặc mã đơn vị' }), 'dong kinh{Enter}');
    const results = await screen.findByRole('list', { name: 'Các đơn vị tìm thấy' });
    const found = within(results).getAllByRole('link');
    expect(found).toHaveLength(2);
    expect(results).toHaveTextContent('từ 01/07/2025 đến nay');
    expect(results).toHaveTextContent('từ 01/01/2019 đến 30/06/2025');
    await user.click(found[0] as HTMLElement);

    const details = await screen.findByRole('article', { name: 'Phường Đông Kinh' });
    expect(within(details).getByRole('heading', { level: 2 })).toHaveFocus();
    expect(within(details).getByRole('navigation', { name: 'Thuộc' })).toHaveTextContent('Tỉnh Lạng Sơn');
    expect(details).toHaveTextContent('Cấp xã (phường)');
    expect(details).toHaveTextContent('Phường Chi Lăng');
    expect(details).toHaveTextContent('một phần (đơn vị cũ được chia cho nhiều đơn vị mới');
    expect(details).toHaveTextContent('Đơn vị vẫn còn hiệu lực, chưa có đơn vị kế thừa.');
    // The same code before the reform named another unit (same name here): a link to it.
    const before = within(details).getByRole('heading', { name: 'Mã 05977 ở thời kỳ khác' });
    expect(before.nextElementSibling).toHaveTextContent('từ 01/01/2019 đến 30/06/2025');
    expect(within(details).getByRole('link', { name: 'Phường Chi Lăng' })).toHaveAttribute(
      'href',
      '/don-vi?q=dong+kinh&ma=05980&tu=2019-01-01',
    );
  });

  it('words periods and the mapping’s confidence', () => {
    expect(periodOf({ validFrom: '2019-01-01', validTo: '2025-06-30' })).toBe('từ 01/01/2019 đến 30/06/2025');
    expect(confidenceOf('high')).toBe('độ tin cậy cao');
    expect(confidenceOf('manual:high')).toBe('độ tin cậy cao, đối chiếu thủ công');
  });
});
