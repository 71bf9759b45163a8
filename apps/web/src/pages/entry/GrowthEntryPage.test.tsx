import type { MockLink } from '@apollo/client/testing';
import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';

import { graphQLError, PEOPLE, renderPage } from '../../test-helpers.tsx';
import GrowthEntryPage, { draftProblems, todayInVietnam } from './GrowthEntryPage.tsx';
import { COMMUNE_GROWTH_STATUS, COMMUNES_OF_UNIT, RECORD_GROWTH_MEASUREMENT } from './queries.ts';

const commune = (code: string, fullName: string) => ({
  __typename: 'AdministrativeUnit',
  code,
  validFrom: '2025-07-01',
  fullName,
});

const communesOf = (code: string, nodes: ReturnType<typeof commune>[]): MockLink.MockedResponse => ({
  request: { query: COMMUNES_OF_UNIT, variables: (v: { code: string }) => v.code === code },
  maxUsageCount: 10,
  result: {
    data: {
      administrativeUnit: {
        ...commune(code, code === '20' ? 'Tỉnh Lạng Sơn' : 'Phường Đông Kinh'),
        level: code === '20' ? 'PROVINCE' : 'COMMUNE',
        communes: { __typename: 'AdministrativeUnitConnection', nodes },
      },
    },
  },
});

const count = (numerator: number, denominator: number) => ({ __typename: 'DeficitCount', numerator, denominator });
const growthStatus = (measured: number, stunted: number, uses = 1): MockLink.MockedResponse => ({
  request: { query: COMMUNE_GROWTH_STATUS, variables: (v: { code: string }) => v.code === '05977' },
  maxUsageCount: uses,
  result: {
    data: {
      administrativeUnit: {
        ...commune('05977', 'Phường Đông Kinh'),
        growthStatus: {
          __typename: 'GrowthStatusSummary',
          measuredCount: measured,
          stunting: count(stunted, measured),
          underweight: count(10, measured),
          wasting: count(4, measured),
        },
      },
    },
  },
});

const input = {
  sex: 'FEMALE',
  birthDate: '2024-03-01',
  measuredOn: '2025-09-15',
  weightKg: 9.1,
  lengthHeightCm: 76.5,
  measured: 'LYING',
  oedema: false,
  communeCode: '05977',
};

const recorded: MockLink.MockedResponse = {
  request: { query: RECORD_GROWTH_MEASUREMENT, variables: { input } },
  result: {
    data: {
      recordGrowthMeasurement: {
        __typename: 'GrowthMeasurement',
        id: 'm1',
        ...input,
        weightForAgeZ: -0.41,
        lengthHeightForAgeZ: -2.35,
        weightForLengthHeightZ: 1.02,
        stunting: 'MODERATE',
        underweight: 'NONE',
        wasting: null,
        commune: commune('05977', 'Phường Đông Kinh'),
      },
    },
  },
};

async function fill(user: ReturnType<typeof userEvent.setup>) {
  await user.click(screen.getByLabelText('Nữ'));
  await user.type(screen.getByLabelText('Ngày sinh'), '01/03/2024');
  await user.clear(screen.getByLabelText('Ngày cân đo'));
  await user.type(screen.getByLabelText('Ngày cân đo'), '15/09/2025');
  await user.type(screen.getByLabelText('Cân nặng (kg)'), '9,1');
  await user.type(screen.getByLabelText('Chiều dài/chiều cao (cm)'), '76,5');
  await user.click(screen.getByLabelText('Đo nằm (chiều dài)'));
}

/** The problems a screen reader reads with a field: what its aria-describedby names. */
const describedBy = (field: HTMLElement) =>
  (field.getAttribute('aria-describedby') ?? '')
    .split(' ')
    .map((id) => document.getElementById(id)?.textContent ?? '')
    .join(' ');

describe('the growth measurement page', () => {
  it('shows the z-scores and statuses in Vietnamese as soon as it is saved, and the commune’s figure change', async () => {
    const user = userEvent.setup();
    renderPage(<GrowthEntryPage />, {
      identity: PEOPLE.health,
      path: '/nhap-lieu/can-do',
      mocks: [
        communesOf('20', [commune('05977', 'Phường Đông Kinh'), commune('06001', 'Xã Hoàng Đồng')]),
        // Read for today, then for the day of the measurement once it is typed.
        growthStatus(180, 36, 2),
        recorded,
        growthStatus(181, 37),
      ],
    });
    const select = await screen.findByRole('option', { name: 'Phường Đông Kinh (05977)' });
    await user.selectOptions(screen.getByLabelText('Xã/phường nơi cân đo'), select);
    const figure = await screen.findByRole('region', { name: /Tình trạng dinh dưỡng trẻ dưới 5 tuổi/ });
    await within(figure).findByText('180');
    expect(within(figure).getByTestId('stunting')).toHaveTextContent('36 / 180 trẻ (20 %)');

    await fill(user);
    await user.click(screen.getByRole('button', { name: 'Lưu số đo' }));
    const result = await screen.findByRole('region', { name: /Đã lưu số đo/ });
    // Focus moves in an effect after the result renders: wait for it rather than race it.
    await waitFor(() => expect(within(result).getByRole('heading', { level: 2 })).toHaveFocus());
    expect(within(result).getByTestId('haz')).toHaveTextContent('-2,35');
    expect(within(result).getByTestId('whz')).toHaveTextContent('1,02');
    expect(result).toHaveTextContent('Thấp còi vừa');
    expect(result).toHaveTextContent('Không nhẹ cân');
    expect(result).toHaveTextContent('Không đánh giá');
    expect(result).toHaveTextContent('Nữ, sinh 01/03/2024, cân đo 15/09/2025 tại Phường Đông Kinh: 9,1 kg, 76,5 cm');
    // The figure it feeds, read again: one more child measured, one more stunted.
    await within(figure).findByText('181');
    expect(within(figure).getByTestId('stunting')).toHaveTextContent('37 / 181 trẻ (20,4 %)');
    // The form is ready for the next child of the same session.
    expect(screen.getByLabelText('Cân nặng (kg)')).toHaveValue('');
    expect(screen.getByLabelText('Ngày cân đo')).toHaveValue('15/09/2025');
  });

  it('puts each problem the server finds next to its field, and the figure only for whom reads aggregates', async () => {
    const user = userEvent.setup();
    renderPage(<GrowthEntryPage />, {
      identity: PEOPLE.station,
      path: '/nhap-lieu/can-do',
      mocks: [
        communesOf('05977', [commune('05977', 'Phường Đông Kinh')]),
        {
          request: { query: RECORD_GROWTH_MEASUREMENT, variables: { input } },
          result: {
            errors: [
              graphQLError('Số đo có 2 lỗi; không có dữ liệu nào được ghi.', {
                code: 'BAD_USER_INPUT',
                field: 'input',
                reason: 'INVALID_GROWTH_MEASUREMENT',
                problems: [
                  { field: 'input.weightKg', reason: 'WEIGHT_IMPLAUSIBLE', message: 'Cân nặng không hợp lý.' },
                  {
                    field: 'input.measuredOn',
                    reason: 'DATE_IN_FUTURE',
                    message: 'Ngày đo không được sau ngày hôm nay.',
                  },
                ],
              }),
            ],
          },
        },
      ],
    });
    // A commune's staff measure in their commune: its code is there, and no aggregate is offered to them.
    expect(screen.getByLabelText('Xã/phường nơi cân đo')).toHaveValue('05977');
    await fill(user);
    await user.click(screen.getByRole('button', { name: 'Lưu số đo' }));
    const weight = screen.getByLabelText('Cân nặng (kg)');
    await screen.findByText('Cân nặng không hợp lý.');
    expect(weight).toHaveAttribute('aria-invalid', 'true');
    expect(describedBy(weight)).toContain('Cân nặng không hợp lý.');
    expect(describedBy(screen.getByLabelText('Ngày cân đo'))).toContain('Ngày đo không được sau ngày hôm nay.');
    expect(screen.getByLabelText('Chiều dài/chiều cao (cm)')).not.toHaveAttribute('aria-invalid');
    expect(screen.getByRole('alert')).toHaveTextContent('Số đo có 2 lỗi; không có dữ liệu nào được ghi.');
    expect(screen.queryByRole('region', { name: /Tình trạng dinh dưỡng/ })).toBeNull();
  });

  it('says what is missing before asking the server', async () => {
    const user = userEvent.setup();
    renderPage(<GrowthEntryPage />, {
      identity: PEOPLE.station,
      path: '/nhap-lieu/can-do',
      mocks: [communesOf('05977', [commune('05977', 'Phường Đông Kinh')])],
    });
    await user.type(screen.getByLabelText('Cân nặng (kg)'), 'chín');
    await user.click(screen.getByRole('button', { name: 'Lưu số đo' }));
    expect(screen.getByRole('alert')).toHaveTextContent('Phiếu còn 5 mục cần sửa');
    expect(describedBy(screen.getByLabelText('Cân nặng (kg)'))).toContain('Cân nặng phải là một số');
    expect(screen.getByLabelText('Nam')).toHaveFocus();
  });

  it('reads today in Vietnam’s time and checks a draft', () => {
    // 23:30 UTC on 31 December is already 1 January in Vietnam.
    expect(todayInVietnam(new Date('2025-12-31T23:30:00Z'))).toBe('2026-01-01');
    const problems = draftProblems({
      sex: 'MALE',
      birthDate: '2024-01-01',
      measuredOn: '2025-01-01',
      weightKg: '9.5',
      lengthHeightCm: '70,25',
      measured: 'STANDING',
      oedema: false,
      communeCode: '0597',
    });
    expect([...problems.keys()]).toEqual(['communeCode']);
  });
});
