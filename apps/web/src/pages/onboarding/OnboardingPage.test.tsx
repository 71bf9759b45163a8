import type { MockLink } from '@apollo/client/testing';
import { screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';

import { graphQLError, PEOPLE, renderPage } from '../../test-helpers.tsx';
import OnboardingPage, { formatOfFile } from './OnboardingPage.tsx';
import { IMPORT_PLAN } from './queries.ts';

const broken =
  'key: lang-son-thu-nghiem\ntargets:\n  - code: a1\n    milestones:\n      - { year: 2025, comparator: GTE, value: 150 }\n';
const fixed = broken.replace('value: 150', 'value: 90');

const counts = { targets: 1, numericTargets: 1, milestones: 1, tasks: 0, reportingRules: 0 };

const mocks: MockLink.MockedResponse[] = [
  {
    request: { query: IMPORT_PLAN, variables: { document: broken, format: 'YAML', dryRun: true } },
    result: {
      errors: [
        graphQLError('Tệp kế hoạch có 2 lỗi; không có dữ liệu nào được ghi.', {
          code: 'BAD_USER_INPUT',
          field: 'document',
          reason: 'INVALID_DOCUMENT',
          problems: [
            {
              path: 'targets[0].milestones[0].value',
              reason: 'RATE_OUT_OF_RANGE',
              message: 'Giá trị của mốc phải từ 0 đến 100 (%).',
            },
            { path: '(document)', reason: 'REQUIRED', message: 'Thiếu tên kế hoạch (title).' },
          ],
        }),
      ],
    },
  },
  {
    request: { query: IMPORT_PLAN, variables: { document: fixed, format: 'YAML', dryRun: true } },
    result: {
      data: {
        importPlan: { __typename: 'PlanImportResult', dryRun: true, key: 'lang-son-thu-nghiem', ...counts, plan: null },
      },
    },
  },
  {
    request: { query: IMPORT_PLAN, variables: { document: fixed, format: 'YAML', dryRun: false } },
    result: {
      data: {
        importPlan: {
          __typename: 'PlanImportResult',
          dryRun: false,
          key: 'lang-son-thu-nghiem',
          ...counts,
          plan: {
            __typename: 'Plan',
            id: 'p1',
            key: 'lang-son-thu-nghiem',
            number: '12/KH-UBND',
            title: 'Kế hoạch thử nghiệm',
          },
        },
      },
    },
  },
];

describe('onboarding a plan', () => {
  it('shows the dry run’s problems by path, checks the corrected text, then imports it', async () => {
    const user = userEvent.setup();
    renderPage(<OnboardingPage />, { identity: PEOPLE.lead, path: '/nhap-ke-hoach', mocks });
    const importButton = screen.getByRole('button', { name: 'Nhập kế hoạch' });
    expect(importButton).toBeDisabled();
    await user.upload(
      screen.getByLabelText('Tệp kế hoạch (.yaml, .yml, .json)'),
      new File([broken], 'ke-hoach.yaml', { type: 'application/yaml' }),
    );
    const table = await screen.findByRole('table', { name: /Các lỗi trong tệp \(2\)/ });
    const rows = within(table).getAllByRole('row').slice(1);
    expect(rows[0]).toHaveTextContent('targets[0].milestones[0].value');
    expect(rows[0]).toHaveTextContent('Giá trị của mốc phải từ 0 đến 100 (%).');
    expect(rows[0]).toHaveTextContent('RATE_OUT_OF_RANGE');
    expect(rows[1]).toHaveTextContent('Toàn bộ tệp');
    expect(screen.getByRole('alert')).toHaveTextContent('Tệp kế hoạch có 2 lỗi');
    expect(importButton).toBeDisabled();

    // Corrected in place, checked again: clean, so it may be imported.
    const text = screen.getByLabelText(/Nội dung tệp ke-hoach.yaml/);
    await user.clear(text);
    await user.type(
      text,
      fixed.replace(/[{[]/g, (c) => `${c}${c}`),
    );
    await user.click(screen.getByRole('button', { name: 'Kiểm tra lại' }));
    await screen.findByText(/tệp không có lỗi/);
    expect(screen.queryByRole('table')).toBeNull();
    expect(importButton).toBeEnabled();
    await user.click(importButton);
    await screen.findByText(/Đã nhập kế hoạch/);
    expect(screen.getByRole('link', { name: 'Xem kế hoạch và tiến độ' })).toHaveAttribute(
      'href',
      '/ke-hoach?plan=lang-son-thu-nghiem',
    );
  });

  it('reads the format from the file name', () => {
    expect(formatOfFile('ke-hoach.JSON')).toBe('JSON');
    expect(formatOfFile('ke-hoach.yml')).toBe('YAML');
  });
});
