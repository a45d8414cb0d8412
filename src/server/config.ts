import path from 'node:path';
import { z } from 'zod';

const Bool = z
  .enum(['0', '1', 'true', 'false', 'yes', 'no'], { message: 'must be 0/1, true/false or yes/no' })
  .transform((v) => v === '1' || v === 'true' || v === 'yes');

const EnvSchema = z.object({
  NODE_ENV: z.enum(['development', 'production', 'test']).default('development'),
  PORT: z.coerce.number().int().min(0).max(65535).default(3000),
  HOST: z.string().min(1).default('localhost'),
  DATA_DIR: z.string().min(1).default('./data'),
  DATABASE_URL: z
    .string()
    .regex(/^postgres(ql)?:\/\//, { message: 'must start with postgres:// or postgresql://' })
    .optional(),
  DATABASE_POOL_SIZE: z.coerce.number().int().min(1).max(200).default(10),
  SEARCH_CACHE_SIZE: z.coerce.number().int().min(0).max(100_000).default(1000),
  DEMO: Bool.optional(),
  LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
  SESSION_TTL_HOURS: z.coerce
    .number()
    .int()
    .min(1)
    .max(24 * 365)
    .default(24 * 14),
  BODY_LIMIT_BYTES: z.coerce
    .number()
    .int()
    .min(1024)
    .max(50 * 1024 * 1024)
    .default(1024 * 1024),
  AUTH_RATE_LIMIT_PER_MINUTE: z.coerce.number().int().min(1).max(100_000).default(10),
  AUTH_RATE_LIMIT_WINDOW_SECONDS: z.coerce.number().int().min(1).max(3600).default(60),
  TRUST_PROXY: Bool.default(false),
  WEB_DIST_DIR: z.string().min(1).default('./dist/web'),
  SMTP_URL: z
    .string()
    .regex(/^smtps?:\/\//, { message: 'must start with smtp:// or smtps://' })
    .optional(),
  MAIL_FROM: z.string().min(3).default('Connective <no-reply@localhost>'),
  PUBLIC_URL: z.url().optional(),
  MAIL_WORKER: Bool.optional(),
  MAIL_POLL_MS: z.coerce.number().int().min(50).max(3_600_000).default(2000),
  MAIL_LEASE_MS: z.coerce.number().int().min(1000).max(86_400_000).default(120_000),
  MAIL_DIGEST_CHECK_MS: z.coerce.number().int().min(100).max(86_400_000).default(600_000),
  MAIL_DIGEST_DAY_SECONDS: z.coerce.number().int().min(1).max(86_400).default(86_400),
  RESPONSIVENESS_CACHE_SECONDS: z.coerce.number().int().min(0).max(86_400).optional(),
  MATCH_NOTIFY_THRESHOLD: z.coerce.number().min(0).max(1).default(0.6),
});

export type Config = {
  env: 'development' | 'production' | 'test';
  port: number;
  host: string;
  dataDir: string;
  databaseUrl: string | undefined;
  databasePoolSize: number;
  /** Case searches whose answers are kept until the next case write (0: none). */
  searchCacheSize: number;
  demo: boolean;
  logLevel: z.infer<typeof EnvSchema>['LOG_LEVEL'];
  sessionTtlHours: number;
  bodyLimitBytes: number;
  authRateLimitPerMinute: number;
  authRateLimitWindowSeconds: number;
  trustProxy: boolean;
  webDistDir: string;
  /** Where e-mail goes; without it e-mails are only logged. */
  smtpUrl: string | undefined;
  mailFrom: string;
  /** The address people reach the platform at, for links in e-mails. */
  publicUrl: string;
  /** Whether this instance delivers the outbox (off in tests, which deliver by hand). */
  mailWorker: boolean;
  mailPollMs: number;
  /** How long a claimed message is reserved for its sender before another may take it. */
  mailLeaseMs: number;
  /** How often each instance checks whose digest is due. */
  mailDigestCheckMs: number;
  /** The length of a digest "day" (a week is seven): shorter only for tests and demonstrations. */
  mailDigestDaySeconds: number;
  /** How long each server keeps the responsiveness figures before computing them again. */
  responsivenessCacheSeconds: number;
  /** A new offer or request scoring at least this (0–1) against yours is notified to you. */
  matchNotifyThreshold: number;
};

export class ConfigError extends Error {
  override name = 'ConfigError';
}

/** Reads and validates the configuration from environment variables; a bad value throws a ConfigError naming it. */
export function loadConfig(env: Record<string, string | undefined> = process.env): Config {
  const cleaned = Object.fromEntries(
    Object.keys(EnvSchema.shape).map((k) => [k, env[k] === '' ? undefined : env[k]]),
  );
  const parsed = EnvSchema.safeParse(cleaned);
  if (!parsed.success) {
    const lines = parsed.error.issues.map(
      (i) => `  ${String(i.path[0])}=${JSON.stringify(cleaned[String(i.path[0])])}: ${i.message}`,
    );
    throw new ConfigError(`Invalid configuration:\n${lines.join('\n')}`);
  }
  const e = parsed.data;
  return {
    env: e.NODE_ENV,
    port: e.PORT,
    host: e.HOST,
    dataDir: path.resolve(e.DATA_DIR),
    databaseUrl: e.DATABASE_URL,
    databasePoolSize: e.DATABASE_POOL_SIZE,
    searchCacheSize: e.SEARCH_CACHE_SIZE,
    demo: e.DEMO ?? e.NODE_ENV !== 'production',
    logLevel: e.LOG_LEVEL,
    sessionTtlHours: e.SESSION_TTL_HOURS,
    bodyLimitBytes: e.BODY_LIMIT_BYTES,
    authRateLimitPerMinute: e.AUTH_RATE_LIMIT_PER_MINUTE,
    authRateLimitWindowSeconds: e.AUTH_RATE_LIMIT_WINDOW_SECONDS,
    trustProxy: e.TRUST_PROXY,
    webDistDir: path.resolve(e.WEB_DIST_DIR),
    smtpUrl: e.SMTP_URL,
    mailFrom: e.MAIL_FROM,
    publicUrl: (e.PUBLIC_URL ?? `http://localhost:${e.PORT}`).replace(/\/$/, ''),
    mailWorker: e.MAIL_WORKER ?? e.NODE_ENV !== 'test',
    mailPollMs: e.MAIL_POLL_MS,
    mailLeaseMs: e.MAIL_LEASE_MS,
    mailDigestCheckMs: e.MAIL_DIGEST_CHECK_MS,
    mailDigestDaySeconds: e.MAIL_DIGEST_DAY_SECONDS,
    responsivenessCacheSeconds: e.RESPONSIVENESS_CACHE_SECONDS ?? (e.NODE_ENV === 'test' ? 0 : 30),
    matchNotifyThreshold: e.MATCH_NOTIFY_THRESHOLD,
  };
}

/** Every variable the server reads, with its default, for the README and `--help`. */
export const CONFIG_VARIABLES = Object.keys(EnvSchema.shape);
