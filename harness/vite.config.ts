import { resolve } from 'node:path';
import { defineConfig } from 'vite';

/** Builds the harness's `window.portal` bridge as one classic script (dev/test only, never packaged). */
export default defineConfig({
  build: {
    outDir: resolve(import.meta.dirname, '../out/harness'),
    emptyOutDir: true,
    lib: {
      entry: resolve(import.meta.dirname, 'bridge-client.ts'),
      formats: ['iife'],
      name: 'fjernhjelpHarnessBridge',
      fileName: () => 'bridge.js',
    },
    minify: false,
  },
});
