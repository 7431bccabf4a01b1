import js from '@eslint/js';
import tseslint from 'typescript-eslint';
import pluginVue from 'eslint-plugin-vue';
import globals from 'globals';

/** Each side imports `common/` and its own folder, never another side. */
function onlyCommon(side, forbidden) {
  return {
    files: [`${side}/**/*.{ts,vue}`],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: forbidden.map((other) => ({
            group: [`**/${other}/**`, `**/${other}`],
            message: `${side}/ may import common/ only, never ${other}/.`,
          })),
        },
      ],
    },
  };
}

export default tseslint.config(
  {
    ignores: ['node_modules/', 'out/', 'dist/', 'renderer/dist/', 'test-results/', 'playwright-report/', 'data/'],
  },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  ...pluginVue.configs['flat/recommended'],
  {
    files: ['**/*.vue'],
    languageOptions: { parserOptions: { parser: tseslint.parser } },
  },
  {
    languageOptions: { globals: { ...globals.node } },
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      '@typescript-eslint/consistent-type-imports': 'error',
      'vue/multi-word-component-names': 'off',
    },
  },
  { files: ['renderer/**/*.{ts,vue}'], languageOptions: { globals: { ...globals.browser } } },
  onlyCommon('server', ['electron', 'renderer']),
  onlyCommon('electron', ['server', 'renderer']),
  onlyCommon('renderer', ['server', 'electron']),
  {
    files: ['common/**/*.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          paths: ['electron', 'fs', 'node:fs', 'path', 'node:path', 'vue', 'mediasoup', 'mediasoup-client'],
          patterns: [{ group: ['**/server/**', '**/electron/**', '**/renderer/**'], message: 'common/ is pure.' }],
        },
      ],
    },
  },
);
