import fs from 'node:fs';
import path from 'node:path';
import { randomUUID } from 'node:crypto';
import Fastify, { type FastifyError, type FastifyInstance, type FastifyReply } from 'fastify';
import compress from '@fastify/compress';
import cookie from '@fastify/cookie';
import helmet from '@fastify/helmet';
import rateLimit from '@fastify/rate-limit';
import fastifyStatic from '@fastify/static';
import swagger from '@fastify/swagger';
import swaggerUi from '@fastify/swagger-ui';
import {
  hasZodFastifySchemaValidationErrors,
  jsonSchemaTransform,
  serializerCompiler,
  validatorCompiler,
} from 'fastify-type-provider-zod';
import type { Config } from './config.ts';
import type { Database } from './db/client.ts';
import { HttpError } from './errors.ts';
import { findUnstorableText } from './text-guard.ts';
import { authPlugin } from './auth/plugin.ts';
import { healthRoutes } from './routes/health/health.ts';
import { authRoutes } from './routes/auth/auth.ts';
import { meRoutes } from './routes/me/me.ts';
import { organisationRoutes } from './routes/organisations/organisations.ts';
import { auditRoutes } from './routes/audit/audit.ts';
import { caseRoutes } from './routes/cases/cases.ts';
import { NetworkService } from './network/service.ts';
import { diffusionRoutes } from './routes/diffusion/diffusion.ts';
import { networkRoutes } from './routes/network/network.ts';
import { qcaRoutes } from './routes/qca/qca.ts';
import { spaceRoutes } from './routes/spaces/spaces.ts';
import { experimentRoutes } from './routes/spaces/experiments.ts';
import { notificationRoutes } from './routes/me/notifications.ts';
import { needRoutes } from './routes/needs/needs.ts';
import { initiativeRoutes } from './routes/initiatives/initiatives.ts';
import { exchangeRoutes } from './routes/exchange/exchange.ts';
import { groupRoutes } from './routes/groups/groups.ts';
import { ExchangeMatcher } from './exchange/matcher.ts';
import { moderationRoutes } from './routes/moderation/moderation.ts';
import { MailWorker } from './notifications/mailer.ts';
import { CaseIndex } from './search/case-index.ts';
import type { FieldIssue } from '../shared/errors.ts';

declare module 'fastify' {
  interface FastifyInstance {
    config: Config;
    database: Database;
    /** This server's facet index of the published cases (kept in step with the database). */
    caseIndex: CaseIndex;
    network: NetworkService;
    /** Delivers the e-mail outbox (started when `MAIL_WORKER` is on; tests call `tick`). */
    mailer: MailWorker;
    /** The in-memory matching indexes of the resource exchange, kept current by revision. */
    exchangeMatcher: ExchangeMatcher;
    /** Every route registered, for the permission matrix's completeness check. */
    routeList: { method: string; url: string }[];
  }
}

function validationDetails(err: FastifyError): FieldIssue[] {
  const where = err.validationContext ?? 'body';
  const out: FieldIssue[] = [];
  for (const v of err.validation ?? []) {
    const base = v.instancePath.replace(/^\//, '').replaceAll('/', '.');
    const keys = (v.params as { keys?: unknown }).keys;
    if (v.keyword === 'unrecognized_keys' && Array.isArray(keys)) {
      for (const k of keys) {
        out.push({
          path: [base, String(k)].filter(Boolean).join('.'),
          message: 'is not a known field',
        });
      }
    } else {
      out.push({ path: base || where, message: v.message ?? 'is invalid' });
    }
  }
  return out;
}

/** Maps every error to `{ error: { code, message, details } }`; no stack traces or SQL leave the server. */
function sendError(err: FastifyError | HttpError | Error, reply: FastifyReply) {
  if (err instanceof HttpError) {
    return reply
      .status(err.statusCode)
      .send({ error: { code: err.code, message: err.message, details: err.details } });
  }
  const fe = err as FastifyError;
  if (hasZodFastifySchemaValidationErrors(fe)) {
    const details = validationDetails(fe);
    const fields = details.map((d) => `${d.path} ${d.message}`).join('; ');
    return reply
      .status(400)
      .send({ error: { code: 'validation', message: `Invalid input: ${fields}`, details } });
  }
  const status = fe.statusCode ?? 500;
  const codes: Record<string, [number, string, string]> = {
    FST_ERR_CTP_INVALID_JSON_BODY: [400, 'malformed_json', 'The request body is not valid JSON.'],
    FST_ERR_CTP_EMPTY_JSON_BODY: [400, 'malformed_json', 'The request body is empty.'],
    FST_ERR_CTP_BODY_TOO_LARGE: [413, 'body_too_large', 'The request body is too large.'],
    FST_ERR_CTP_INVALID_MEDIA_TYPE: [
      415,
      'unsupported_media_type',
      'Send the request body as application/json.',
    ],
  };
  const known = fe.code ? codes[fe.code] : undefined;
  if (known) return reply.status(known[0]).send({ error: { code: known[1], message: known[2] } });
  if (err instanceof SyntaxError && status === 400) {
    return reply
      .status(400)
      .send({ error: { code: 'malformed_json', message: 'The request body is not valid JSON.' } });
  }
  if (status === 429) {
    return reply.status(429).send({
      error: { code: 'rate_limited', message: 'Too many requests; try again in a minute.' },
    });
  }
  if (status >= 400 && status < 500) {
    return reply.status(status).send({ error: { code: 'bad_request', message: fe.message } });
  }
  reply.log.error({ err }, 'unhandled error');
  return reply
    .status(500)
    .send({ error: { code: 'internal', message: 'Something went wrong on our side.' } });
}

export type AppOptions = { config: Config; database: Database; logger?: boolean };

/** Builds the Fastify app: API under /api, OpenAPI at /api/docs, the web app on the same port. */
export async function buildApp({
  config,
  database,
  logger = true,
}: AppOptions): Promise<FastifyInstance> {
  // Responses are checked against their schemas in development and tests; in production the
  // presenters' types (`satisfies`) already fix every field, and plain JSON is faster.
  const responseSerializer =
    config.env === 'production'
      ? () => (data: unknown) => JSON.stringify(data)
      : serializerCompiler;
  const app = Fastify({
    logger: logger
      ? {
          level: config.logLevel,
          redact: [
            'req.headers.cookie',
            'req.headers.authorization',
            'req.headers["x-csrf-token"]',
          ],
        }
      : false,
    bodyLimit: config.bodyLimitBytes,
    trustProxy: config.trustProxy,
    genReqId: () => randomUUID(),
    // zod validates every input; giving fastify the compilers up front spares it loading ajv.
    schemaController: {
      compilersFactory: {
        // Typed for ajv's pool signature; fastify calls it with no arguments here.
        buildValidator: (() => validatorCompiler) as never,
        buildSerializer: (() => responseSerializer) as never,
      },
    },
    requestIdHeader: 'x-request-id',
  });
  app.decorate('config', config);
  app.decorate('database', database);
  app.decorate('caseIndex', new CaseIndex(database.db, { cacheSize: config.searchCacheSize }));
  const network = new NetworkService(database.db);
  app.decorate('network', network);
  app.addHook('onClose', async () => network.close());
  const mailer = new MailWorker(database.db, config, app.log);
  app.decorate('mailer', mailer);
  const exchangeMatcher = new ExchangeMatcher({
    notifyThreshold: config.matchNotifyThreshold,
    cacheSize: config.searchCacheSize,
  });
  app.decorate('exchangeMatcher', exchangeMatcher);
  // Load the matching indexes in the background, so the first person to ask does not wait.
  app.addHook('onReady', async () => {
    exchangeMatcher
      .refresh(database.db)
      .catch((err: unknown) => app.log.warn({ err }, 'exchange index not loaded yet'));
  });
  if (config.mailWorker) app.addHook('onReady', async () => mailer.start());
  app.addHook('onClose', async () => mailer.stop());
  const routeList: { method: string; url: string }[] = [];
  app.decorate('routeList', routeList);
  app.addHook('onRoute', (route) => {
    for (const method of [route.method].flat()) routeList.push({ method, url: route.url });
  });
  app.setErrorHandler((err, _request, reply) => sendError(err as FastifyError, reply));
  app.addHook('preValidation', async (request) => {
    const issues = [...findUnstorableText(request.body), ...findUnstorableText(request.query)];
    if (issues.length > 0) {
      throw new HttpError(
        400,
        'validation',
        `Invalid input: ${issues[0]!.path} ${issues[0]!.message}`,
        issues,
      );
    }
  });
  app.addHook('onSend', async (request, reply) => {
    reply.header('x-request-id', request.id);
  });

  await app.register(compress, { global: true, threshold: 1024 });
  await app.register(helmet, {
    contentSecurityPolicy: {
      directives: {
        defaultSrc: ["'self'"],
        scriptSrc: ["'self'"],
        styleSrc: ["'self'"],
        imgSrc: ["'self'", 'data:'],
        fontSrc: ["'self'", 'data:'],
        connectSrc: ["'self'"],
        objectSrc: ["'none'"],
        frameAncestors: ["'none'"],
        baseUri: ["'self'"],
        formAction: ["'self'"],
        upgradeInsecureRequests: null,
      },
    },
    crossOriginEmbedderPolicy: false,
    strictTransportSecurity: config.env === 'production',
  });
  await app.register(cookie);
  await app.register(rateLimit, {
    global: false,
    errorResponseBuilder: () =>
      new HttpError(429, 'rate_limited', 'Too many attempts; try again in a minute.'),
  });
  await app.register(swagger, {
    openapi: {
      openapi: '3.1.0',
      info: {
        title: 'Connective API',
        version: '0.1.0',
        description:
          'JSON over HTTP. Cookie sessions; every write with a session sends the `x-csrf-token` header from `GET /api/session`. Errors: `{ "error": { "code", "message", "details" } }`.',
        license: { name: 'EUPL-1.2', identifier: 'EUPL-1.2' },
      },
      components: {
        securitySchemes: {
          session: { type: 'apiKey', in: 'cookie', name: 'connective_session' },
          csrf: { type: 'apiKey', in: 'header', name: 'x-csrf-token' },
        },
      },
    },
    transform: jsonSchemaTransform,
  });
  await app.register(swaggerUi, { routePrefix: '/api/docs', staticCSP: true });
  app.get('/api/openapi.json', { schema: { hide: true } }, async () => app.swagger());

  await app.register(authPlugin);
  await app.register(healthRoutes, { prefix: '/api' });
  await app.register(authRoutes, { prefix: '/api' });
  await app.register(meRoutes, { prefix: '/api' });
  await app.register(organisationRoutes, { prefix: '/api' });
  await app.register(auditRoutes, { prefix: '/api' });
  await app.register(caseRoutes, { prefix: '/api' });
  await app.register(qcaRoutes, { prefix: '/api' });
  await app.register(networkRoutes, { prefix: '/api' });
  await app.register(diffusionRoutes, { prefix: '/api' });
  await app.register(spaceRoutes, { prefix: '/api' });
  await app.register(experimentRoutes, { prefix: '/api' });
  await app.register(notificationRoutes, { prefix: '/api' });
  await app.register(needRoutes, { prefix: '/api' });
  await app.register(initiativeRoutes, { prefix: '/api' });
  await app.register(exchangeRoutes, { prefix: '/api' });
  await app.register(groupRoutes, { prefix: '/api' });
  await app.register(moderationRoutes, { prefix: '/api' });

  app.get('/robots.txt', { schema: { hide: true } }, async (_req, reply) =>
    reply.type('text/plain').send('User-agent: *\nDisallow: /api/\n'),
  );

  const indexHtml = path.join(config.webDistDir, 'index.html');
  const hasWeb = fs.existsSync(indexHtml);
  if (hasWeb) {
    await app.register(fastifyStatic, {
      root: config.webDistDir,
      wildcard: false,
      index: false,
      maxAge: '1h',
    });
  }
  app.setNotFoundHandler(async (request, reply) => {
    const url = request.url.split('?')[0] ?? '';
    if (
      url.startsWith('/api/') ||
      url === '/api' ||
      (request.method !== 'GET' && request.method !== 'HEAD')
    ) {
      return sendError(new HttpError(404, 'not_found', 'No such route.'), reply);
    }
    if (!hasWeb) {
      return reply
        .status(503)
        .type('text/plain')
        .send('The web app is not built. Run `npm run build` (npm start does this for you).');
    }
    // The single-page app routes everything else, its own 404 page included.
    return reply.header('cache-control', 'no-cache').sendFile('index.html', { maxAge: 0 });
  });

  return app;
}
