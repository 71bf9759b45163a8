import { DEFAULT_CLAIMS, type ClaimPaths } from '@ecd/service-kit/token-claims';

/** What the gateway tells the application at /config.json: where to sign in, and which claims say who. */
export interface WebConfig {
  oidc: { authority: string; clientId: string; scope: string } | null;
  /** The embedded default's development sign-in (picker of demo users). */
  development: boolean;
  claims: ClaimPaths;
}

export async function loadConfig(fetcher: typeof fetch = fetch): Promise<WebConfig> {
  const response = await fetcher('/config.json', { headers: { accept: 'application/json' } });
  if (!response.ok) throw new Error(`Không tải được cấu hình (HTTP ${response.status}).`);
  const config = (await response.json()) as Partial<WebConfig>;
  return {
    oidc: config.oidc ?? null,
    development: config.development ?? false,
    claims: { ...DEFAULT_CLAIMS, ...config.claims },
  };
}
