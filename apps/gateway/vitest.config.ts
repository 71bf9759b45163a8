import { defineConfig, mergeConfig } from 'vitest/config';

import shared from '../../vitest.shared.ts';

// Each file starts the whole federation. On the embedded PGlite (no TEST_DATABASE_URL) that is four
// databases seeding on this machine's own cores, so the files take turns instead of starving each other.
export default mergeConfig(shared, defineConfig({ test: { fileParallelism: Boolean(process.env.TEST_DATABASE_URL) } }));
