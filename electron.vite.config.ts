import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { defineConfig } from 'electron-vite';
import type { UserConfig as ElectronViteConfig } from 'electron-vite';
import { loadConfigFromFile, mergeConfig } from 'vite';
import type { UserConfig } from 'vite';

// Three builds into out/: the main process (ES module, out/main/index.js as package.json
// "main" says), the preload (CommonJS, out/preload/index.cjs: a sandboxed renderer cannot run
// an ESM preload) and the renderer (out/renderer, served by the packaged app from its files).
const root = dirname(fileURLToPath(import.meta.url));

export default defineConfig(async ({ command, mode }): Promise<ElectronViteConfig> => {
  // The renderer builds with the web client's own Vite config (plugins, defines, CSP-related
  // build options), so the desktop and the browser run the same page; only the output differs.
  // With an explicit path, loadConfigFromFile throws when the file is missing or broken.
  const web = await loadConfigFromFile({ command, mode }, resolve(root, 'renderer/vite.config.ts'), root, 'silent');
  const webConfig: UserConfig = web!.config;

  return {
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
    renderer: mergeConfig(webConfig, {
      build: {
        outDir: resolve(root, 'out/renderer'),
        emptyOutDir: true,
        rolldownOptions: { input: resolve(root, 'renderer/index.html') },
      },
    }),
  };
});
