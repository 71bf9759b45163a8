import { Navigate, useLocation } from 'react-router';

import { useAuth } from '../auth/AuthProvider.tsx';
import { usePageTitle } from '../ui/usePageTitle.ts';

/** Signing in: the provider's page (in the embedded default, the picker of demo users) and back. */
export function SignInPage() {
  usePageTitle('Đăng nhập');
  const { status, signIn, notice, config } = useAuth();
  const location = useLocation();
  const returnTo = (location.state as { from?: string } | null)?.from ?? '/';
  if (status === 'signed-in') return <Navigate to={returnTo} replace />;
  return (
    <main id="noi-dung" className="sign-in">
      <h1>Đăng nhập</h1>
      <p>
        Hệ thống theo dõi kế hoạch chăm sóc, phát triển toàn diện trẻ em của các sở, ngành. Đăng nhập bằng tài khoản do
        đơn vị cấp.
      </p>
      {notice && (
        <p className="notice" role="status">
          {notice}
        </p>
      )}
      {config?.development && (
        <p className="hint">Môi trường trình diễn: bạn sẽ chọn một người dùng mẫu trên trang đăng nhập.</p>
      )}
      <button type="button" className="primary" disabled={!config?.oidc} onClick={() => void signIn(returnTo)}>
        Đăng nhập
      </button>
    </main>
  );
}
