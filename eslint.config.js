import tseslint from 'typescript-eslint';

/**
 * The engine and the schema are pure: time and randomness are injected (runtime/ports.ts), so
 * tests never need fake timers and a replayed conversation behaves the same.
 */
const pureRules = {
  'no-restricted-properties': [
    'error',
    { object: 'Date', property: 'now', message: 'Use the injected clock (ports.clock.now()).' },
    { object: 'Math', property: 'random', message: 'Use an injected id/random port.' },
  ],
  'no-restricted-syntax': [
    'error',
    {
      selector: "NewExpression[callee.name='Date'][arguments.length=0]",
      message: 'new Date() reads the clock: use the injected clock.',
    },
  ],
  'no-restricted-globals': [
    'error',
    { name: 'fetch', message: 'The engine does no I/O: use the injected http port.' },
    { name: 'setTimeout', message: 'Timers are effects (set_timer), not callbacks.' },
  ],
};

export default tseslint.config(
  { ignores: ['node_modules/**', 'dist/**', '.tmp/**', 'data/**'] },
  {
    files: ['runtime/**/*.ts', 'shared/**/*.ts'],
    ignores: ['**/*.test.ts', 'runtime/testing/**'],
    languageOptions: { parser: tseslint.parser },
    rules: pureRules,
  },
);
