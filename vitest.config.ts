import { defineConfig } from 'vitest/config';
import vue from '@vitejs/plugin-vue';

// One runner for every side. Node is the default environment; renderer tests opt into
// happy-dom with a `// @vitest-environment happy-dom` comment at the top of the file.
export default defineConfig({
  plugins: [vue()],
  test: {
    include: ['{common,server,electron,renderer,build}/**/*.test.ts'],
    testTimeout: 20_000,
    hookTimeout: 30_000,
    pool: 'forks',
  },
});
