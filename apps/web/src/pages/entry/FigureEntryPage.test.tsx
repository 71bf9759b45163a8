import type { MockLink } from '@apollo/client/testing';
import { screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';

import { graphQLError, PEOPLE, renderPage } from '../../test-helpers.tsx';
import FigureEntryPage, { figureSectorsOf } from './FigureEntryPage.tsx';
import { RECORD_EDUCATION_FIGURE, SECTOR_INDICATORS, UNITS_FOR_FIGURE } from './queries.ts';

const indicator = (code: string, name: string, kind: string) => ({
  __typename: 'Indicator',
  code,
  name,
  kind,
  factor: kind === 'RATIO' ? 100 : 1,
  numerator: kind === 'RATIO' ? 'Số trẻ khuyết tật được học phù hợp' : null,
  denominator: kind === 'RATIO' ? 'Tổng số trẻ khuyết tật' : null,
});
const unit = (code: string, fullName: string) => ({
  __typename: 'AdministrativeUnit',
  code,
  validFrom: '2025-07-01',
  fullName,
});
const year = new Intl.DateTimeFormat('en', { year: 'numeric', timeZone: 'Asia/Ho_Chi_Minh' }).format();

const input = {
  indicatorCode: 'DISABLED_CHILDREN_IN_SUITABLE_EDUCATION',
  unitCode: '37',
  year: Number(year),
  numerator: 1234,
  denominator: 1500,
  source: 'Báo cáo 12/BC-SGDĐT',
};

const mocks = (answer: MockLink.MockedResponse['result']): MockLink.MockedResponse[] => [
  {
    request: { query: SECTOR_INDICATORS, variables: { sector: 'EDUCATION' } },
    result: {
      data: {
        indicators: {
          __typename: 'IndicatorConnection',
          nodes: [
            indicator('PRIMARY_DROPOUT', 'Tỷ lệ học sinh tiểu học bỏ học', 'RATIO'),
            indicator('DISABLED_CHILDREN_IN_SUITABLE_EDUCATION', 'Tỷ lệ trẻ khuyết tật được học phù hợp', 'RATIO'),
          ],
        },
      },
    },
  },
  {
    request: { query: UNITS_FOR_FIGURE, variables: { code: '37', asOf: `${year}-12-31` } },
    result: {
      data: {
        administrativeUnit: {
          ...unit('37', 'Tỉnh Ninh Bình'),
          children: { __typename: 'AdministrativeUnitConnection', nodes: [unit('14500', 'Xã Gia Viễn')] },
        },
      },
    },
  },
  { request: { query: RECORD_EDUCATION_FIGURE, variables: { input } }, result: answer },
];

async function fill(user: ReturnType<typeof userEvent.setup>) {
  await user.selectOptions(
    await screen.findByLabelText('Chỉ số'),
    await screen.findByRole('option', { name: 'Tỷ lệ trẻ khuyết tật được học phù hợp' }),
  );
  await screen.findByRole('option', { name: 'Tỉnh Ninh Bình (37)' });
  await user.type(screen.getByLabelText('Tử số'), '1234');
  await user.type(screen.getByLabelText('Mẫu số'), '1500');
  await user.type(screen.getByLabelText('Nguồn số liệu'), 'Báo cáo 12/BC-SGDĐT');
  await user.click(screen.getByRole('button', { name: 'Ghi số liệu' }));
}

describe('the aggregate figure page', () => {
  it('offers only the indicators the sector reports, and says what was recorded in Vietnamese numbers', async () => {
    const user = userEvent.setup();
    renderPage(<FigureEntryPage />, {
      identity: PEOPLE.education,
      path: '/nhap-lieu/so-lieu',
      mocks: mocks({
        data: {
          recordEducationIndicatorValue: { __typename: 'RecordedIndicatorValue', id: 'v1', ...input },
        },
      }),
    });
    const select = await screen.findByLabelText('Chỉ số');
    await within(select).findByRole('option', { name: 'Tỷ lệ trẻ khuyết tật được học phù hợp' });
    // Computed from the school records: not offered.
    expect(within(select).queryByRole('option', { name: /bỏ học/ })).toBeNull();
    await fill(user);
    expect(await screen.findByRole('status')).toHaveTextContent(
      `Đã ghi số liệu “Tỷ lệ trẻ khuyết tật được học phù hợp” của Tỉnh Ninh Bình năm ${year}: 1.234 / 1.500 = 82,27 %`,
    );
  });

  it('puts the server’s problems next to their fields', async () => {
    const user = userEvent.setup();
    renderPage(<FigureEntryPage />, {
      identity: PEOPLE.education,
      path: '/nhap-lieu/so-lieu',
      mocks: mocks({
        errors: [
          graphQLError('Số liệu có 1 lỗi; không có dữ liệu nào được ghi.', {
            code: 'BAD_USER_INPUT',
            field: 'input',
            reason: 'INVALID_INDICATOR_VALUE',
            problems: [{ field: 'input.year', reason: 'YEAR_OUT_OF_RANGE', message: 'Năm phải từ 2019 đến 2026.' }],
          }),
        ],
      }),
    });
    await fill(user);
    await screen.findByText('Năm phải từ 2019 đến 2026.');
    expect(screen.getByLabelText('Năm')).toHaveAttribute('aria-invalid', 'true');
    expect(screen.getByRole('alert')).toHaveTextContent('Số liệu có 1 lỗi');
  });

  it('offers each person the sectors whose figures they may record', () => {
    expect(figureSectorsOf({ ...PEOPLE.education, roles: ['sector-officer'] })).toEqual(['EDUCATION']);
    expect(figureSectorsOf({ ...PEOPLE.lead, roles: ['lead-agency'] })).toEqual([]);
    expect(figureSectorsOf({ ...PEOPLE.lead, roles: ['admin'], sector: null })).toEqual([
      'EDUCATION',
      'SOCIAL_AFFAIRS',
    ]);
  });
});
