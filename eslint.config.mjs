// ESLint for `npm run lint` (office-addin-lint check uses this file when it exists): Microsoft's
// Office add-in rules (eslint-plugin-office-addins: load before read, no sync in loops, …) on the
// TypeScript sources. Formatting is not linted here (the recommended set's prettier rule is off).
import officeAddins from 'eslint-plugin-office-addins';
import tsParser from '@typescript-eslint/parser';

export default [
  { ignores: ['dist/**', 'lib/**', 'node_modules/**', 'coverage/**', 'test-results/**'] },
  ...officeAddins.configs.recommended,
  {
    files: ['**/*.ts', '**/*.tsx'],
    plugins: { 'office-addins': officeAddins },
    languageOptions: {
      parser: tsParser,
      parserOptions: { ecmaFeatures: { jsx: true }, sourceType: 'module' },
    },
    rules: {
      'prettier/prettier': 'off',
      // TypeScript (strict) already reports undefined names and unused variables, with types.
      'no-undef': 'off',
      'no-unused-vars': 'off',
      'no-redeclare': 'off',
    },
  },
  {
    files: ['**/*.js', '**/*.cjs'],
    languageOptions: { ecmaVersion: 'latest', sourceType: 'commonjs' },
    rules: { 'prettier/prettier': 'off', 'no-undef': 'off' },
  },
];
