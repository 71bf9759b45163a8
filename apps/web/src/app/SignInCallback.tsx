import { useEffect, useRef, useState } from 'react';
import { Link, useNavigate } from 'react-router';

import { useAuth } from '../auth/AuthProvider.tsx';
import { Loading } from '../ui/Loading.tsx';

/** The provider sent the browser back with a code: exchanged here for the tokens, then to the page asked for. */
export function SignInCallback() {
  const { completeSignIn, status } = useAuth();
  const navigate = useNavigate();
  const [failed, setFailed] = useState<string | null>(null);
  const started = useRef(false);
  useEffect(() => {
    if (status === 'loading' || started.current) return;
    started.current = true;
    completeSignIn().then(
      (to) => void navigate(to, { replace: true }),
      (error: unknown) => setFailed(error instanceof Error ? error.message : String(error)),
    );
  }, [completeSignIn, navigate, status]);
  return (
    <main id="noi-dung" className="sign-in">
      <h1>Đăng nhập</h1>
      {failed ? (
        <div role="alert" className="error">
          <p>Đăng nhập không thành công: {failed}</p>
          <Link to="/dang-nhap">Thử đăng nhập lại</Link>
        </div>
      ) : (
        <Loading label="Đang hoàn tất đăng nhập…" />
      )}
    </main>
  );
}
