import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

import { subgraphEnvSchema } from './env.js';

const repositoryRoot = fileURLToPath(new URL('../../../', import.meta.url));

describe('subgraphEnvSchema', () => {
  it('defaults DATA_DIR to the folder `npm start` gives the sector, <repository>/.data/<sector>, from any working directory', () => {
    // start-demo.ts: DATA_DIR = `${ECD_DATA_DIR ?? `${root}.data`}/${name}`.
    const env = subgraphEnvSchema('culture', 4004).parse({});
    expect(env.DATA_DIR).toBe(`${repositoryRoot}.data/culture`);
    expect(subgraphEnvSchema('health', 4002).parse({ DATABASE_URL: '' }).DATA_DIR).toBe(
      `${repositoryRoot}.data/health`,
    );
  });

  it('keeps a DATA_DIR that is given', () => {
    expect(subgraphEnvSchema('culture', 4004).parse({ DATA_DIR: '/srv/ecd/culture' }).DATA_DIR).toBe(
      '/srv/ecd/culture',
    );
  });
});
