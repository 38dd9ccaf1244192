/**
 * The architecture of STYLE.md, enforced: shared defines, runtime decides, server performs
 * and stores, studio draws, migrations remember. `npm test` runs this (architecture.test.ts).
 */
const node = '^(node:|fs$|path$|crypto$|http$|https$|os$|child_process$|url$|util$|stream$|events$|net$)';
module.exports = {
  forbidden: [
    {
      name: 'shared-is-pure',
      comment: 'shared/ imports zod, libphonenumber-js (pure: no I/O, no clock) and itself only',
      severity: 'error',
      from: { path: '^shared/', pathNot: '\\.test\\.ts$' },
      to: { pathNot: '^(shared/|node_modules/(zod|libphonenumber-js)/)', dependencyTypesNot: ['type-only'] },
    },
    {
      name: 'runtime-has-no-io',
      comment: 'runtime/ decides; it never touches the network, database, server or studio',
      severity: 'error',
      from: { path: '^runtime/', pathNot: '(\\.test\\.ts$|^runtime/testing/)' },
      to: {
        path:
          '^(server/|studio/|node_modules/(pg|kysely|ioredis|hono|@hono|react|react-dom|@electric-sql)/)|' +
          node.slice(1),
      },
    },
    {
      name: 'runtime-no-node-builtins',
      severity: 'error',
      from: { path: '^runtime/', pathNot: '(\\.test\\.ts$|^runtime/testing/run-conversation-file\\.ts$)' },
      to: { dependencyTypes: ['core'] },
    },
    {
      name: 'shared-no-node-builtins',
      severity: 'error',
      from: { path: '^shared/', pathNot: '\\.test\\.ts$' },
      to: { dependencyTypes: ['core'] },
    },
    {
      name: 'server-does-not-import-studio',
      comment: 'the server serves the built studio files, never its sources',
      severity: 'error',
      from: { path: '^server/' },
      to: { path: '^studio/' },
    },
    {
      name: 'studio-draws-only',
      severity: 'error',
      from: { path: '^studio/', pathNot: '^studio/(e2e|bench)/' },
      to: { path: '^(runtime/|server/|migrations/)' },
    },
    {
      name: 'studio-no-node-builtins',
      severity: 'error',
      from: { path: '^studio/', pathNot: '^studio/(e2e|bench)/' },
      to: { dependencyTypes: ['core'] },
    },
    {
      name: 'nodes-use-editor-state-only',
      comment:
        'studio/nodes/ reads and changes the editor through editor/state/ (store, provider, types, queries) and editor/edits/ (pure edits of the flow); the rest of editor/ draws nodes, so importing it would bring back the editor<->nodes circle (see studio/editor/README.md)',
      severity: 'error',
      from: { path: '^studio/nodes/' },
      to: { path: '^studio/editor/', pathNot: '^studio/editor/(state|edits)/' },
    },
    {
      name: 'studio-editor-no-cycles',
      comment:
        'no import circle inside the editor and its nodes: a circle means two files that cannot be understood apart',
      severity: 'error',
      from: { path: '^studio/(editor|nodes)/' },
      to: { circular: true },
    },
    {
      name: 'migrations-are-frozen',
      comment: 'a migration never imports app code, which changes after it is merged',
      severity: 'error',
      from: { path: '^migrations/' },
      to: { path: '^(server/|runtime/|shared/|studio/)' },
    },
    {
      name: 'server-uses-migrations-index-only',
      severity: 'error',
      from: { path: '^server/' },
      to: { path: '^migrations/', pathNot: '^migrations/index\\.ts$' },
    },
  ],
  options: {
    doNotFollow: { path: 'node_modules' },
    exclude: { path: '(^dist/|^\\.tmp/|^data/)' },
    tsPreCompilationDeps: true,
    tsConfig: { fileName: 'tsconfig.json' },
    enhancedResolveOptions: {
      exportsFields: ['exports'],
      conditionNames: ['import', 'require', 'node', 'default', 'types'],
    },
  },
};
