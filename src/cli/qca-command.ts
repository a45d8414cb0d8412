import type { Command } from 'commander';

/** Registers `connective qca` (being built). */
export function registerQcaCommand(_program: Command): void {}
