import type { Command } from 'commander';

/** Registers `connective network` (being built). */
export function registerNetworkCommand(_program: Command): void {}
