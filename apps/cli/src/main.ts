#!/usr/bin/env node
import { buildProgram } from './program.js';

// a reader that stops early (`assay score ... | head`) closes the pipe: the rest of the output
// has nowhere to go, but the command still finishes and exits with its own code (a gate's
// failure included) instead of dying on an unhandled EPIPE with a stack trace
process.stdout.on('error', (error: NodeJS.ErrnoException) => {
  if (error.code !== 'EPIPE') throw error;
});

const program = buildProgram();
await program.parseAsync(process.argv);
