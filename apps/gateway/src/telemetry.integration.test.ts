import https from 'node:https';
import { afterEach, describe, expect, it, vi } from 'vitest';

import { gatewayTestEnv } from '@ecd/test-kit';

import { loadEnv } from './env.js';
import { startGateway } from './server.js';

/** Where Apollo Gateway's own metrics go (@apollo/gateway's utilities/opentelemetry.js). */
const APOLLO_METRICS_HOST = 'usage-reporting.api.apollographql.com';

/** The hosts the process tried to reach over HTTPS while the gateway started and stopped (none is reached). */
async function hostsContacted(extra: Record<string, string>): Promise<string[]> {
  const hosts: string[] = [];
  vi.spyOn(https, 'request').mockImplementation((...args: unknown[]) => {
    const target = args[0] as string | URL | https.RequestOptions;
    if (typeof target === 'string') hosts.push(new URL(target).hostname);
    else if (target instanceof URL) hosts.push(target.hostname);
    else hosts.push(target.hostname ?? target.host ?? '');
    throw new Error('no network in this test');
  });
  const gateway = await startGateway({
    env: loadEnv(gatewayTestEnv(extra)),
    subgraphUrls: { ldtbxh: 'http://127.0.0.1:9/graphql' },
  });
  await gateway.close();
  return hosts;
}

afterEach(() => {
  vi.restoreAllMocks();
});

describe("the gateway's own telemetry", () => {
  it('sends nothing to Apollo by default', async () => {
    expect(await hostsContacted({})).not.toContain(APOLLO_METRICS_HOST);
  });

  it('reports to Apollo only when APOLLO_TELEMETRY=on', async () => {
    expect(await hostsContacted({ APOLLO_TELEMETRY: 'on' })).toContain(APOLLO_METRICS_HOST);
  });
});
