import { render, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';

import { DataTable, type Column } from './DataTable.tsx';

interface Row {
  name: string;
  gap: number | null;
}

const columns: Column<Row>[] = [
  { key: 'name', header: 'Xã', rowHeader: true, sortValue: (r) => r.name, render: (r) => r.name },
  { key: 'gap', header: 'Khoảng cách', align: 'end', sortValue: (r) => r.gap, render: (r) => String(r.gap ?? '—') },
];
const rows: Row[] = [
  { name: 'Phường Đông Kinh', gap: 3 },
  { name: 'Xã Ái Quốc', gap: null },
  { name: 'Phường Chi Lăng', gap: 12 },
];

const names = () =>
  within(screen.getByRole('table'))
    .getAllByRole('rowheader')
    .map((cell) => cell.textContent);

describe('DataTable', () => {
  it('names itself for screen readers and sorts by a column from its header, empty values last', async () => {
    render(
      <DataTable
        caption="Các xã"
        columns={columns}
        rows={rows}
        rowKey={(r) => r.name}
        initialSort={{ key: 'gap', direction: 'descending' }}
      />,
    );
    expect(screen.getByRole('region', { name: 'Các xã' })).toHaveAttribute('tabindex', '0');
    expect(screen.getByRole('table', { name: 'Các xã' })).toBeInTheDocument();
    expect(names()).toEqual(['Phường Chi Lăng', 'Phường Đông Kinh', 'Xã Ái Quốc']);
    expect(screen.getByRole('columnheader', { name: /Khoảng cách/ })).toHaveAttribute('aria-sort', 'descending');

    await userEvent.click(screen.getByRole('button', { name: /Xã/ }));
    // Vietnamese order: Chi Lăng, Đông Kinh (đ after d), then Xã.
    expect(names()).toEqual(['Phường Chi Lăng', 'Phường Đông Kinh', 'Xã Ái Quốc']);
    expect(screen.getByRole('columnheader', { name: /Xã/ })).toHaveAttribute('aria-sort', 'ascending');
    await userEvent.click(screen.getByRole('button', { name: /Xã/ }));
    expect(names()).toEqual(['Xã Ái Quốc', 'Phường Đông Kinh', 'Phường Chi Lăng']);
  });

  it('says when there is nothing to show', () => {
    render(<DataTable caption="Trống" columns={columns} rows={[]} rowKey={(r) => r.name} empty="Không có xã nào." />);
    expect(screen.getByText('Không có xã nào.')).toBeInTheDocument();
  });
});
