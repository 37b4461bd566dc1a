/*
 * `pnpm lint` runs dependency-cruiser with this file over packages/*\/src, packages/*\/test,
 * apps/*\/src, apps/*\/test and benchmarks. It fails on an import cycle (type-only imports
 * included), on a relative import that leaves its package, and on a deep import of another
 * workspace package.
 *
 * Why dependency-cruiser and not madge: madge finds cycles only; the package boundary rules
 * below need path rules, which dependency-cruiser has.
 *
 * Why 17.x and not 18.x: dependency-cruiser 18 dropped Node 20 (its CLI refuses to start on
 * it), and Assay's engines and CI run Node 20. 17.4 supports Node >= 20.12.
 *
 * Why a second TypeScript: dependency-cruiser reads .ts files (and sees `import type`) through
 * the `typescript` package's compiler API, versions 2 to 6 only; TypeScript 7, the native
 * compiler the packages build with, no longer ships that API. pnpm-workspace.yaml's
 * packageExtensions gives dependency-cruiser its own typescript 6, used for parsing only
 * (`npx depcruise --info` shows which one it found).
 */

/** A workspace package's folder: packages/<name>, apps/<name> or benchmarks (group 1). */
const PACKAGE = '^((?:packages|apps)/[^/]+|benchmarks)/';

/** @type {import('dependency-cruiser').IConfiguration} */
module.exports = {
  forbidden: [
    {
      name: 'no-circular',
      severity: 'error',
      comment:
        'An import cycle, type-only imports included: modules that must be understood (and ' +
        'loaded) together. Break it by moving what both sides need into a module of its own ' +
        '(e.g. types into a type-only module that imports no runtime module).',
      from: {},
      to: { circular: true },
    },
    {
      name: 'no-relative-import-out-of-package',
      severity: 'error',
      comment:
        'A relative import that leaves its package (packages/x importing ../../y/...) bypasses ' +
        "the other package's public API and its package.json dependency. Import the package by " +
        'its name. Only the root test-support/ folder may be reached relatively (from tests).',
      from: { path: PACKAGE },
      to: { dependencyTypes: ['local'], pathNot: ['^$1/', '^test-support/'] },
    },
    {
      name: 'test-support-only-from-tests',
      severity: 'error',
      comment: 'test-support/ holds test helpers; sources must not depend on them.',
      from: { path: '^(?:packages|apps)/[^/]+/src/' },
      to: { path: '^test-support/' },
    },
    {
      name: 'no-deep-workspace-import',
      severity: 'error',
      comment:
        'Another workspace package imported by a deep path (@assay/x/src/..., @assay/x/dist/...). ' +
        "Only the package root is public: import from '@assay/x' (a package's own #subpath " +
        'imports are fine). Deep paths fail to resolve through the exports map, so they show ' +
        'here unresolved.',
      from: {},
      to: { couldNotResolve: true, path: '^@assay/[^/]+/.' },
    },
    {
      name: 'no-deep-workspace-file',
      severity: 'error',
      comment:
        'An import by package name that resolved to a file of another workspace package other ' +
        'than its entry points (dist/index.js, or a top-level dist/<name>.js that its exports ' +
        'map names, such as @assay/runner/options), e.g. @assay/x/package.json or a deep path ' +
        'a wider exports map would open.',
      from: { path: PACKAGE },
      to: {
        dependencyTypesNot: ['local'],
        path: PACKAGE,
        pathNot: ['^$1/', '^(?:packages|apps)/[^/]+/dist/[a-z-]+\\.js$'],
      },
    },
  ],
  options: {
    // type-only imports are edges too: a cycle through `import type` still couples modules
    tsPreCompilationDeps: true,
    moduleSystems: ['es6', 'cjs'],
    exclude: { path: ['(^|/)node_modules/', '(^|/)test-results/', '(^|/)\\.data/'] },
    // another package's built entry point is a leaf here; its own sources are cruised directly
    doNotFollow: { path: ['(^|/)node_modules/', '(^|/)dist/'] },
    // resolve package names through their exports maps, as Node does: a deep path into a
    // workspace package that its exports map does not list stays unresolved
    enhancedResolveOptions: {
      exportsFields: ['exports'],
      conditionNames: ['import', 'node', 'default'],
    },
    skipAnalysisNotInRules: true,
    reporterOptions: { text: { highlightFocused: true } },
  },
};
