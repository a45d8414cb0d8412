import { readFileSync } from 'node:fs';
import path from 'node:path';
import { PROJECT_ROOT } from '../server/paths.ts';
import { Command, Option } from 'commander';
import { ConfigError } from '../server/config.ts';
import { DataDirLockedError } from '../server/db/lock.ts';
import { registerQcaCommand } from './qca-command.ts';
import { registerNetworkCommand } from './network-command.ts';
import { registerDiffusionCommand } from './diffusion-command.ts';
import { registerServerCommands } from './server-commands.ts';
import { registerCaseCommands } from './case-commands.ts';

const pkg = JSON.parse(readFileSync(path.join(PROJECT_ROOT, 'package.json'), 'utf8')) as {
  version: string;
};

const program = new Command('connective')
  .description('Connective: an open platform for public-sector innovation')
  .version(pkg.version, '-V, --version')
  .addHelpText(
    'after',
    '\nConfiguration comes from environment variables (DATA_DIR, DATABASE_URL, PORT, …); see README.md.',
  );
program.addOption(new Option('--no-color', 'plain output').hideHelp());
registerServerCommands(program);
registerQcaCommand(program);
registerNetworkCommand(program);
registerDiffusionCommand(program);
registerCaseCommands(program);

try {
  await program.parseAsync(process.argv);
} catch (err) {
  if (err instanceof ConfigError || err instanceof DataDirLockedError) {
    process.stderr.write(`connective: ${err.message}\n`);
    process.exit(2);
  }
  throw err;
}
