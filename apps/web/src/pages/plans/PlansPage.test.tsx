import { screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it, vi } from 'vitest';

import type { Identity } from '../../auth/identity.ts';
import { PEOPLE, renderPage } from '../../test-helpers.tsx';
import PlansPage from './PlansPage.tsx';
import { PLAN_PROGRESS, PLANS_OF_UNIT } from './queries.ts';

// The chart (ECharts on a canvas, which jsdom has not) is exercised in the browser tests.
vi.mock('./TargetTrend.tsx', () => ({ default: () => <p>Biểu đồ</p> }));

const unit = (code: string, fullName: string) => ({ __typename: 'AdministrativeUnit', code, fullName });
const summary = (key: string, title: string, level: string, scope: ReturnType<typeof unit> | null) => ({
  __typename: 'Plan',
  id: key,
  key,
  number: level === 'NATIONAL' ? '1437/QĐ-TTg' : null,
  title,
  level,
  periodStart: 2019,
  periodEnd: 2025,
  scope: scope && { ...scope, parent: null },
  parent: null,
});
const target = (id: string, code: string, name: string, sector: string, value: number | null, status: string) => ({
  __typename: 'TargetProgress',
  targetId: id,
  year: 2025,
  value,
  gap: value === null ? null : value - 90,
  gapLabel: value === null ? null : value >= 90 ? `Vượt ${value - 90} điểm phần trăm` : 'Còn thiếu điểm phần trăm',
  expected: 90,
  status,
  target: { __typename: 'PlanTarget', id, code, description: name },
  indicator: { __typename: 'Indicator', code: `IND_${code}`, name, sector, factor: 100 },
  milestone: { __typename: 'TargetMilestone', year: 2025, comparatorLabel: '≥', value: 90 },
  territory: { __typename: 'ProgressTerritory', approximate: code === 'a3', note: null },
  figure: { __typename: 'SectorValue', reported: false },
});

const mocks = [
  {
    request: { query: PLANS_OF_UNIT, variables: { unitCode: '20' } },
    result: {
      data: {
        administrativeUnit: {
          __typename: 'AdministrativeUnit',
          code: '20',
          fullName: 'Tỉnh Lạng Sơn',
          plans: [
            summary('qd-1437-2018', 'Đề án 1437', 'NATIONAL', null),
            summary('lang-son', 'Kế hoạch của Lạng Sơn', 'PROVINCIAL', unit('20', 'Tỉnh Lạng Sơn')),
          ],
        },
      },
    },
  },
  {
    request: {
      query: PLAN_PROGRESS,
      variables: (v: { key: string; year: number }) => v.key === 'lang-son' && v.year === 2025,
    },
    result: {
      data: {
        plan: {
          ...summary('lang-son', 'Kế hoạch của Lạng Sơn', 'PROVINCIAL', unit('20', 'Tỉnh Lạng Sơn')),
          scope: unit('20', 'Tỉnh Lạng Sơn'),
          parent: {
            __typename: 'Plan',
            id: 'qd',
            key: 'qd-1437-2018',
            number: '1437/QĐ-TTg',
            title: 'Đề án',
            level: 'NATIONAL',
            parent: null,
          },
          children: [],
          targets: [],
          progress: [
            target('t1', 'a1', 'Tỷ lệ trẻ được tiếp cận dịch vụ', 'SOCIAL_AFFAIRS', 93.2304, 'REACHED'),
            target('t2', 'a2', 'Tỷ lệ trẻ dưới 5 tuổi suy dinh dưỡng thấp còi', 'HEALTH', 1234.5, 'BEHIND'),
            target('t3', 'a3', 'Tỷ lệ huyện có mạng lưới', 'SOCIAL_AFFAIRS', null, 'NO_DATA'),
          ],
        },
      },
    },
  },
];

const renderPlans = (identity: Identity) => renderPage(<PlansPage />, { identity, mocks, path: '/ke-hoach' });

describe('the plans page', () => {
  it('opens at the person’s own plan and shows each target in Vietnamese formats', async () => {
    renderPlans(PEOPLE.lead);
    const table = await screen.findByRole('table', { name: /Các chỉ tiêu năm 2025/ });
    expect(screen.getByLabelText('Kế hoạch')).toHaveValue('lang-son');
    expect(screen.getByLabelText('Năm')).toHaveValue('2025');
    const rows = within(table).getAllByRole('row').slice(1);
    expect(rows).toHaveLength(3);
    expect(rows[0]).toHaveTextContent('93,23 %');
    expect(rows[0]).toHaveTextContent('≥ 90 % (2025)');
    expect(rows[0]).toHaveTextContent('Đạt');
    expect(rows[1]).toHaveTextContent('1.234,5 %');
    expect(rows[1]).toHaveTextContent('Chậm, không đạt');
    expect(rows[2]).toHaveTextContent('Chưa có số liệu');
    expect(rows[2]).toHaveTextContent('Ước tính theo địa bàn');
    const [first] = rows;
    if (!first) throw new Error('no first row');
    expect(within(first).getByRole('link', { name: /Chi tiết theo xã/ })).toHaveAttribute(
      'href',
      '/ke-hoach/lang-son/chi-tieu/t1?year=2025',
    );
    // The chain names the national scheme above the plan.
    expect(screen.getByRole('navigation', { name: 'Chuỗi kế hoạch' })).toHaveTextContent('1437/QĐ-TTg');
  });

  it('filters the targets by sector', async () => {
    renderPlans(PEOPLE.lead);
    const table = await screen.findByRole('table', { name: /Các chỉ tiêu năm 2025/ });
    await userEvent.selectOptions(screen.getByLabelText('Ngành', { selector: 'select' }), 'HEALTH');
    const rows = within(table).getAllByRole('row').slice(1);
    expect(rows).toHaveLength(1);
    expect(rows[0]).toHaveTextContent('suy dinh dưỡng thấp còi');
    expect(table).toHaveAccessibleName(/ngành Y tế/);
  });
});
