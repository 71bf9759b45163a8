import type { User, UserManager } from 'oidc-client-ts';
import { createContext, useCallback, useContext, useEffect, useMemo, useState, type ReactNode } from 'react';

import { loadConfig, type WebConfig } from './config.ts';
import { identityFromToken, type Identity } from './identity.ts';
import { createUserManager } from './oidc.ts';

export interface Auth {
  status: 'loading' | 'signed-out' | 'signed-in' | 'error';
  config: WebConfig | null;
  identity: Identity | null;
  accessToken: string | null;
  /** Why the last sign-in ended or failed, in Vietnamese (an expired session, a refused callback...). */
  notice: string | null;
  signIn: (returnTo?: string) => Promise<void>;
  /** Finishes the redirect back from the provider; returns where to go. */
  completeSignIn: () => Promise<string>;
  signOut: () => Promise<void>;
  /** The session ended (the gateway said the token expired or is invalid): sign in again. */
  expire: (message: string) => void;
}

const AuthContext = createContext<Auth | null>(null);

export function useAuth(): Auth {
  const auth = useContext(AuthContext);
  if (!auth) throw new Error('useAuth outside AuthProvider');
  return auth;
}

/** The signed-in person; only under pages that require a sign-in. */
export function useIdentity(): Identity {
  const { identity } = useAuth();
  if (!identity) throw new Error('useIdentity without a signed-in person');
  return identity;
}

interface State {
  status: Auth['status'];
  config: WebConfig | null;
  user: User | null;
  notice: string | null;
}

/** Signs people in with OpenID Connect and holds who is signed in. `value` replaces it all in component tests. */
export function AuthProvider({ children, value }: { children: ReactNode; value?: Auth }) {
  const [state, setState] = useState<State>({ status: 'loading', config: null, user: null, notice: null });
  const [manager, setManager] = useState<UserManager | null>(null);

  useEffect(() => {
    if (value) return;
    let cancelled = false;
    (async () => {
      const config = await loadConfig();
      const userManager = config.oidc ? createUserManager(config.oidc) : null;
      const user = userManager ? await userManager.getUser() : null;
      if (cancelled) return;
      setManager(userManager);
      const valid = user && !user.expired ? user : null;
      setState({
        status: valid ? 'signed-in' : 'signed-out',
        config,
        user: valid,
        notice: config.oidc ? null : 'Hệ thống chưa được cấu hình đăng nhập (WEB_OIDC_AUTHORITY).',
      });
    })().catch((error: unknown) => {
      if (!cancelled)
        setState({ status: 'error', config: null, user: null, notice: `Không tải được ứng dụng: ${String(error)}` });
    });
    return () => {
      cancelled = true;
    };
  }, [value]);

  const signIn = useCallback(
    async (returnTo = '/') => {
      if (!manager) return;
      await manager.signinRedirect({ state: { returnTo } });
    },
    [manager],
  );

  const completeSignIn = useCallback(async () => {
    if (!manager) throw new Error('Chưa cấu hình đăng nhập.');
    const user = await manager.signinCallback();
    if (!user) throw new Error('Đăng nhập không thành công.');
    setState((s) => ({ ...s, status: 'signed-in', user, notice: null }));
    const returnTo = (user.state as { returnTo?: unknown } | undefined)?.returnTo;
    return typeof returnTo === 'string' && returnTo.startsWith('/') && !returnTo.startsWith('//') ? returnTo : '/';
  }, [manager]);

  const signOut = useCallback(async () => {
    const user = await manager?.getUser();
    await manager?.removeUser();
    setState((s) => ({ ...s, status: 'signed-out', user: null, notice: 'Bạn đã đăng xuất.' }));
    // A real provider ends its own session too (else the next sign-in would not ask who); the development
    // provider keeps none.
    if (manager && user && !state.config?.development)
      await manager.signoutRedirect({ id_token_hint: user.id_token }).catch(() => undefined);
  }, [manager, state.config?.development]);

  const expire = useCallback(
    (message: string) => {
      void manager?.removeUser();
      setState((s) => (s.user ? { ...s, status: 'signed-out', user: null, notice: message } : s));
    },
    [manager],
  );

  const auth = useMemo<Auth>(() => {
    const accessToken = state.user?.access_token ?? null;
    return {
      status: state.status,
      config: state.config,
      accessToken,
      identity: accessToken ? identityFromToken(accessToken, state.config?.claims) : null,
      notice: state.notice,
      signIn,
      completeSignIn,
      signOut,
      expire,
    };
  }, [state, signIn, completeSignIn, signOut, expire]);

  return <AuthContext.Provider value={value ?? auth}>{children}</AuthContext.Provider>;
}
