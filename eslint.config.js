// Lint: typescript-eslint's recommended rules plus `yandu/layers` (the runtime layering of DESIGN.md,
// hosts through core's entry) and `yandu/acyclic` (core's imports without loops).
import js from '@eslint/js';
import globals from 'globals';
import tseslint from 'typescript-eslint';
import yandu from './eslint-rules/layers.js';

export default tseslint.config(
  { ignores: ['out/', 'dist/', 'release/', 'node_modules/', 'test-results/', '.scratch/', 'coverage/'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    files: ['**/*.{ts,tsx,js}'],
    languageOptions: { globals: { ...globals.node } },
    plugins: { yandu },
    rules: {
      'yandu/layers': 'error',
      'yandu/acyclic': 'error',
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_', destructuredArrayIgnorePattern: '^_' }],
    },
  },
  {
    files: ['renderer/**/*.{ts,tsx}'],
    languageOptions: { globals: { ...globals.browser } },
  },
);
