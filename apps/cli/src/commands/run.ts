import type { Command } from 'commander';

/**
 * Registers `assay run` (placeholder until its implementation lands).
 *
 * @param program - the root program
 */
export function registerRunCommand(program: Command): void {
  program.command('run').description('not implemented yet');
}
