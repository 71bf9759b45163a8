import { render, screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, describe, expect, it, vi } from 'vitest';

import { AuthProvider } from '../../auth/AuthProvider.tsx';
import type { Identity } from '../../auth/identity.ts';
import { signedIn } from '../../test-helpers.tsx';
import { PlanFiles } from './PlanFiles.tsx';

const person = (roles: Identity['roles'], sector: Identity['sector'] = 'LDTBXH'): Identity => ({
  userId: 'someone',
  name: 'Nguyễn Văn An',
  roles,
  sector,
  unitCode: '20',
  agency: null,
});

const renderFiles = (identity: Identity) =>
  render(
    <AuthProvider value={signedIn(identity, 'token-of-the-person')}>
      <PlanFiles planKey="lang-son-2019-de-an-1437" year={2025} unitCode="20" />
    </AuthProvider>,
  );

afterEach(() => {
  vi.unstubAllGlobals();
  vi.restoreAllMocks();
});

describe('the files of a plan’s year', () => {
  it('offers the progress workbook, the annual report and the DHIS2 figures of the plan, year and unit', async () => {
    const fetch = vi.fn(() =>
      Promise.resolve(
        new Response('PK', {
          status: 200,
          headers: { 'content-disposition': `attachment; filename*=UTF-8''B%C3%A1o%20c%C3%A1o.docx` },
        }),
      ),
    );
    vi.stubGlobal('fetch', fetch);
    const createObjectURL = vi.fn(() => 'blob:report');
    vi.stubGlobal('URL', Object.assign(URL, { createObjectURL, revokeObjectURL: () => undefined }));
    const click = vi.spyOn(HTMLAnchorElement.prototype, 'click').mockImplementation(() => undefined);
    renderFiles(person(['lead-agency']));
    expect(screen.getByRole('group', { name: 'Tải tệp của kế hoạch' })).toBeInTheDocument();
    expect(screen.getByRole('button', { name: 'Tải tiến độ (Excel)' })).toBeInTheDocument();
    expect(screen.getByRole('button', { name: 'Tải số liệu DHIS2 (JSON)' })).toBeInTheDocument();

    await userEvent.click(screen.getByRole('button', { name: 'Tải báo cáo năm (Word)' }));
    await waitFor(() => expect(click).toHaveBeenCalledTimes(1));
    expect(fetch).toHaveBeenCalledWith('/files/plans/lang-son-2019-de-an-1437/report.docx?year=2025&unit=20', {
      headers: { authorization: 'Bearer token-of-the-person' },
    });
    const link = click.mock.contexts[0] as HTMLAnchorElement;
    expect(link.download).toBe('Báo cáo.docx');

    await userEvent.click(screen.getByRole('button', { name: 'Tải số liệu DHIS2 (JSON)' }));
    await waitFor(() => expect(click).toHaveBeenCalledTimes(2));
    expect(fetch).toHaveBeenLastCalledWith(
      '/files/plans/lang-son-2019-de-an-1437/dhis2.json?year=2025&unit=20&byCommune=true',
      { headers: { authorization: 'Bearer token-of-the-person' } },
    );
  });

  it('says in Vietnamese why the gateway refused a file', async () => {
    vi.stubGlobal(
      'fetch',
      vi.fn(() =>
        Promise.resolve(
          Response.json(
            {
              errors: [
                {
                  message: 'Đơn vị này nằm ngoài địa bàn bạn phụ trách.',
                  extensions: { code: 'FORBIDDEN', reason: 'OUTSIDE_SCOPE' },
                },
              ],
            },
            { status: 403 },
          ),
        ),
      ),
    );
    renderFiles(person(['viewer'], null));
    await userEvent.click(screen.getByRole('button', { name: 'Tải báo cáo năm (Word)' }));
    const alert = await screen.findByRole('alert');
    expect(alert).toHaveTextContent('Không tải được tệp.');
    expect(alert).toHaveTextContent('Đơn vị này nằm ngoài địa bàn bạn phụ trách.');
  });

  it('is not offered to whom may not read plan progress', () => {
    for (const roles of [['facility-staff'], ['case-worker'], ['auditor']] as Identity['roles'][]) {
      const { container, unmount } = renderFiles(person(roles, 'HEALTH'));
      expect(container).toBeEmptyDOMElement();
      unmount();
    }
  });
});
