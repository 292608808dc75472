// The specs Stryker runs against each mutant: the unit tests of the mutated modules, no servers. The fast workflow
// suite cannot see a mutant (the workflow runs in Temporal's isolated sandbox, without the test's globals) and the
// replay spec runs the built dist, so neither is here.
const { pathsToModuleNameMapper } = require('ts-jest');
const { compilerOptions } = require('./tsconfig.json');

// The policy's property tests run once per mutant they cover: 10,000 inputs each would take hours.
process.env.PROPERTY_RUNS ??= '100';

module.exports = {
  rootDir: __dirname,
  // Jest maps these folders again on every mutant's run: only the ones these tests and their code live in.
  roots: ['<rootDir>/libs', '<rootDir>/workflows'],
  testEnvironment: 'node',
  // The typescript checker already refuses mutants that do not compile; ts-jest only transpiles.
  transform: { '^.+\\.ts$': ['ts-jest', { diagnostics: false }] },
  moduleFileExtensions: ['ts', 'js', 'json'],
  moduleNameMapper: pathsToModuleNameMapper(compilerOptions.paths, { prefix: '<rootDir>/' }),
  testMatch: ['<rootDir>/libs/{policy,case-log}/**/*.spec.ts', '<rootDir>/workflows/case/**/*.spec.ts'],
  testPathIgnorePatterns: ['/node_modules/', '\\.replay\\.spec\\.ts$'],
};
