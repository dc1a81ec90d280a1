/**
 * Start-up shared by every entry (server, worker, cli): configuration, database, migrations,
 * queue. Failures become one clear line and a non-zero exit.
 */
import { randomBytes } from 'node:crypto';
import { mkdir, readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { createCaptureMailer } from './adapters/mail/capture-mailer.ts';
import type { Mailer } from './adapters/mail/mailer.ts';
import { createSmtpMailer } from './adapters/mail/smtp-mailer.ts';
import { type Config, ConfigError, loadConfig } from './config.ts';
import { type DbHandle, openPglite, openPostgres } from './db/client.ts';
import { migrate } from './db/migrate.ts';
import type { Deps } from './deps.ts';
import { jobDefinitions } from './jobs.ts';
import { loadPasswordChecker } from './modules/accounts/password-policy.ts';
import { type Clock, systemClock } from './platform/clock.ts';
import { StartupError } from './platform/errors.ts';
import { createLogger, type Logger } from './platform/logger.ts';
import { lockDataDir } from './platform/pglite-lock.ts';
import { createQueue } from './platform/queue.ts';

export interface Booted {
  deps: Deps;
  mailer: Mailer;
  close(): Promise<void>;
}

export async function boot(
  options: { schedule: boolean; clock?: Clock } = { schedule: false },
): Promise<Booted> {
  const config = loadConfig();
  const logger = createLogger(config.logLevel === 'silent' ? 'silent' : config.logLevel);
  const dbHandle = await openDatabase(config);
  await migrate(dbHandle);
  const clock = options.clock ?? systemClock;
  const mailer = createMailer(config, dbHandle, clock);
  const queue = await createQueue(
    dbHandle,
    jobDefinitions({ mailer, dbHandle, clock, logger, config }),
    logger,
    {
      schedule: options.schedule,
    },
  );
  const secret = config.sessionSecret ?? (await developmentSecret(config));
  const passwords = await loadPasswordChecker(config);
  const deps: Deps = { config, dbHandle, db: dbHandle.db, clock, logger, queue, secret, passwords };
  return {
    deps,
    mailer,
    async close() {
      await queue.stop();
      await mailer.close();
      await dbHandle.close();
    },
  };
}

export function createMailer(config: Config, dbHandle: DbHandle, clock: Clock): Mailer {
  return config.mail.smtpUrl
    ? createSmtpMailer(config.mail.smtpUrl, config.mail.from)
    : createCaptureMailer(dbHandle.db, clock);
}

async function openDatabase(config: Config): Promise<DbHandle> {
  if (config.database.kind === 'pglite') {
    const release = await lockDataDir(config.dataDir);
    const handle = await openPglite({ dataDir: config.database.dataDir });
    return {
      ...handle,
      async close() {
        await handle.close();
        release();
      },
    };
  }
  try {
    return await openPostgres(config.database.url, config.database.poolMax);
  } catch (error) {
    const where = redact(config.database.url);
    throw new StartupError(`cannot connect to PostgreSQL at ${where}: ${(error as Error).message}`);
  }
}

/** Outside production a secret is generated once per data directory, so restarts keep sessions. */
async function developmentSecret(config: Config): Promise<string> {
  const file = path.join(config.dataDir, 'session-secret');
  try {
    return (await readFile(file, 'utf8')).trim();
  } catch {
    await mkdir(config.dataDir, { recursive: true });
    const secret = randomBytes(32).toString('base64url');
    await writeFile(file, secret, { mode: 0o600 });
    return secret;
  }
}

function redact(url: string): string {
  try {
    const u = new URL(url);
    if (u.password) u.password = '***';
    return u.toString();
  } catch {
    return '(unparseable URL)';
  }
}

/** Runs an entry; a configuration or start-up problem prints one line and exits 1. */
export async function runEntry(name: string, main: (logger: Logger) => Promise<void>): Promise<void> {
  try {
    await main(createLogger('info'));
  } catch (error) {
    if (error instanceof ConfigError || error instanceof StartupError) {
      process.stderr.write(`${name}: ${error.message}\n`);
    } else {
      process.stderr.write(`${name}: start-up failed: ${(error as Error)?.stack ?? String(error)}\n`);
    }
    process.exit(1);
  }
}
