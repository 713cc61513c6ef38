import { resolve } from 'node:path';
import { defineConfig } from 'electron-vite';
import { rendererConfig } from './vite.renderer.config.ts';

// electron-vite builds the three Electron targets into out/: main (ESM), preload (CommonJS, because
// sandboxed preloads cannot be ES modules) and the renderer (the same config `npm run serve` uses).
export default defineConfig({
  main: {
    build: {
      outDir: 'out/main',
      rollupOptions: {
        input: {
          index: resolve(import.meta.dirname, 'src/main/electron/main.ts'),
          // Imports run in a worker thread (src/main/library/import/engine): its own entry, beside index.js.
          'import-worker': resolve(import.meta.dirname, 'src/main/library/import/engine/import-worker.ts'),
          // Learning from the reader's choices runs in a process of its own (src/main/library/learn).
          'learn-process': resolve(import.meta.dirname, 'src/main/library/learn/learn-process.ts'),
          // Backups are copied and integrity-checked in a worker too (src/main/library/backup).
          'snapshot-worker': resolve(import.meta.dirname, 'src/main/library/backup/snapshot-worker.ts'),
        },
      },
    },
  },
  preload: {
    build: {
      // A sandboxed preload can require only 'electron': bundle everything else (zod, the contract) in.
      externalizeDeps: false,
      outDir: 'out/preload',
      rollupOptions: {
        input: { index: resolve(import.meta.dirname, 'src/main/preload/preload.ts') },
        output: { format: 'cjs', entryFileNames: '[name].cjs' },
      },
    },
  },
  renderer: rendererConfig,
});
