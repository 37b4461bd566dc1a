import type { Command } from 'commander';

/**
 * Registers `assay demo` (placeholder until its implementation lands).
 *
 * @param program - the root program
 */
export function registerDemoCommand(program: Command): void {
  program.command('demo').description('not implemented yet');
}
