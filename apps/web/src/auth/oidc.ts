import { UserManager, WebStorageStateStore } from 'oidc-client-ts';

import type { WebConfig } from './config.ts';

/** Where the provider sends the browser back with the code. */
export const CALLBACK_PATH = '/dang-nhap/xong';

/**
 * OpenID Connect authorization code flow with PKCE (oidc-client-ts), against the configured provider or the
 * embedded default's development sign-in. Tokens stay in the tab's session storage: closing the tab signs out.
 */
export function createUserManager(config: NonNullable<WebConfig['oidc']>, origin = window.location.origin) {
  return new UserManager({
    authority: config.authority,
    client_id: config.clientId,
    scope: config.scope,
    redirect_uri: `${origin}${CALLBACK_PATH}`,
    post_logout_redirect_uri: `${origin}/dang-nhap`,
    response_type: 'code',
    loadUserInfo: false,
    automaticSilentRenew: false,
    monitorSession: false,
    userStore: new WebStorageStateStore({ store: window.sessionStorage }),
    stateStore: new WebStorageStateStore({ store: window.sessionStorage }),
  });
}
