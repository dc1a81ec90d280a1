import type { Config } from './config.ts';
import type { Database, DbHandle } from './db/client.ts';
import type { PasswordChecker } from './modules/accounts/password-policy.ts';
import type { Clock } from './platform/clock.ts';
import type { Logger } from './platform/logger.ts';
import type { Queue } from './platform/queue.ts';

/** What the composition root hands to the web app and the worker. Tests build their own. */
export interface Deps {
  config: Config;
  dbHandle: DbHandle;
  db: Database;
  clock: Clock;
  logger: Logger;
  queue: Queue;
  passwords: PasswordChecker;
  /** Secret for CSRF tokens and other HMACs (SESSION_SECRET, or a per-data-dir secret in development). */
  secret: string;
}
