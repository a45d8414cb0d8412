import type { FastifyInstance } from 'fastify';
import type { Config } from './config.ts';
import { openDatabase, type Database } from './db/client.ts';

export type RunningServer = {
  app: FastifyInstance;
  database: Database;
  url: string;
  stop: () => Promise<void>;
};

/** Opens the database, applies migrations, seeds the demo when asked, and listens. */
export async function startServer(config: Config): Promise<RunningServer> {
  // Open the database (PGlite compiles its WebAssembly) while the web framework loads.
  const opening = openDatabase({
    dataDir: config.dataDir,
    databaseUrl: config.databaseUrl,
    poolSize: config.databasePoolSize,
  });
  const [{ buildApp }, { seedDemo, seedJrcCases }] = await Promise.all([
    import('./app.ts'),
    import('./demo/seed.ts'),
  ]).catch(async (err: unknown) => {
    await (await opening).close();
    throw err;
  });
  const database = await opening;
  let app: FastifyInstance | undefined;
  try {
    await database.migrate();
    app = await buildApp({ config, database });
    if (config.demo && (await seedDemo(database.db))) {
      app.log.info('seeded the demo content (DEMO=0 or NODE_ENV=production turns this off)');
    }
    if (config.demo && (await seedJrcCases(database.db))) {
      app.log.info('imported the 853 JRC public-sector cases of the demo');
    }
    const url = await app.listen({ port: config.port, host: config.host });
    app.log.info(
      { engine: database.engine, data: database.location },
      `Connective is listening on ${url}`,
    );
    let stopping: Promise<void> | undefined;
    const running: RunningServer = {
      app,
      database,
      url,
      // Stop accepting, let requests in flight finish, then close the database.
      stop: () =>
        (stopping ??= (async () => {
          try {
            await app?.close();
          } finally {
            await database.close();
          }
        })()),
    };
    return running;
  } catch (err) {
    await app?.close().catch(() => undefined);
    await database.close().catch(() => undefined);
    throw err;
  }
}
