// Mutation testing of the safety rules, one module at a time: `npm run mutation [-- policy|case-log|case-lifecycle]`
// (slow; not in CI). Each module keeps its own incremental file and report. See docs/mutation.md.
const lib = (name) => [`libs/${name}/src/**/*.ts`, `!libs/${name}/src/**/*.spec.ts`, `!libs/${name}/src/**/index.ts`];

const MODULES = {
  policy: lib('policy'),
  'case-log': [...lib('case-log'), '!libs/case-log/src/testing/**'],
  // CaseLifecycle and the rules it is made of: step checks, review and referral rules, the update envelope.
  'case-lifecycle': [
    'workflows/case/case-lifecycle.ts',
    'workflows/case/step-checks.ts',
    'workflows/case/review-rules.ts',
    'workflows/case/referral-rules.ts',
    'workflows/case/update-guard.ts',
  ],
};

const module = process.env.MUTATION_MODULE ?? 'policy';
if (!MODULES[module]) throw new Error(`MUTATION_MODULE must be one of ${Object.keys(MODULES).join(', ')}`);
const reports = `reports/mutation/${module}`;

/** @type {import('@stryker-mutator/api/core').PartialStrykerOptions} */
export default {
  packageManager: 'npm',
  testRunner: 'jest',
  jest: { projectType: 'custom', configFile: 'jest.mutation.config.js' },
  checkers: ['typescript'],
  tsconfigFile: 'tsconfig.json',
  mutate: MODULES[module],
  ignorePatterns: ['dist', '.data', '.tools', 'coverage', 'reports'],
  coverageAnalysis: 'perTest',
  // A mutant in code run when a module loads (a table, a constant) needs every test run again: hours on this machine.
  // They are counted as ignored; docs/mutation.md says which.
  ignoreStatic: true,
  // The machine is shared: one test process at a time.
  concurrency: 1,
  // A rerun tests only the mutants whose code or covering tests changed.
  incremental: true,
  incrementalFile: `${reports}/incremental.json`,
  reporters: ['clear-text', 'progress', 'html', 'json'],
  htmlReporter: { fileName: `${reports}/index.html` },
  jsonReporter: { fileName: `${reports}/mutation.json` },
  tempDirName: '.stryker-tmp',
  timeoutMS: 10000,
};
