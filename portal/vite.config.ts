import { defineConfig } from 'vitest/config';

// The bundle goes straight into the jar's META-INF/resources, which Spring serves at "/". Fixed file names
// (no content hash) keep the entry point at /assets/portal.js, the path the gateway's tests and CSP expect.
export default defineConfig({
  build: {
    outDir: 'target/classes/META-INF/resources',
    emptyOutDir: true,
    sourcemap: false,
    chunkSizeWarningLimit: 600,
    rollupOptions: {
      output: {
        entryFileNames: 'assets/portal.js',
        chunkFileNames: 'assets/[name].js',
        assetFileNames: (asset) =>
          (asset.names ?? []).some((name) => name.endsWith('.css')) ? 'assets/portal.css' : 'assets/[name][extname]',
      },
    },
  },
  test: {
    environment: 'jsdom',
    include: ['src/**/*.test.ts'],
  },
});
