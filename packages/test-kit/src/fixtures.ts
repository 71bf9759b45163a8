import { readFile } from 'node:fs/promises';

/** A shared test fixture file, e.g. `plans/lang-son-2026-test-fixture.yaml`. */
export const readFixture = (path: string) => readFile(new URL(`../fixtures/${path}`, import.meta.url), 'utf8');
