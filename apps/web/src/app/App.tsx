import { ApolloProvider } from '@apollo/client/react';
import { useMemo, useRef } from 'react';
import { BrowserRouter, Navigate, Route, Routes, useLocation } from 'react-router';

import { AuthProvider, useAuth, type Auth } from '../auth/AuthProvider.tsx';
import { createApolloClient } from '../graphql/client.ts';
import { Loading } from '../ui/Loading.tsx';
import { usePageTitle } from '../ui/usePageTitle.ts';
import { Layout } from './Layout.tsx';
import { homeOf, PAGES, type PageEntry } from './pages.ts';
import { SignInCallback } from './SignInCallback.tsx';
import { SignInPage } from './SignInPage.tsx';

function Forbidden() {
  usePageTitle('Không có quyền');
  return (
    <section>
      <h1>Không có quyền</h1>
      <p role="alert">Vai trò của bạn không được xem trang này.</p>
    </section>
  );
}

function NotFound() {
  usePageTitle('Không tìm thấy trang');
  return (
    <section>
      <h1>Không tìm thấy trang</h1>
      <p>Địa chỉ này không có trong ứng dụng.</p>
    </section>
  );
}

function Home() {
  const { identity } = useAuth();
  const home = identity ? homeOf(identity) : null;
  if (home) return <Navigate to={home} replace />;
  return (
    <section>
      <h1>Chào mừng</h1>
      <p>Vai trò của bạn chưa có trang nào trong ứng dụng này.</p>
    </section>
  );
}

function Guarded({ page }: { page: PageEntry }) {
  const { identity } = useAuth();
  if (!identity || !page.allowed(identity)) return <Forbidden />;
  const Page = page.component;
  return <Page />;
}

/** Pages behind the sign-in: a person who is not signed in goes to it and comes back. */
function RequireSignIn() {
  const { status } = useAuth();
  const location = useLocation();
  if (status === 'loading') return <Loading label="Đang tải ứng dụng…" />;
  if (status !== 'signed-in')
    return <Navigate to="/dang-nhap" replace state={{ from: location.pathname + location.search }} />;
  return <Layout />;
}

function WithClient({ children }: { children: React.ReactNode }) {
  const auth = useAuth();
  const latest = useRef(auth);
  latest.current = auth;
  // A new client, and so an empty cache, for each person: nothing one read stays for the next in the same tab.
  const userId = auth.identity?.userId ?? null;
  const client = useMemo(
    () =>
      createApolloClient({
        getToken: () => latest.current.accessToken,
        onUnauthenticated: (message) => latest.current.expire(message),
      }),
    [userId],
  );
  return <ApolloProvider client={client}>{children}</ApolloProvider>;
}

export function AppRoutes() {
  return (
    <Routes>
      <Route path="/dang-nhap" element={<SignInPage />} />
      <Route path="/dang-nhap/xong" element={<SignInCallback />} />
      <Route element={<RequireSignIn />}>
        <Route index element={<Home />} />
        {PAGES.map((page) => (
          <Route key={page.path} path={page.path} element={<Guarded page={page} />} />
        ))}
        <Route path="*" element={<NotFound />} />
      </Route>
    </Routes>
  );
}

/** The application: sign-in, the GraphQL client with the person's token, and the pages. */
export function App({ auth }: { auth?: Auth }) {
  return (
    <AuthProvider value={auth}>
      <WithClient>
        <BrowserRouter>
          <AppRoutes />
        </BrowserRouter>
      </WithClient>
    </AuthProvider>
  );
}
