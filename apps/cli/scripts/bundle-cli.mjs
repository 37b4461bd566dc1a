// Bundles the command line, with the workspace packages and libraries it imports, into
// dist/bin.js and a few lazily loaded chunks (one per command's implementation). Loaded as
// the ~500 ES modules that tsc emits, `assay score` spent about 0.45 s of a 1-s run resolving,
// reading and compiling modules before it read a byte of its file; bundled, about 0.15 s.
// Runs after `tsc -b`, from the package folder; dist/main.js is tsc's entry point.
//
// Kept external (resolved from this package's node_modules at run time): piscina, whose
// worker runtime must be the same copy that `move` marks results for; better-sqlite3, a
// native addon; @assay/spam-assassin, which finds its data files from its own location.
import { rmSync } from 'node:fs';
import { build } from 'esbuild';

// chunk names carry a content hash: clear the last build's, which nothing imports any more
rmSync('dist/chunks', { recursive: true, force: true });

await build({
  entryPoints: { bin: 'dist/main.js' },
  outdir: 'dist',
  chunkNames: 'chunks/[name]-[hash]',
  bundle: true,
  splitting: true,
  platform: 'node',
  format: 'esm',
  target: 'node20',
  external: ['piscina', 'better-sqlite3', '@assay/spam-assassin'],
  // CommonJS dependencies inside an ES module bundle need a real `require`
  banner: {
    js: "import { createRequire as __assayCreateRequire } from 'node:module'; const require = __assayCreateRequire(import.meta.url);",
  },
  logLevel: 'warning',
});
