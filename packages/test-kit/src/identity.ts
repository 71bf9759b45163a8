import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

import { createGatewaySigner, type GatewaySigner, type Identity, type RunningService } from '@ecd/service-kit';
import { demoIdentity, developmentKeys, signDevelopmentToken } from '@ecd/service-kit/development';

/**
 * Keys of this test process: a development issuer people's tokens are signed with, and the gateway's
 * key; the services under test are started with this keys folder, never the repository's `.data/keys`.
 */
export const TEST_KEYS_DIR = mkdtempSync(join(tmpdir(), 'ecd-keys-'));
process.once('exit', () => rmSync(TEST_KEYS_DIR, { recursive: true, force: true }));
export const testKeys = developmentKeys(TEST_KEYS_DIR);

let signer: Promise<GatewaySigner> | undefined;

/** A person's bearer token for the gateway: a demo user by name, or any identity. */
export const userToken = (user: string | Identity, options?: Parameters<typeof signDevelopmentToken>[2]) =>
  signDevelopmentToken(testKeys, user, options);

/** What the gateway sends a subgraph for a person, for tests that call a subgraph directly. */
export async function gatewayToken(user: string | Identity, subgraph: string): Promise<string> {
  signer ??= createGatewaySigner(testKeys.gatewayPrivate);
  return (await signer).sign(typeof user === 'string' ? demoIdentity(user) : user, subgraph, `test-${Date.now()}`);
}

/** The environment the gateway under test starts with. */
export const gatewayTestEnv = (extra: Record<string, string> = {}): NodeJS.ProcessEnv => ({
  PORT: '0',
  LOG_LEVEL: process.env.LOG_LEVEL ?? 'silent',
  ECD_KEYS_DIR: TEST_KEYS_DIR,
  ...extra,
});

/** Services started by the test kit, by GraphQL URL: whom a test's request goes to, to sign it as admin by default. */
const services = new Map<string, string>();
export const registerService = (service: RunningService) => services.set(service.graphqlUrl, service.name);

/**
 * The admin's authorization for a service the test kit started (the gateway gets a person's token,
 * a subgraph the gateway's); undefined for any other URL.
 */
export async function defaultAuthorization(url: string): Promise<string | undefined> {
  const name = services.get(url);
  if (!name) return undefined;
  return `Bearer ${name === 'gateway' ? await userToken('admin') : await gatewayToken('admin', name)}`;
}
