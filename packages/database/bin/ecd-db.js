#!/usr/bin/env node
// `ecd-db` runs its TypeScript source: tsx compiles each module as Node loads it, so no build comes first.
import { register } from 'tsx/esm/api';

register();
await import('../src/cli.ts');
