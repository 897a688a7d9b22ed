import { defineConfig } from 'vite';

// The page is served by the decision service from its jar's static/ folder: index.html at /, the rest under
// /assets/ (the only public static paths, see the service's SecurityConfiguration).
export default defineConfig({
  base: '/',
  build: {
    outDir: 'target/classes/static',
    emptyOutDir: true,
    assetsDir: 'assets',
    chunkSizeWarningLimit: 400,
  },
  server: {
    proxy: { '/api': 'http://localhost:8080' },
  },
});
