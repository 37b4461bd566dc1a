import type { Command } from 'commander';

/**
 * Registers `assay score` (placeholder until its implementation lands).
 *
 * @param program - the root program
 */
export function registerScoreCommand(program: Command): void {
  program.command('score').description('not implemented yet');
}
