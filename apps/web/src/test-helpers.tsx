import type { MockLink } from '@apollo/client/testing';
import { MockedProvider } from '@apollo/client/testing/react';
import { render } from '@testing-library/react';
import type { ReactElement } from 'react';
import { MemoryRouter, Route, Routes } from 'react-router';

import { AuthProvider, type Auth } from './auth/AuthProvider.tsx';
import type { Identity } from './auth/identity.ts';
import { createCache } from './graphql/client.ts';

/** The demo users the pages' tests sign in as, as their tokens describe them. */
export const PEOPLE = {
  station: {
    userId: 'station.dongkinh',
    name: 'Trạm Y tế Phường Đông Kinh',
    roles: ['facility-staff'],
    sector: 'HEALTH',
    unitCode: '05977',
    agency: null,
  },
  health: {
    userId: 'health.langson',
    name: 'Sở Y tế Lạng Sơn',
    roles: ['sector-officer'],
    sector: 'HEALTH',
    unitCode: '20',
    agency: 'SYT-20',
  },
  caseworker: {
    userId: 'caseworker.langson',
    name: 'Cán bộ bảo vệ trẻ em',
    roles: ['case-worker'],
    sector: 'LDTBXH',
    unitCode: '20',
    agency: null,
  },
  education: {
    userId: 'education.ninhbinh',
    name: 'Sở Giáo dục và Đào tạo Ninh Bình',
    roles: ['sector-officer'],
    sector: 'EDUCATION',
    unitCode: '37',
    agency: 'SGDDT-37',
  },
  lead: {
    userId: 'lead.langson',
    name: 'Nguyễn Văn An',
    roles: ['lead-agency'],
    sector: 'LDTBXH',
    unitCode: '20',
    agency: 'SLDTBXH-20',
  },
} as const satisfies Record<string, Identity>;

/** The sign-in state of `identity`, its access token `accessToken`. */
export const signedIn = (identity: Identity, accessToken = 'token'): Auth => ({
  status: 'signed-in',
  config: null,
  identity,
  accessToken,
  notice: null,
  signIn: () => Promise.resolve(),
  completeSignIn: () => Promise.resolve('/'),
  signOut: () => Promise.resolve(),
  expire: () => undefined,
});

/** A page at its address, signed in as `identity`, answered by `mocks` (each answers once, in order). */
export function renderPage(
  page: ReactElement,
  { identity, mocks, path, at }: { identity: Identity; mocks: MockLink.MockedResponse[]; path: string; at?: string },
) {
  return render(
    <AuthProvider value={signedIn({ ...identity, roles: [...identity.roles] })}>
      <MockedProvider mocks={mocks} cache={createCache()}>
        <MemoryRouter initialEntries={[at ?? path]}>
          <Routes>
            <Route path={path} element={page} />
            <Route path="*" element={<p>Trang khác</p>} />
          </Routes>
        </MemoryRouter>
      </MockedProvider>
    </AuthProvider>,
  );
}

/** A GraphQL error as the server sends it, with its extensions. */
export const graphQLError = (message: string, extensions: Record<string, unknown>) => ({ message, extensions });
