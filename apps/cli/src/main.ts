#!/usr/bin/env node
import { buildProgram } from './program.js';

// a reader that stops early (`assay score ... | head`) closes the pipe, and a closed terminal
// (SIGHUP, which a run handles as Ctrl-C) fails writes with EIO: the rest of the output has
// nowhere to go, but the command still finishes (its journal and files written) and exits with
// its own code instead of dying on an unhandled error with a stack trace
for (const stream of [process.stdout, process.stderr]) {
  stream.on('error', (error: NodeJS.ErrnoException) => {
    if (error.code !== 'EPIPE' && error.code !== 'EIO') throw error;
  });
}

const program = buildProgram();
await program.parseAsync(process.argv);
