// Fault-injection tests (test/faults): each file launches its own stack with launchStack() so it can kill its
// parts (worker, Temporal, PostgreSQL). Unlike the e2e project there is no shared globalSetup. Two files run at
// a time.
const { pathsToModuleNameMapper } = require('ts-jest');
const { compilerOptions } = require('./tsconfig.json');

module.exports = {
  displayName: 'faults',
  testEnvironment: 'node',
  transform: { '^.+\\.ts$': 'ts-jest' },
  moduleFileExtensions: ['ts', 'js', 'json'],
  moduleNameMapper: pathsToModuleNameMapper(compilerOptions.paths, { prefix: '<rootDir>/' }),
  rootDir: __dirname,
  testMatch: ['<rootDir>/test/faults/**/*.fault-spec.ts'],
  testTimeout: 15 * 60 * 1000,
  maxWorkers: 2,
};
