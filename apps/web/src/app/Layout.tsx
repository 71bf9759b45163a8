import { Suspense } from 'react';
import { NavLink, Outlet } from 'react-router';

import { useAuth, useIdentity } from '../auth/AuthProvider.tsx';
import { ROLE_LABELS } from '../auth/identity.ts';
import { Loading } from '../ui/Loading.tsx';
import { PAGES } from './pages.ts';

/** Every signed-in page: a link to skip to the content, the application's name, the navigation and who is signed in. */
export function Layout() {
  const identity = useIdentity();
  const { signOut } = useAuth();
  const pages = PAGES.filter((page) => page.label && page.allowed(identity));
  return (
    <>
      <a className="skip-link" href="#noi-dung">
        Bỏ qua, đến nội dung chính
      </a>
      <header className="app-header">
        <div className="brand">
          <span className="brand-name">ECD Federation</span>
          <span className="brand-sub">Theo dõi kế hoạch vì trẻ em</span>
        </div>
        <div className="who" aria-label="Người đăng nhập">
          <span className="who-name">{identity.name ?? identity.userId}</span>
          <span className="who-role">
            {identity.roles.map((r) => ROLE_LABELS[r]).join(', ') || 'Không có vai trò'}
            {' — '}
            {identity.unitCode ? `đơn vị ${identity.unitCode}` : 'toàn quốc'}
          </span>
          <button type="button" className="link-button" onClick={() => void signOut()}>
            Đăng xuất
          </button>
        </div>
        <nav aria-label="Các trang">
          <ul>
            {pages.map((page) => (
              <li key={page.path}>
                <NavLink to={page.path}>{page.label}</NavLink>
              </li>
            ))}
          </ul>
        </nav>
      </header>
      <main id="noi-dung" tabIndex={-1}>
        <Suspense fallback={<Loading label="Đang mở trang…" />}>
          <Outlet />
        </Suspense>
      </main>
    </>
  );
}
