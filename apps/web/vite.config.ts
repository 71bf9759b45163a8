import react from '@vitejs/plugin-react';
import { defineConfig } from 'vite';

/**
 * `vite build` writes dist/, which the gateway serves on its own origin (same origin: no CORS) beside
 * /graphql, /oidc and /files. `npm run dev -w @ecd/web` serves the source with hot reload and sends those
 * paths to a gateway already running (`npm start`), by default on http://127.0.0.1:4000 (GATEWAY_URL).
 * Each page is its own chunk (lazy routes, src/app/routes.tsx); GraphiQL and its editor (monaco) only load
 * with the explorer page, ECharts only with a chart.
 */
// eslint-disable-next-line no-restricted-properties -- the dev server's one setting, not application code
const gateway = process.env.GATEWAY_URL ?? 'http://127.0.0.1:4000';

export default defineConfig({
  plugins: [react()],
  server: {
    host: '127.0.0.1',
    // The Host header is kept: the gateway names this server's address in /config.json and the sign-in.
    proxy: Object.fromEntries(
      ['/graphql', '/oidc', '/files', '/config.json'].map((path) => [path, { target: gateway, changeOrigin: false }]),
    ),
  },
  build: {
    target: 'es2022',
    chunkSizeWarningLimit: 5000,
    rollupOptions: {
      // GraphiQL's modules carry React Compiler directives that bundling drops harmlessly.
      onwarn(warning, warn) {
        if (warning.code !== 'MODULE_LEVEL_DIRECTIVE') warn(warning);
      },
    },
  },
  worker: { format: 'es' },
  // GraphiQL's editor workers are `?worker` imports, which the development server's dependency bundling
  // cannot load: it leaves that module to Vite itself.
  optimizeDeps: { exclude: ['graphiql/setup-workers/vite', '@graphiql/react/setup-workers/vite'] },
});
