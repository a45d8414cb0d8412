import { Command } from 'commander';
import { vi } from 'vitest';

export type CliRun = { status: number; stdout: string; stderr: string };

/**
 * Runs a `connective` command in-process (no tsx start-up): `register` adds it to a fresh
 * program, `args` are what follows `connective`; stdout, stderr and the exit code are captured.
 */
export async function runCommand(
  register: (program: Command) => void,
  args: string[],
): Promise<CliRun> {
  const program = new Command('connective').exitOverride();
  register(program);
  let stdout = '';
  let stderr = '';
  const out = vi.spyOn(process.stdout, 'write').mockImplementation((chunk) => {
    stdout += String(chunk);
    return true;
  });
  const err = vi.spyOn(process.stderr, 'write').mockImplementation((chunk) => {
    stderr += String(chunk);
    return true;
  });
  try {
    await program.parseAsync(args, { from: 'user' });
  } finally {
    out.mockRestore();
    err.mockRestore();
  }
  const status = typeof process.exitCode === 'number' ? process.exitCode : 0;
  process.exitCode = undefined;
  return { status, stdout, stderr };
}
