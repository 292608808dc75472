// Mutation testing of the safety rules, one module at a time: `npm run mutation [-- policy|case-log|case-lifecycle]`
// (slow; not in CI). Each module keeps its own incremental file and report. See docs/mutation.md.
// The files that hold each module's safety rules. Left out, for time on a shared machine: policy input validation and
// date parsing (validate.ts, iso-date-time.ts), and the case log's storage, export format and Merkle tree (their
// tests are end-to-end, against PostgreSQL, or about formats rather than rules).
const files = (dir, names) => names.map((name) => `${dir}/${name}.ts`);

const MODULES = {
  // Which policy applies, the rule table, how effects combine, the emergency actions.
  policy: files('libs/policy/src', [
    'calendar',
    'evaluate',
    'facts',
    'indicators',
    'outcome',
    'rules',
    'emergency-actions',
  ]),
  // Hash chaining, checkpoints, signatures and their keys, entry types enforced at append.
  'case-log': files('libs/case-log/src', [
    'chain-audit',
    'checkpoint-coverage',
    'entry-hash',
    'keyring',
    'log-entry-types',
    'signatures',
  ]),
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
  // Only the code the mutated files and their tests reach: the whole project would take minutes to load per run.
  tsconfigFile: 'tsconfig.mutation.json',
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
  // The event recorder writes each mutant's result as it comes, so a run stopped half way still tells something.
  reporters: ['clear-text', 'progress', 'html', 'json', 'event-recorder'],
  eventReporter: { baseDir: `${reports}/events` },
  htmlReporter: { fileName: `${reports}/index.html` },
  jsonReporter: { fileName: `${reports}/mutation.json` },
  tempDirName: '.stryker-tmp',
  // Generous: on a loaded machine a slow run must not pass for a mutant that hangs (a timeout counts as killed).
  timeoutMS: 60000,
};
