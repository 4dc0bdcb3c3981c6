import { z } from 'zod';

const envSchema = z.object({
  PORT: z.coerce.number().int().min(0).max(65535).default(3000),
  HOST: z.string().min(1).default('0.0.0.0'),
  DATABASE_URL: z
    .string()
    .regex(/^postgres(ql)?:\/\//, 'must be a postgres:// URL')
    .optional(),
  PIPEWRIGHT_DATA_DIR: z.string().min(1).default('./data'),
  PIPEWRIGHT_PUBLIC_URL: z.url().optional(),
  PIPEWRIGHT_SIGNUP: z.enum(['open', 'closed']).default('open'),
  PIPEWRIGHT_SECURE_COOKIES: z.enum(['true', 'false']).optional(),
  PIPEWRIGHT_TRUST_PROXY: z.enum(['true', 'false']).default('false'),
  SMTP_URL: z
    .string()
    .regex(/^smtps?:\/\//, 'must be an smtp:// or smtps:// URL')
    .optional(),
  SMTP_FROM: z.string().min(3).default('Pipewright <pipewright@localhost>'),
  PIPEWRIGHT_JOBS: z.enum(['on', 'off']).default('on'),
  PIPEWRIGHT_JOB_POLL_SECONDS: z.coerce.number().min(0.5).max(60).default(2),
  LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
});

export type Config = {
  port: number;
  host: string;
  databaseUrl: string | undefined;
  dataDir: string;
  publicUrl: string | undefined;
  signup: 'open' | 'closed';
  secureCookies: boolean;
  /** Behind a reverse proxy: take the client address from X-Forwarded-For (login rate limits). */
  trustProxy: boolean;
  /** Where the daily digest goes out; no digest is sent without it. */
  smtpUrl: string | undefined;
  smtpFrom: string;
  /** Run the background worker (reminders, digests) in this process. */
  jobs: boolean;
  /** How often an idle worker looks for due jobs: the most a reminder can be late. */
  jobPollSeconds: number;
  logLevel: z.infer<typeof envSchema>['LOG_LEVEL'];
};

export class ConfigError extends Error {}

/** Parses the environment once; a bad value stops start-up with a message naming the variable. */
export function loadConfig(env: NodeJS.ProcessEnv = process.env): Config {
  // An empty variable means "not set", as shells and .env files commonly write it.
  const present = Object.fromEntries(Object.entries(env).filter(([, v]) => v !== ''));
  const parsed = envSchema.safeParse(present);
  if (!parsed.success) {
    const lines = parsed.error.issues.map((i) => `  ${i.path.join('.')}: ${i.message}`);
    throw new ConfigError(`Invalid environment:\n${lines.join('\n')}`);
  }
  const e = parsed.data;
  return {
    port: e.PORT,
    host: e.HOST,
    databaseUrl: e.DATABASE_URL,
    dataDir: e.PIPEWRIGHT_DATA_DIR,
    publicUrl: e.PIPEWRIGHT_PUBLIC_URL,
    signup: e.PIPEWRIGHT_SIGNUP,
    secureCookies: e.PIPEWRIGHT_SECURE_COOKIES
      ? e.PIPEWRIGHT_SECURE_COOKIES === 'true'
      : (e.PIPEWRIGHT_PUBLIC_URL?.startsWith('https://') ?? false),
    trustProxy: e.PIPEWRIGHT_TRUST_PROXY === 'true',
    smtpUrl: e.SMTP_URL,
    smtpFrom: e.SMTP_FROM,
    jobs: e.PIPEWRIGHT_JOBS === 'on',
    jobPollSeconds: e.PIPEWRIGHT_JOB_POLL_SECONDS,
    logLevel: e.LOG_LEVEL,
  };
}
