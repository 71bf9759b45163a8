import { render, screen, within } from '@testing-library/react';
import { MemoryRouter, Route, Routes } from 'react-router';
import { describe, expect, it } from 'vitest';

import { AuthProvider, type Auth } from '../auth/AuthProvider.tsx';
import type { Identity } from '../auth/identity.ts';
import { AppRoutes } from './App.tsx';
import { Layout } from './Layout.tsx';

const person = (userId: string, roles: Identity['roles'], unitCode: string | null = '20'): Identity => ({
  userId,
  name: null,
  roles,
  sector: null,
  unitCode,
  agency: null,
});

const auth = (identity: Identity | null): Auth => ({
  status: identity ? 'signed-in' : 'signed-out',
  config: {
    oidc: { authority: 'http://x/oidc', clientId: 'ecd-web', scope: 'openid' },
    development: true,
    claims: { roles: 'ecd_roles', sector: 'ecd_sector', unit: 'ecd_unit', agency: 'ecd_agency', name: 'name' },
  },
  identity,
  accessToken: identity ? 'token' : null,
  notice: null,
  signIn: () => Promise.resolve(),
  completeSignIn: () => Promise.resolve('/'),
  signOut: () => Promise.resolve(),
  expire: () => undefined,
});

const navigation = (identity: Identity) => {
  render(
    <AuthProvider value={auth(identity)}>
      <MemoryRouter>
        <Routes>
          <Route path="*" element={<Layout />} />
        </Routes>
      </MemoryRouter>
    </AuthProvider>,
  );
  return within(screen.getByRole('navigation', { name: 'Các trang' }))
    .getAllByRole('link')
    .map((link) => link.textContent);
};

describe('the layout', () => {
  it('offers each role only the pages it may open', () => {
    const lead = navigation(person('lead.langson', ['lead-agency']));
    expect(lead).toEqual(expect.arrayContaining(['Kế hoạch và tiến độ', 'Kỳ báo cáo', 'Trình khám phá GraphQL']));
    // A health record is not the lead agency's to write.
    expect(lead).not.toContain('Cân đo trẻ em');
  });

  it('offers an auditor neither progress nor reports', () => {
    const auditor = navigation(person('auditor', ['auditor'], null));
    expect(auditor).toContain('Trình khám phá GraphQL');
    expect(auditor).not.toContain('Kế hoạch và tiến độ');
    expect(auditor).not.toContain('Kỳ báo cáo');
  });

  it('has a link to skip to the content and says who is signed in', () => {
    navigation(person('viewer.quangninh', ['viewer'], '22'));
    expect(screen.getByRole('link', { name: 'Bỏ qua, đến nội dung chính' })).toHaveAttribute('href', '#noi-dung');
    expect(screen.getByLabelText('Người đăng nhập')).toHaveTextContent('Người xem số liệu tổng hợp — đơn vị 22');
  });
});

describe('the routes', () => {
  it('send a person who is not signed in to the sign-in page', () => {
    render(
      <AuthProvider value={auth(null)}>
        <MemoryRouter initialEntries={['/bao-cao']}>
          <AppRoutes />
        </MemoryRouter>
      </AuthProvider>,
    );
    expect(screen.getByRole('heading', { name: 'Đăng nhập' })).toBeInTheDocument();
    expect(screen.getByRole('button', { name: 'Đăng nhập' })).toBeEnabled();
  });

  it('refuse a page to a role it is not for', () => {
    render(
      <AuthProvider value={auth(person('station.dongkinh', ['facility-staff'], '05977'))}>
        <MemoryRouter initialEntries={['/bao-cao']}>
          <AppRoutes />
        </MemoryRouter>
      </AuthProvider>,
    );
    expect(screen.getByRole('heading', { name: 'Không có quyền' })).toBeInTheDocument();
  });
});
