import type { FastifyInstance } from 'fastify';
import { sql } from 'drizzle-orm';
import { z } from 'zod';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';

const Health = z.object({ status: z.literal('ok') });
const Ready = z.object({ status: z.literal('ready'), engine: z.enum(['pglite', 'postgres']) });

export async function healthRoutes(root: FastifyInstance): Promise<void> {
  const app = root.withTypeProvider<ZodTypeProvider>();
  app.get(
    '/health',
    { schema: { tags: ['meta'], summary: 'The process is up', response: { 200: Health } } },
    async () => ({ status: 'ok' as const }),
  );
  app.get(
    '/ready',
    { schema: { tags: ['meta'], summary: 'The database answers', response: { 200: Ready } } },
    async () => {
      await app.database.db.execute(sql`select 1`);
      return { status: 'ready' as const, engine: app.database.engine };
    },
  );
}
