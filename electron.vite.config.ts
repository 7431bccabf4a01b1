import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import vue from '@vitejs/plugin-vue';
import { defineConfig } from 'electron-vite';
import type { Plugin } from 'vite';

// Three builds into out/: the main process (ES module, out/main/index.js as package.json
// "main" says), the preload (CommonJS, out/preload/index.cjs: a sandboxed renderer cannot run
// an ESM preload) and the renderer (out/renderer, loaded by the packaged app from its files).
const root = dirname(fileURLToPath(import.meta.url));

// electron-vite builds the renderer with base './' (made for file:// pages). The packaged app
// serves it from its own origin (parta-app://renderer/), where absolute asset URLs keep working
// when the page is reloaded on a nested client-side route.
const absoluteBase: Plugin = { name: 'parta:absolute-base', enforce: 'post', config: () => ({ base: '/' }) };

export default defineConfig({
  main: {
    build: {
      outDir: resolve(root, 'out/main'),
      lib: { entry: resolve(root, 'electron/main/index.ts'), formats: ['es'], fileName: () => 'index.js' },
    },
  },
  preload: {
    build: {
      outDir: resolve(root, 'out/preload'),
      // A sandboxed preload can require 'electron' only: bundle everything else into it.
      externalizeDeps: false,
      lib: { entry: resolve(root, 'electron/preload/index.ts'), formats: ['cjs'], fileName: () => 'index.cjs' },
    },
  },
  renderer: {
    root: resolve(root, 'renderer'),
    plugins: [vue(), absoluteBase],
    build: {
      outDir: resolve(root, 'out/renderer'),
      emptyOutDir: true,
      rolldownOptions: { input: resolve(root, 'renderer/index.html') },
    },
  },
});
