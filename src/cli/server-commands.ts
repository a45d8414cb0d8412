import type { Command } from 'commander';

import { PlatformRole, SignUp } from '../shared/accounts.ts';
import { loadConfig } from '../server/config.ts';
import { HttpError } from '../server/errors.ts';
import type { TableSummary } from '../server/db/backup.ts';

// The server's modules load when a command runs (dynamic imports), so `--help` is quick and
// `serve` can open the database while the web framework is still loading.
const backup = () => import('../server/db/backup.ts');

/** Opens and migrates the configured database (DATA_DIR or DATABASE_URL), as the server would. */
export async function openMigrated() {
  const config = loadConfig();
  const { openDatabase } = await import('../server/db/client.ts');
  const database = await openDatabase({ dataDir: config.dataDir, databaseUrl: config.databaseUrl });
  try {
    await database.migrate();
  } catch (err) {
    await database.close();
    throw err;
  }
  return database;
}

export function fail(message: string): never {
  process.stderr.write(`connective: ${message}\n`);
  process.exit(1);
}

/** `serve`, `migrate` and `user create`: the same configuration as the server. */
export function registerServerCommands(program: Command): void {
  program
    .command('serve')
    .description('start the web server (API and web app on one port)')
    .action(async () => {
      const config = loadConfig();
      const { startServer } = await import('../server/serve.ts');
      const server = await startServer(config);
      let signals = 0;
      const shutdown = (signal: string) => {
        signals += 1;
        if (signals > 1) process.exit(1);
        server.app.log.info(`${signal}: finishing requests in flight, then stopping`);
        server.stop().then(
          () => process.exit(0),
          (err: unknown) => {
            server.app.log.error({ err }, 'error while stopping');
            process.exit(1);
          },
        );
      };
      process.on('SIGTERM', () => shutdown('SIGTERM'));
      process.on('SIGINT', () => shutdown('SIGINT'));
    });

  program
    .command('migrate')
    .description('apply the database migrations and exit')
    .action(async () => {
      const database = await openMigrated();
      try {
        process.stdout.write(`migrations applied (${database.engine}: ${database.location})\n`);
      } finally {
        await database.close();
      }
    });

  program
    .command('backup')
    .argument('<file>', 'where to write the backup (gzip)')
    .description('write a portable backup of every table (works on PGlite and PostgreSQL)')
    .action(async (file: string) => {
      const database = await openMigrated();
      try {
        printSummary(await (await backup()).backupTo(database, file), `backup written to ${file}`);
      } finally {
        await database.close();
      }
    });

  program
    .command('restore')
    .argument('<file>', 'a file written by `connective backup`')
    .description('restore a backup into an empty database, then verify row counts and checksums')
    .action(async (file: string) => {
      const database = await openMigrated();
      try {
        printSummary(
          await (await backup()).restoreFrom(database, file),
          `restored ${file} and verified it`,
        );
      } catch (err) {
        if (err instanceof (await backup()).BackupError) fail(err.message);
        throw err;
      } finally {
        await database.close();
      }
    });

  program
    .command('db')
    .description('database operations')
    .command('copy')
    .description(
      'copy the configured database (by default the embedded one) into an empty PostgreSQL database',
    )
    .requiredOption('--to <url>', 'postgres://… of the empty target database')
    .action(async (opts: { to: string }) => {
      if (!/^postgres(ql)?:\/\//.test(opts.to)) fail('--to must be a postgres:// URL');
      const from = await openMigrated();
      const { openDatabase } = await import('../server/db/client.ts');
      const to = await openDatabase({ dataDir: '', databaseUrl: opts.to }).catch(
        async (err: unknown) => {
          await from.close();
          throw err;
        },
      );
      try {
        await to.migrate();
        printSummary(
          await (await backup()).copyDatabase(from, to),
          `copied ${from.location} to ${to.location}; counts and checksums match`,
        );
      } catch (err) {
        if (err instanceof (await backup()).BackupError) fail(err.message);
        throw err;
      } finally {
        await from.close();
        await to.close();
      }
    });

  const user = program.command('user').description('manage accounts');
  user
    .command('create')
    .description('create an account (use --admin for the first platform admin)')
    .requiredOption('--email <email>', 'e-mail address')
    .requiredOption('--name <name>', 'full name')
    .option(
      '--password <password>',
      'password (at least 12 characters); or set CONNECTIVE_PASSWORD',
    )
    .option('--admin', 'make the account a platform admin')
    .option('--role <role>', 'platform role: member, moderator or admin', 'member')
    .action(
      async (opts: {
        email: string;
        name: string;
        password?: string;
        admin?: boolean;
        role: string;
      }) => {
        const role = PlatformRole.safeParse(opts.admin ? 'admin' : opts.role);
        if (!role.success) fail(`--role must be one of ${PlatformRole.options.join(', ')}`);
        const input = SignUp.safeParse({
          email: opts.email,
          name: opts.name,
          password: opts.password ?? process.env.CONNECTIVE_PASSWORD ?? '',
        });
        if (!input.success) {
          fail(input.error.issues.map((i) => `--${String(i.path[0])} ${i.message}`).join('; '));
        }
        const database = await openMigrated();
        try {
          const { createUser } = await import('../server/commands/accounts.ts');
          const created = await createUser(database.db, { ...input.data, platformRole: role.data });
          process.stdout.write(
            `created ${created.platformRole} ${created.email} (${created.id})\n`,
          );
        } catch (err) {
          if (err instanceof HttpError) fail(err.message);
          throw err;
        } finally {
          await database.close();
        }
      },
    );
}

function printSummary(tables: TableSummary[], message: string) {
  const width = Math.max(...tables.map((t) => t.table.length));
  for (const t of tables)
    process.stdout.write(
      `  ${t.table.padEnd(width)}  ${String(t.rows).padStart(8)} rows  md5 ${t.md5}\n`,
    );
  process.stdout.write(`${message}\n`);
}
