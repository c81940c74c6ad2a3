import js from '@eslint/js'
import reactHooks from 'eslint-plugin-react-hooks'
import globals from 'globals'
import tseslint from 'typescript-eslint'

export default tseslint.config(
  {
    ignores: ['dist/**', 'node_modules/**', '.data/**', 'artifacts/**'],
  },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: {
      globals: { ...globals.node, ...globals.browser },
    },
    rules: {
      '@typescript-eslint/no-explicit-any': 'error',
      '@typescript-eslint/no-unused-vars': [
        'error',
        { argsIgnorePattern: '^_', varsIgnorePattern: '^_' },
      ],
      eqeqeq: ['error', 'always'],
    },
  },
  {
    files: ['__tests__/**'],
    languageOptions: { globals: { ...globals.jest } },
  },
  {
    files: ['**/*.js', '**/*.cjs'],
    rules: { '@typescript-eslint/no-require-imports': 'off' },
  },
  {
    files: ['src/**/*.{ts,tsx}'],
    plugins: { 'react-hooks': reactHooks },
    rules: {
      'react-hooks/rules-of-hooks': 'error',
      'react-hooks/exhaustive-deps': 'warn',
    },
  },
  {
    // The domain core is shared with the backend and the auditor's tools:
    // nothing of the UI, the platform or HTTP may leak into it.
    files: ['src/core/**/*.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            '@tarojs/*',
            'react',
            'react-*',
            'zustand',
            'zustand/*',
            'fastify',
            'better-sqlite3',
            '@/features/*',
            '@/lib/*',
            '@/platform/*',
            '@/pages/*',
            '../features/*',
            '../platform/*',
          ],
        },
      ],
    },
  },
  {
    // The backend shares the core and nothing else of the app.
    files: ['mock-server/**/*.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            '@tarojs/*',
            'react',
            '@/features/*',
            '@/lib/*',
            '@/platform/*',
            '@/pages/*',
          ],
        },
      ],
    },
  },
  {
    // Screens go through the platform layer for anything that differs.
    files: ['src/pages/**/*.{ts,tsx}', 'src/features/**/*.{ts,tsx}'],
    rules: {
      'no-restricted-syntax': [
        'error',
        {
          selector: "MemberExpression[property.name='TARO_ENV']",
          message: 'Platform differences belong in src/platform/.',
        },
      ],
    },
  },
)
