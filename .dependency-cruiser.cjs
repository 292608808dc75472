// Layer rules (ARCHITECTURE.md): checked by `npm run lint`, so a wrong import fails CI, not a review.
/** @type {import('dependency-cruiser').IConfiguration} */
module.exports = {
  forbidden: [
    {
      name: 'libs-never-import-apps',
      comment: 'Libraries are shared by the API and the worker; they must not depend on either.',
      severity: 'error',
      from: { path: '^libs/' },
      to: { path: '^apps/' },
    },
    {
      name: 'api-never-imports-worker',
      comment:
        'The API talks to the worker only through Temporal: messages and types from workflows/, never worker code.',
      severity: 'error',
      from: { path: '^apps/api/' },
      to: { path: '^apps/worker/' },
    },
    {
      name: 'worker-never-imports-api',
      severity: 'error',
      from: { path: '^apps/worker/' },
      to: { path: '^apps/api/' },
    },
    {
      name: 'apps-never-import-console',
      comment: 'The console is a browser client of the public API; the server serves its built files only.',
      severity: 'error',
      from: { path: '^(apps/(api|worker)|libs)/' },
      to: { path: '^apps/console/' },
    },
    {
      name: 'workflows-only-relative-imports',
      comment: 'The workflow bundler does not resolve tsconfig aliases: workflows import by relative path.',
      severity: 'error',
      from: { path: '^workflows/', pathNot: '\\.spec\\.ts$' },
      to: { dependencyTypes: ['aliased-tsconfig', 'aliased-tsconfig-paths', 'aliased-tsconfig-base-url'] },
    },
    {
      name: 'workflows-only-type-imports-of-packages',
      comment:
        'Workflow code is deterministic sandbox code: packages other than @temporalio/workflow only as `import type`.',
      severity: 'error',
      from: { path: '^workflows/', pathNot: '\\.spec\\.ts$' },
      to: {
        dependencyTypes: ['npm', 'npm-dev', 'npm-optional', 'npm-peer', 'npm-no-pkg', 'npm-unknown', 'core'],
        dependencyTypesNot: ['type-only'],
        pathNot: '^node_modules/@temporalio/(workflow|common)/',
      },
    },
    {
      name: 'workflows-reach-no-io',
      comment: 'Nothing a workflow imports (however indirectly) may pull in Node built-ins or I/O libraries.',
      severity: 'error',
      from: { path: '^workflows/', pathNot: '\\.spec\\.ts$' },
      to: {
        reachable: true,
        path: '^(node_modules/(@nestjs|typeorm|pg|nodemailer|notifications-node-client|@temporalio/(client|worker|activity))/|apps/)',
      },
    },
    {
      name: 'no-cross-library-relative-imports',
      comment: 'A library uses another through its @sg/ alias, so its public surface is its index.',
      severity: 'error',
      from: { path: '^libs/([^/]+)/' },
      to: { path: '^libs/', pathNot: '^libs/$1/', dependencyTypes: ['local'], dependencyTypesNot: ['aliased'] },
    },
    {
      name: 'no-circular',
      severity: 'error',
      from: { path: '^(apps|libs|workflows)/' },
      to: { circular: true, dependencyTypesNot: ['type-only'] },
    },
  ],
  options: {
    doNotFollow: { path: 'node_modules' },
    exclude: { path: '^(dist|coverage|\\.data|\\.tools|apps/console/dist)/' },
    tsPreCompilationDeps: true,
    tsConfig: { fileName: 'tsconfig.json' },
    enhancedResolveOptions: { exportsFields: ['exports'], conditionNames: ['import', 'require', 'node', 'default'] },
  },
};
