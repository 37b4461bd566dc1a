// Bundles each worker entry point of the pool, with the workspace packages it imports, into
// one file next to the compiled output. A worker thread that loads the ~170 ES modules of
// dist/worker.js spends about 200 ms of CPU resolving, reading and compiling them; the one
// file takes about 70 ms. That start-up is paid by every worker of every fresh process
// (`assay score` starts its workers while it reads the file, and on two cores their start-up
// competes with the read). Runs after `tsc -b`, from the package folder.
import { build } from 'esbuild';

await build({
  entryPoints: {
    worker: 'dist/worker.js',
    'generation-worker': 'dist/generation/generation-worker.js',
  },
  outdir: 'dist/bundle',
  bundle: true,
  platform: 'node',
  format: 'esm',
  target: 'node20',
  // piscina's `move` marks a result for the worker runtime of the same piscina copy
  external: ['piscina'],
  // CommonJS dependencies inside an ES module bundle need a real `require`
  banner: {
    js: "import { createRequire as __assayCreateRequire } from 'node:module'; const require = __assayCreateRequire(import.meta.url);",
  },
  logLevel: 'warning',
});
